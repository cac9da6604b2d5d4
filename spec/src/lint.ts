/** Runs `redocly lint` with the repo's redocly.yaml and returns its findings. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SPEC_PATH } from './index.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer?: string; source?: { ref?: string } }>;
}

export interface LintResult {
  totals: { errors: number; warnings: number; ignored: number };
  problems: LintProblem[];
}

export function redoclyLint(target: string = SPEC_PATH, extraArgs: string[] = []): LintResult {
  const run = spawnSync('npx', ['--no-install', 'redocly', 'lint', target, '--format', 'json', ...extraArgs], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`redocly lint printed no report:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout.slice(start)) as LintResult;
}

/** One line a problem, for a readable assertion message. */
export function describeProblems(result: LintResult): string[] {
  return result.problems.map(
    (problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer ?? ''})`,
  );
}
