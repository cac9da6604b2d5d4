/**
 * The bundle round trip: `redocly bundle` turns the split spec into the one
 * document every generator and the mock read. It must lint as clean as the
 * source, keep every operation with its responses, and be a fixed point
 * (bundling it again changes nothing); a split spec that cannot be bundled
 * whole fails rather than losing an operation.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundledSpec, listOperations, SPEC_PATH } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundleSpec } from '../../src/spec/bundle.js';
import { freshBundle } from '../fixtures/planted-violations.js';
import { SLOW_PROCESS_TIMEOUT } from '../fixtures/timeouts.js';

const MISSING_PATH_FILE = fileURLToPath(new URL('../fixtures/round-trip/missing-path-file.yaml', import.meta.url));

function readYaml(path: string): Record<string, unknown> {
  return parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** The split spec with each path's `$ref`ed file read in, enough for listOperations. */
function readSplitSpec(root: string): BundledSpec {
  const spec = readYaml(root) as BundledSpec;
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    const ref = pathItem.$ref;
    if (typeof ref === 'string') spec.paths[path] = readYaml(resolve(dirname(root), ref));
  }
  return spec;
}

/** What a client relies on per operation: method, path, operationId, tags and response codes. */
function operationSignatures(spec: BundledSpec): string[] {
  return listOperations(spec).map(({ method, path, operationId, tags, operation }) => {
    const codes = Object.keys(operation.responses as Record<string, unknown>).join(',');
    return `${method.toUpperCase()} ${path} ${operationId} [${tags.join(',')}] -> ${codes}`;
  });
}

describe('bundle round trip', () => {
  const work = mkdtempSync(join(tmpdir(), 'round-trip-'));
  const bundled = freshBundle(work);

  it('keeps every operation of the split spec, with its tags and response codes', () => {
    const source = operationSignatures(readSplitSpec(SPEC_PATH));
    expect(source.length).toBeGreaterThan(0);
    expect(operationSignatures(bundled.spec)).toEqual(source);
  });

  // The bundle's lint is lint.test.ts's: the planted copy is this bundle plus the plants.

  it(
    'bundles the bundle to the same document',
    () => {
      const again = join(work, 'bundled-again.json');
      bundleSpec(again, bundled.path, { rebundle: true });
      expect(JSON.parse(readFileSync(again, 'utf8'))).toEqual(bundled.spec);
    },
    SLOW_PROCESS_TIMEOUT,
  );

  it(
    'refuses to bundle a split spec whose path file is missing',
    () => {
      expect(() => bundleSpec(join(work, 'broken.json'), MISSING_PATH_FILE)).toThrow(/Can't resolve \$ref/);
    },
    SLOW_PROCESS_TIMEOUT,
  );
});
