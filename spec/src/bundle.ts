/** `redocly bundle` as a function: one JSON document with every $ref of the split spec resolved. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SPEC_PATH } from './index.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function bundleSpec(output: string, root: string = SPEC_PATH): void {
  const run = spawnSync('npx', ['--no-install', 'redocly', 'bundle', root, '--output', output], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (run.status !== 0) throw new Error(`redocly bundle ${root} failed:\n${run.stdout}\n${run.stderr}`);
}
