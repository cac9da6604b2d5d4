/**
 * The spec package's bundle step (its `npm run build`, after tsup compiles the
 * model): bundles the split spec into spec/dist/leaf-credentials.json and the
 * same document as leaf-credentials.yaml beside it (what the package ships),
 * and writes the generated code samples to spec/code-samples/. In CI (or with
 * --check) it writes no sample and fails when the committed ones are stale,
 * like the client's generated code.
 *
 *   npm run build-spec -w @leaf-credentials/tooling -- [--root <leaf-credentials.yaml>] [--output <bundle.json>] [--check]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_SPEC_PATH, SPEC_PATH } from '@leaf-credentials/spec';
import { stringify } from 'yaml';
import { runningInCi } from '../index.js';
import { bundleSpec } from './bundle.js';
import { renderCodeSamples, staleCodeSamples, writeCodeSamples } from './code-samples/index.js';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: SPEC_PATH },
    output: { type: 'string', default: BUNDLED_SPEC_PATH },
    check: { type: 'boolean', default: false },
  },
});
const root = values.root!;
const output = values.output!;
const samplesDir = join(dirname(root), 'code-samples');

mkdirSync(dirname(output), { recursive: true });
const spec = bundleSpec(output, root);
// The same document for tools that take YAML; no line folding, so strings read as in the JSON.
writeFileSync(output.replace(/\.json$/, '.yaml'), stringify(spec, { lineWidth: 0 }));
const samples = renderCodeSamples(spec);

if (values.check || runningInCi()) {
  const stale = staleCodeSamples(samplesDir, samples);
  if (stale.length > 0) {
    console.error(
      `Code samples are stale against the spec: ${stale.map((file) => `code-samples/${file}`).join(', ')}.\n` +
        'Run `npm run build` (or `npm run generate`) and commit spec/code-samples/.',
    );
    process.exit(1);
  }
  console.log(`${samples.length} code samples are up to date with the spec.`);
} else {
  writeCodeSamples(samplesDir, samples);
  console.log(`Bundled ${output} (and .yaml); wrote ${samples.length} code samples to ${samplesDir}.`);
}
