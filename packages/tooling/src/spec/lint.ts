/**
 * The spec's two linters as functions, run through the repo's own binaries
 * (node_modules/.bin, telemetry off): `redocly lint` with redocly.yaml and
 * Spectral with .spectral.yaml. Both report findings in one shape, located by
 * JSON pointer, so tests can assert which rule fired where.
 */
import { join } from 'node:path';
import { BUNDLED_SPEC_PATH, formatPointer, SPEC_PATH } from '@leaf-credentials/spec';
import { REPO_ROOT, runLocalBin, type ToolRun } from '../index.js';

/** Spectral's ruleset: spectral:oas plus the OWASP API security rules, with the reasoned exceptions. */
export const SPECTRAL_RULESET_PATH = join(REPO_ROOT, '.spectral.yaml');

export interface LintFinding {
  rule: string;
  severity: 'error' | 'warn' | 'info' | 'hint';
  message: string;
  /** JSON pointer into the linted document, e.g. `#/components/schemas/Problem`. */
  pointer: string;
  /** The file the finding is in (a $ref'd file of a split spec, or the target). */
  file: string;
}

/** The JSON document a tool printed, between its first `open` and last `close` character. */
function parseReport<T>(run: ToolRun, open: '{' | '[', tool: string): T {
  const close = open === '{' ? '}' : ']';
  const start = run.stdout.indexOf(open);
  const end = run.stdout.lastIndexOf(close);
  if (start < 0 || end < start) throw new Error(`${tool} printed no report:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout.slice(start, end + 1)) as T;
}

interface RedoclyReport {
  problems: Array<{
    ruleId: string;
    severity: 'error' | 'warn';
    message: string;
    location: Array<{ pointer?: string; source?: { ref?: string } }>;
  }>;
}

/** `redocly lint` of one document (the split spec by default) with redocly.yaml's rules. */
export async function redoclyLint(target: string = SPEC_PATH): Promise<LintFinding[]> {
  const run = await runLocalBin(['redocly', 'lint', target, '--format', 'json']);
  const report = parseReport<RedoclyReport>(run, '{', 'redocly lint');
  return report.problems.map((problem) => ({
    rule: problem.ruleId,
    severity: problem.severity,
    message: problem.message,
    pointer: problem.location[0]?.pointer ?? '',
    file: problem.location[0]?.source?.ref ?? target,
  }));
}

interface SpectralResult {
  code: string | number;
  severity: 0 | 1 | 2 | 3;
  message: string;
  path: Array<string | number>;
  source?: string;
}

const SPECTRAL_SEVERITIES = ['error', 'warn', 'info', 'hint'] as const;

/** An RFC 6901 pointer for Spectral's path, in the `#/...` form Redocly prints (`#/` for the root). */
function toPointer(path: Array<string | number>): string {
  return `#${formatPointer(path) || '/'}`;
}

/**
 * Spectral with .spectral.yaml. It lints the bundled spec by default: Spectral
 * reports the split spec's shared components as unused, and the bundle is what
 * every consumer reads (with its generated code samples).
 */
export async function spectralLint(target: string = BUNDLED_SPEC_PATH): Promise<LintFinding[]> {
  const run = await runLocalBin([
    'spectral',
    'lint',
    target,
    '--ruleset',
    SPECTRAL_RULESET_PATH,
    '--format',
    'json',
    '--quiet',
  ]);
  const results = parseReport<SpectralResult[]>(run, '[', 'spectral lint');
  return results.map((result) => ({
    rule: String(result.code),
    severity: SPECTRAL_SEVERITIES[result.severity],
    message: result.message,
    pointer: toPointer(result.path),
    file: result.source ?? target,
  }));
}

/** One line a finding, for a readable assertion message. */
export function describeFindings(findings: LintFinding[]): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.rule}: ${finding.message} (${finding.pointer})`);
}
