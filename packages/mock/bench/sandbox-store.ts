/**
 * The sandbox store under 100,000 credentials, in process (no HTTP): heap
 * used, GET latency at 1,000 and at 100,000 stored credentials side by side,
 * and how long the state file takes to write. Not a test: it prints figures.
 *   npm run bench:store -- [COUNT]   (NO_STATE=1: without a state file)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBundledSpec } from '@leaf-credentials/spec';
import type { IHttpOperation } from '@stoplight/types';
import { createSandbox, type Sandbox } from '../src/sandbox/index.js';
import { loadOperations } from '../src/spec.js';

const COUNT = Number(process.argv[2] ?? 100_000);
const SAMPLES = 2_000;
const operations = await loadOperations(readBundledSpec());
const helperOf = (operation: IHttpOperation) => (operation.extensions as Record<string, unknown>)['x-leaf-helper'];
const create = operations.find((operation) => helperOf(operation) === 'create')!;
const get = operations.find((operation) => helperOf(operation) === 'get' && operation.path === create.path)!;
const schema = create.request!.body!.contents![0]!.schema as { examples?: unknown[] };
const body = schema.examples![0];
const headers = { authorization: 'Bearer bench-token' };

const stateFile = join(mkdtempSync(join(tmpdir(), 'sandbox-bench-')), 'state.json');
const sandbox = await createSandbox({
  operations,
  seed: { credentials: [] },
  ...(process.env.NO_STATE ? {} : { stateFile }),
});
const users: string[] = [];

/** Creates in batches of concurrent requests: each create is answered once a write holds it, and one write holds a batch. */
const FILL_BATCH = 1_000;

async function fill(upTo: number) {
  while (users.length < upTo) {
    const batch = Array.from({ length: Math.min(FILL_BATCH, upTo - users.length) }, () => randomUUID());
    users.push(...batch);
    const answers = await Promise.all(
      batch.map((leafUserId) =>
        sandbox.answer({ operation: create, pathParams: { leafUserId }, query: {}, headers, body }),
      ),
    );
    const refused = answers.find((answer) => answer.statusCode !== 201);
    if (refused) throw new Error(`a create answered ${refused.statusCode}`);
  }
}

async function getLatencyMicros(target: Sandbox): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let index = 0; index < SAMPLES; index += 1) {
    const leafUserId = users[Math.floor(Math.random() * users.length)]!;
    const started = performance.now();
    const answer = await target.answer({
      operation: get,
      pathParams: { leafUserId },
      query: {},
      headers,
      body: undefined,
    });
    times.push((performance.now() - started) * 1000);
    if (answer.statusCode !== 200) throw new Error(`GET answered ${answer.statusCode}`);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(SAMPLES / 2)]!, p99: times[Math.floor(SAMPLES * 0.99)]! };
}

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const baseline = heapMb();
await fill(1_000);
// Sampled with no state write in progress (close() flushes; GETs change nothing, so none starts).
await sandbox.close();
const small = await getLatencyMicros(sandbox);
const started = performance.now();
await fill(COUNT);
const fillSeconds = (performance.now() - started) / 1000;
const writeStarted = performance.now();
await sandbox.close();
const writeMs = performance.now() - writeStarted;
const large = await getLatencyMicros(sandbox);
const heap = heapMb();

console.log(`sandbox store  ${COUNT.toLocaleString('en')} credentials (${get.path})`);
console.log(`  creates      ${(COUNT / fillSeconds).toFixed(0)} per second in process`);
console.log(
  `  heap         ${(heap - baseline).toFixed(0)} MB for the credentials (${heap.toFixed(0)} MB in all; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB)${globalThis.gc ? '' : ' (run with --expose-gc for exact figures)'}`,
);
console.log(
  `  GET p50/p99  ${small.p50.toFixed(1)}/${small.p99.toFixed(1)} µs at 1,000  vs  ${large.p50.toFixed(1)}/${large.p99.toFixed(1)} µs at ${COUNT.toLocaleString('en')} (p50 ratio ${(large.p50 / small.p50).toFixed(2)})`,
);
if (!process.env.NO_STATE)
  console.log(
    `  state file   ${(statSync(stateFile).size / 2 ** 20).toFixed(0)} MB, last write finished ${writeMs.toFixed(0)} ms after close()`,
  );
