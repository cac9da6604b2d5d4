/**
 * After tsup: Prism's operations made from the spec package's bundled
 * document, written to dist/operations.json with the document's digest, each
 * part used in several places written once (src/spec.ts). The
 * mock uses them when it serves that same document (src/spec.ts), so a start
 * does not parse the spec with Prism's parser.
 */
import { writeFileSync } from 'node:fs';

const { bundledSpecPath, loadOperations, storedOperations, PRECOMPUTED_OPERATIONS_FILE } = await import(
  '../dist/spec-build.js'
);
const { readFileSync } = await import('node:fs');
const text = readFileSync(bundledSpecPath(), 'utf8');
const operations = await loadOperations(JSON.parse(text));
writeFileSync(
  new URL(`../dist/${PRECOMPUTED_OPERATIONS_FILE}`, import.meta.url),
  JSON.stringify(storedOperations(text, operations)),
);
