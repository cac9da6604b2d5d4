/**
 * Where the mock gets the spec: the bundled document of the exact
 * `@leaf-credentials/spec` version it depends on, read once, and Prism's
 * operations made from it once per process (every handler shares them). The
 * build makes them ahead of time (dist/operations.json, keyed by the
 * document's digest), so a start skips Prism's spec parser altogether.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BundledSpec } from '@leaf-credentials/spec';
import type { IHttpOperation } from '@stoplight/types';
import { rememberDocument } from './model.js';

const require = createRequire(import.meta.url);

/** The bundled document's file, as the spec package exports it. */
export function bundledSpecPath(): string {
  return require.resolve('@leaf-credentials/spec/leaf-credentials.json');
}

/** Operations made at build time from the document with this digest. */
export interface PrecomputedOperations {
  specDigest: string;
  operations: IHttpOperation[];
}

export const PRECOMPUTED_OPERATIONS_FILE = 'operations.json';

export function specDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let defaultSpecText: string | undefined;
let defaultSpec: BundledSpec | undefined;

function defaultText(): string {
  defaultSpecText ??= readFileSync(bundledSpecPath(), 'utf8');
  return defaultSpecText;
}

/** The spec the mock serves unless given another. */
export function loadSpec(): BundledSpec {
  defaultSpec ??= JSON.parse(defaultText()) as BundledSpec;
  return defaultSpec;
}

export async function loadOperations(spec: BundledSpec): Promise<IHttpOperation[]> {
  // Only the operations module: Prism's index would load its mocker and HTTP client too.
  const { getHttpOperationsFromSpec } = require('@stoplight/prism-http/dist/utils/operations') as {
    getHttpOperationsFromSpec: (document: unknown) => Promise<IHttpOperation[]>;
  };
  // Prism dereferences in place: give it a copy so callers keep their document.
  const operations = await getHttpOperationsFromSpec(structuredClone(spec));
  rememberDocument(operations, spec);
  return operations;
}

/** The build's operations, when they were made from this very document. */
function precomputed(text: string): IHttpOperation[] | undefined {
  let stored: PrecomputedOperations;
  try {
    stored = JSON.parse(readFileSync(new URL(`./${PRECOMPUTED_OPERATIONS_FILE}`, import.meta.url), 'utf8'));
  } catch {
    return undefined; // run from the sources: nothing was built
  }
  return stored.specDigest === specDigest(text) ? stored.operations : undefined;
}

let defaultOperations: Promise<IHttpOperation[]> | undefined;

/** The default spec's operations, made once per process (or once per build). */
export function loadDefaultOperations(): Promise<IHttpOperation[]> {
  defaultOperations ??= Promise.resolve(precomputed(defaultText()) ?? loadOperations(loadSpec()));
  return defaultOperations;
}
