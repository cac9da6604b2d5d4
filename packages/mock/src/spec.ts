/**
 * Where the mock gets the spec: the bundled document of the exact
 * `@leaf-credentials/spec` version it depends on, read once, and Prism's
 * operations made from it once per process (every handler shares them). The
 * build makes them ahead of time (dist/operations.json, keyed by the
 * document's digest), so a start skips Prism's spec parser altogether.
 *
 * Prism's dereferencing copies each `$ref`'d schema into every place that uses
 * it (the Problem schema into every error response of every operation: 2.5 MB
 * of JSON for 64 operations). Equal parts are made one shared object, and the
 * build stores each once (a table of repeated parts, referenced by index), so
 * a start parses and keeps about a third, and Prism compiles a shared schema once.
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

/** Operations made at build time from the document with this digest (see storedOperations). */
export interface PrecomputedOperations {
  specDigest: string;
  /** The parts used in more than one place, each once; a part refers to an earlier one as `{ "$shared": index }`. */
  shared: unknown[];
  operations: unknown;
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
  const operations = shareEqualParts(await getHttpOperationsFromSpec(structuredClone(spec)));
  rememberDocument(operations, spec);
  return operations;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * `value` with every object or array equal to another one replaced by a single
 * shared instance (nothing in the mock or Prism changes an operation once made).
 */
export function shareEqualParts<T>(value: T): T {
  const byShape = new Map<string, Json>();
  const identities = new Map<object, number>();
  // A child already shared stands for its content by its identity: `@n` (no JSON value starts with `@`).
  const part = (child: Json) =>
    child !== null && typeof child === 'object' ? `@${identities.get(child)}` : JSON.stringify(child);
  const visit = (node: Json): Json => {
    if (node === null || typeof node !== 'object') return node;
    let copy: Json;
    if (Array.isArray(node)) copy = node.map(visit);
    else {
      copy = {};
      for (const [key, child] of Object.entries(node)) copy[key] = visit(child);
    }
    const shape = Array.isArray(copy)
      ? `[${copy.map(part).join(',')}]`
      : `{${Object.entries(copy)
          .map(([key, child]) => `${JSON.stringify(key)}:${part(child)}`)
          .join(',')}}`;
    let shared = byShape.get(shape);
    if (!shared) {
      shared = copy;
      byShape.set(shape, shared);
      identities.set(shared, identities.size);
    }
    return shared;
  };
  return visit(value as Json) as T;
}

/** `operations` as the build stores them: each object used in more than one place written once. */
export function storedOperations(text: string, operations: IHttpOperation[]): PrecomputedOperations {
  const uses = new Map<object, number>();
  const count = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const seen = uses.get(node) ?? 0;
    uses.set(node, seen + 1);
    if (seen === 0) for (const child of Object.values(node)) count(child);
  };
  count(operations);
  const shared: unknown[] = [];
  const indexes = new Map<object, number>();
  const write = (node: unknown, top = false): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if ('$shared' in node) throw new Error('An operation has a "$shared" property: it cannot be stored.');
    const known = indexes.get(node);
    if (known !== undefined) return { $shared: known };
    const written = Array.isArray(node)
      ? node.map((child) => write(child))
      : Object.fromEntries(Object.entries(node).map(([key, child]) => [key, write(child)]));
    if (top || uses.get(node)! < 2) return written;
    // Its children are in the table already: each refers only to earlier entries.
    indexes.set(node, shared.push(written) - 1);
    return { $shared: indexes.get(node) };
  };
  return { specDigest: specDigest(text), shared, operations: write(operations, true) };
}

/** The stored operations, each shared part one object again (linked in place: the parse made them all). */
export function readStoredOperations({ shared, operations }: PrecomputedOperations): IHttpOperation[] {
  const link = (node: Record<string, unknown>): void => {
    for (const key in node) {
      const child = node[key];
      if (child === null || typeof child !== 'object') continue;
      const index = (child as { $shared?: unknown }).$shared;
      if (typeof index === 'number') node[key] = shared[index];
      else link(child as Record<string, unknown>);
    }
  };
  // Each part is linked once, on its own: a reference is replaced, never followed.
  for (const part of shared) link(part as Record<string, unknown>);
  link(operations as Record<string, unknown>);
  return operations as IHttpOperation[];
}

/** The build's operations, when they were made from this very document. */
function precomputed(text: string): IHttpOperation[] | undefined {
  let stored: PrecomputedOperations;
  try {
    stored = JSON.parse(readFileSync(new URL(`./${PRECOMPUTED_OPERATIONS_FILE}`, import.meta.url), 'utf8'));
  } catch {
    return undefined; // run from the sources: nothing was built
  }
  return stored.specDigest === specDigest(text) ? readStoredOperations(stored) : undefined;
}

let defaultOperations: Promise<IHttpOperation[]> | undefined;

/** The default spec's operations, made once per process (or once per build). */
export function loadDefaultOperations(): Promise<IHttpOperation[]> {
  defaultOperations ??= Promise.resolve(precomputed(defaultText()) ?? loadOperations(loadSpec()));
  return defaultOperations;
}
