/**
 * Where the mock gets the spec: the bundled document of the exact
 * `@leaf-credentials/spec` version it depends on, read once, and Prism's
 * operations made from it once per process (every handler shares them).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type BundledSpec, readBundledSpec } from '@leaf-credentials/spec';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';

const require = createRequire(import.meta.url);

/** The bundled document's file: the spec package's published JSON, or its build output in this repo. */
export function bundledSpecPath(): string {
  try {
    return require.resolve('@leaf-credentials/spec/leaf-credentials.json');
  } catch {
    // A spec package that does not export the file yet keeps it in dist/, beside src/.
    return join(dirname(require.resolve('@leaf-credentials/spec')), '..', 'dist', 'leaf-credentials.json');
  }
}

let defaultSpec: BundledSpec | undefined;

/** The spec the mock serves unless given another. */
export function loadSpec(): BundledSpec {
  defaultSpec ??= readBundledSpec(bundledSpecPath());
  return defaultSpec;
}

export async function loadOperations(spec: BundledSpec): Promise<IHttpOperation[]> {
  // Prism dereferences in place: give it a copy so callers keep their document.
  return getHttpOperationsFromSpec(structuredClone(spec) as never);
}

let defaultOperations: Promise<IHttpOperation[]> | undefined;

/** The default spec's operations, made once per process. */
export function loadDefaultOperations(): Promise<IHttpOperation[]> {
  defaultOperations ??= loadOperations(loadSpec());
  return defaultOperations;
}
