/**
 * `npm run bench:samples`: what batching the code samples saves, not a test.
 * Runs every TypeScript and Python sample against a mock the way the test
 * suite did before (one tsx, one python3 per sample) and the way it does now
 * (one tsc program and one node for all; one Python interpreter for all),
 * one after the other, and prints the wall time of each and their ratio.
 * Exits 1 if any run fails, so the figures are for working samples.
 */
import { performance } from 'node:perf_hooks';
import { startMock } from '@leaf-credentials/mock';
import { exampleLeafUserId, readBundledSpec } from '@leaf-credentials/spec';
import {
  type CodeSample,
  compileTypeScriptSamples,
  listCodeSamples,
  runPythonSamples,
  runSampleSource,
  type SampleRun,
  substitute,
} from '../test/sample-runner.js';

const spec = readBundledSpec();
const mock = await startMock();
const leafUserId = exampleLeafUserId(spec);
// authenticate is left out: its server path is served by the mock-stages mock only.
const samplesIn = (lang: string) =>
  listCodeSamples(spec).filter((sample) => sample.lang === lang && sample.operation.operationId !== 'authenticate');
const named = (sample: CodeSample) => ({
  name: `bench-${sample.operation.operationId}`,
  source: substitute(sample.source, spec, sample.operation, { baseUrl: mock.url, token: 'bench.token', leafUserId }),
});

async function timed(label: string, run: () => Promise<SampleRun[]>): Promise<number> {
  const started = performance.now();
  const runs = await run();
  const seconds = (performance.now() - started) / 1000;
  const failed = runs.filter((result) => result.exitCode !== 0);
  if (failed.length > 0)
    throw new Error(`${label}: ${failed.length} runs failed, e.g. ${failed[0]!.stderr.slice(-300)}`);
  console.log(`  ${label.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s  (${runs.length} samples)`);
  return seconds;
}

async function oneByOne(lang: string, sources: Array<{ name: string; source: string }>): Promise<SampleRun[]> {
  const runs: SampleRun[] = [];
  for (const { name, source } of sources) runs.push(await runSampleSource(lang, `${name}-alone`, source));
  return runs;
}

try {
  const typescript = samplesIn('TypeScript').map(named);
  const python = samplesIn('Python').map(named);
  console.log('TypeScript samples');
  const tsx = await timed('one tsx per sample (before)', () => oneByOne('TypeScript', typescript));
  const batched = await timed('one tsc program, one node for all (now)', async () => {
    const compiled = compileTypeScriptSamples(typescript);
    if (compiled.diagnostics) throw new Error(compiled.diagnostics);
    return [...(await compiled.runAll(typescript.map(({ name }) => name))).values()];
  });
  console.log(`  ratio before/now: ${(tsx / batched).toFixed(2)}x`);
  console.log('Python samples');
  const perProcess = await timed('one python3 per sample (before)', () => oneByOne('Python', python));
  const oneInterpreter = await timed('one interpreter for all (now)', async () => [
    ...(await runPythonSamples(python)).values(),
  ]);
  console.log(`  ratio before/now: ${(perProcess / oneInterpreter).toFixed(2)}x`);
} finally {
  await mock.stop();
}
