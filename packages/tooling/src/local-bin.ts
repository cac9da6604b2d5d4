/**
 * Running the repo's own tool binaries (redocly, spectral, ...) the one way
 * every package does: `npx --no-install` from the repo root, so nothing is
 * fetched, with telemetry and update notices off.
 */
import { execFile, spawnSync, type StdioOptions } from 'node:child_process';
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

const npxArgs = (args: string[]) => ['--no-install', ...args];
const quietEnv = () => ({ ...process.env, ...QUIET_ENV });

/** Runs a local binary; a non-zero exit is not an error (linters exit 1 on findings). */
export function runLocalBin(args: string[]): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(
      'npx',
      npxArgs(args),
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
  const run = spawnSync('npx', npxArgs(args), { cwd: REPO_ROOT, env: quietEnv(), encoding: 'utf8', stdio });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}
