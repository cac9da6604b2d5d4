/** `redocly bundle` as a function: one JSON document with every $ref of the split spec resolved. */
import { SPEC_PATH } from './index.js';
import { runLocalBinSync } from '@leaf-credentials/tooling';

export function bundleSpec(output: string, root: string = SPEC_PATH): void {
  const run = runLocalBinSync(['redocly', 'bundle', root, '--output', output]);
  if (run.status !== 0) throw new Error(`redocly bundle ${root} failed:\n${run.stdout}\n${run.stderr}`);
}
