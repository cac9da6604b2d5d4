/**
 * Running the repo's own tool binaries (redocly, spectral, ...) the one way
 * every package does: the installed `node_modules/.bin/<tool>`, run from the
 * repo root, so nothing is fetched, with telemetry and update notices off.
 * Not through npx: its start costs about half a second of CPU per call, and
 * the linters and bundler are called dozens of times in `npm test`.
 */
import { execFile, type StdioOptions, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo.js';

export const QUIET_ENV = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_UPDATE_NOTIFIER: '1',
  DO_NOT_TRACK: '1',
};

export interface ToolRun {
  stdout: string;
  stderr: string;
}

const quietEnv = () => ({ ...process.env, ...QUIET_ENV });

/** The installed binary of `tool`; throws a one-line hint when it is not installed. */
export function localBin(tool: string): string {
  const bin = join(REPO_ROOT, 'node_modules', '.bin', tool);
  if (!existsSync(bin)) throw new Error(`${tool} is not installed in ${REPO_ROOT}node_modules: run npm install.`);
  return bin;
}

/** Runs a local binary; a non-zero exit is not an error (linters exit 1 on findings). */
export function runLocalBin(args: string[]): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const [tool = '', ...rest] = args;
    execFile(
      localBin(tool),
      rest,
      { cwd: REPO_ROOT, env: quietEnv(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ stdout, stderr });
      },
    );
  });
}

/** Runs a local binary to completion; returns its exit status (and its output unless `stdio` passes it through). */
export function runLocalBinSync(args: string[], stdio: StdioOptions = 'pipe'): ToolRun & { status: number | null } {
  const [tool = '', ...rest] = args;
  const run = spawnSync(localBin(tool), rest, { cwd: REPO_ROOT, env: quietEnv(), encoding: 'utf8', stdio });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}
