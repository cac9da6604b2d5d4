/**
 * The spec package's build (`npm run build`, turbo's spec#build): bundles the
 * split spec into dist/leaf-credentials.json and writes the generated code
 * samples to code-samples/. In CI (or with --check) it writes no sample and
 * fails when the committed ones are stale, like the client's generated code.
 *
 *   tsx src/build.ts [--root <leaf-credentials.yaml>] [--output <bundle.json>] [--check]
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { runningInCi } from '@leaf-credentials/tooling';
import { bundleSpec } from './bundle.js';
import { renderCodeSamples, staleCodeSamples, writeCodeSamples } from './code-samples/index.js';
import { BUNDLED_SPEC_PATH, SPEC_PATH } from './index.js';

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
  console.log(`Bundled ${output}; wrote ${samples.length} code samples to ${samplesDir}.`);
}
