/**
 * `redocly bundle` as a function: one JSON document with every $ref of the
 * split spec resolved, plus what the spec implies but never states twice: the
 * sidebar groups (from the tags) and each operation's code samples (from the
 * templates). The split source must not state them itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type BundledSpec, listOperations, SPEC_PATH } from '@leaf-credentials/spec';
import { runLocalBinSync } from '../index.js';
import { withCodeSamples } from './code-samples/index.js';
import { withTagGroups } from './tag-groups.js';

/** Keys the bundle step writes; hand-written copies would drift from their source. */
const DERIVED_KEYS = ['x-tagGroups', 'x-codeSamples'] as const;

function handWrittenDerivedKeys(spec: BundledSpec): string[] {
  const found = spec['x-tagGroups'] === undefined ? [] : ['x-tagGroups (the root file)'];
  for (const { operationId, operation } of listOperations(spec)) {
    if (operation['x-codeSamples'] !== undefined) found.push(`x-codeSamples (${operationId})`);
  }
  return found;
}

export interface BundleOptions {
  /** Bundling a bundle again (derived keys are then replaced, not refused). */
  rebundle?: boolean;
}

/** What the bundle step adds to redocly's bundle of `root`; refuses derived keys written by hand. */
export function deriveBundle(bundled: BundledSpec, root: string, options: BundleOptions = {}): BundledSpec {
  const handWritten = options.rebundle ? [] : handWrittenDerivedKeys(bundled);
  if (handWritten.length > 0) {
    throw new Error(
      `${root} states what the bundle step derives (${DERIVED_KEYS.join(', ')}): remove ${handWritten.join(', ')}. ` +
        'Sidebar groups come from the tags (x-leaf-provider), code samples from packages/tooling/src/spec/code-samples/templates.',
    );
  }
  return withCodeSamples(withTagGroups(bundled));
}

export function bundleSpec(output: string, root: string = SPEC_PATH, options: BundleOptions = {}): BundledSpec {
  const run = runLocalBinSync(['redocly', 'bundle', root, '--output', output]);
  if (run.status !== 0) throw new Error(`redocly bundle ${root} failed:\n${run.stdout}\n${run.stderr}`);
  const spec = deriveBundle(JSON.parse(readFileSync(output, 'utf8')) as BundledSpec, root, options);
  writeFileSync(output, `${JSON.stringify(spec, null, 2)}\n`);
  return spec;
}
