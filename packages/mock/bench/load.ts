/**
 * `npm run bench:mock`: load over loopback, not a test. In one run, on the
 * same load, it measures the mock's example mode, the sandbox and stock Prism
 * (`prism mock`, the pinned prism-cli), one after the other: each is started
 * on a free port (start-to-first-answer is timed), then BENCH_CONNECTIONS
 * connections (10) are kept busy for BENCH_SECONDS (10, at most 10) with one
 * valid request per operation built from the spec's examples, creates first
 * and deletes last. Each connection has its own bearer token, so in the
 * sandbox each works on its own state and every answer has a known status.
 *
 * Then the sandbox's growth: one started with a seed of STORED_CREDENTIALS
 * (100,000) credentials, its memory (RSS) and GET latency against one seeded
 * with the spec's example user alone.
 *
 * Prints requests/s with the ratio to stock Prism, p50/p99, errors and
 * unexpected statuses; exits 1 on any error, timeout or unexpected status.
 */

import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBundledSpec } from '@leaf-credentials/spec';
import autocannon, { type RequestOptions, type Result } from 'autocannon';
import type { RunningServer } from '../src/adapters/server-process.js';
import { exampleRequest, fillPath, type OperationShape, operationShapes } from '../src/example-requests.js';
import { startMock, startSandbox } from '../src/index.js';
import { exampleSeed } from '../src/sandbox/index.js';
import { loadOperations } from '../src/spec.js';
import { freePort, startStockPrism } from './stock-prism.js';

const MAX_SECONDS = 10;
const STORED_CREDENTIALS = 100_000;
/** The sandbox's targets (issue #11): against stock Prism, and at STORED_CREDENTIALS. */
const TARGETS = { ratioToStockPrism: 2, memoryMb: 200 };

function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${process.env[name]}".`);
  return value;
}

const seconds = Math.min(positiveNumber('BENCH_SECONDS', MAX_SECONDS), MAX_SECONDS);
const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 10));

const METHOD_ORDER = ['POST', 'GET', 'DELETE'];
/** Creates, then reads, then deletes: on one connection's own state each answer is the documented one. */
const shapes = [...operationShapes()].sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));

interface Target {
  name: string;
  start: () => Promise<RunningServer>;
  /** Stock Prism serves every path from the root. */
  pathOf: (shape: OperationShape, path: string) => string;
}

const localPath = (_shape: OperationShape, path: string) => path;
const TARGET_LIST: Target[] = [
  { name: 'example mode', start: () => startMock(), pathOf: localPath },
  { name: 'sandbox', start: () => startSandbox(), pathOf: localPath },
  {
    name: 'stock prism',
    start: async () => startStockPrism(await freePort()),
    pathOf: (shape, path) => path.slice(shape.basePath.length),
  },
];

interface Measured {
  name: string;
  startMs: number;
  result: Result;
  unexpected: Map<string, number>;
}

/** Each connection's own token, from the per-connection context autocannon keeps. */
function withConnectionToken(request: RequestOptions, context: Record<string, unknown>): RequestOptions {
  context.token ??= `bench-${randomUUID()}`;
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${String(context.token)}` } };
}

function load(target: Target, unexpected: Map<string, number>, selected = shapes): RequestOptions[] {
  return selected.map((shape) => {
    const { method, path, headers, body, expectedStatus } = exampleRequest(shape);
    return {
      method,
      path: target.pathOf(shape, path),
      headers,
      body,
      setupRequest: withConnectionToken,
      onResponse: (status: number) => {
        if (status === expectedStatus) return;
        const key = `${shape.operationId} ${status} (expected ${expectedStatus})`;
        unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
      },
    };
  });
}

async function measure(target: Target): Promise<Measured> {
  const started = performance.now();
  const server = await target.start();
  const startMs = performance.now() - started;
  const unexpected = new Map<string, number>();
  try {
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      timeout: 5,
      requests: load(target, unexpected),
    });
    return { name: target.name, startMs, result, unexpected };
  } finally {
    await server.stop();
  }
}

function count(unexpected: Map<string, number>): number {
  return [...unexpected.values()].reduce((sum, value) => sum + value, 0);
}

function report(measured: Measured[]): string[] {
  const stock = measured.find((entry) => entry.name === 'stock prism')!.result.requests.average;
  return measured.flatMap(({ name, startMs, result, unexpected }) => [
    `  ${name.padEnd(13)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  ${(result.requests.average / stock).toFixed(2)}× stock prism` +
      `   p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms   errors ${result.errors + result.timeouts}` +
      `  unexpected ${count(unexpected)}   start-to-first-answer ${Math.round(startMs)} ms`,
    ...[...unexpected].map(([what, times]) => `      ${what}: ${times}`),
  ]);
}

interface Seed {
  /** Undefined: the sandbox's default seed, the spec's example user. */
  file?: string;
  users: string[];
  credentials: number;
}

/** A seed of `total` credentials: each fresh user gets every one of the spec's example credentials. */
async function largeSeed(directory: string, total: number): Promise<Seed> {
  const template = exampleSeed(await loadOperations(readBundledSpec())).credentials;
  const users = Array.from({ length: Math.ceil(total / template.length) }, () => randomUUID());
  const credentials = users
    .flatMap((leafUserId) =>
      template.map((entry) => ({ ...entry, leafUserId, credentials: { ...entry.credentials, id: randomUUID() } })),
    )
    .slice(0, total);
  const file = join(directory, 'seed.json');
  await writeFile(file, JSON.stringify({ credentials }));
  return { file, users, credentials: credentials.length };
}

async function exampleUserSeed(): Promise<Seed> {
  const { credentials } = exampleSeed(await loadOperations(readBundledSpec()));
  return { users: [...new Set(credentials.map((entry) => entry.leafUserId))], credentials: credentials.length };
}

async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

interface Growth {
  credentials: number;
  memoryMb: number;
  result: Result;
  unexpected: Map<string, number>;
}

/** GETs of the seeded users' credentials: the first and the last 250 stored. */
async function getLatency(seed: Seed): Promise<Growth> {
  const server = await startSandbox(seed.file === undefined ? {} : { seedFile: seed.file, timeoutMs: 120_000 });
  try {
    const sampled = [...new Set([...seed.users.slice(0, 250), ...seed.users.slice(-250)])];
    const unexpected = new Map<string, number>();
    const reads = shapes.filter(
      (shape) => shape.method === 'GET' && shape.pathParameters.some(({ name }) => name === 'leafUserId'),
    );
    const requests = sampled.flatMap((leafUserId) =>
      reads.map((shape) => ({
        ...load(TARGET_LIST[1]!, unexpected, [shape])[0]!,
        path: fillPath(shape, { leafUserId }),
      })),
    );
    const result = await autocannon({
      url: server.url,
      connections,
      duration: Math.min(seconds, 5),
      timeout: 5,
      requests,
    });
    return { credentials: seed.credentials, memoryMb: await residentMb(server.pid), result, unexpected };
  } finally {
    await server.stop();
  }
}

const measured: Measured[] = [];
for (const target of TARGET_LIST) measured.push(await measure(target));

const directory = await mkdtemp(join(tmpdir(), 'bench-mock-'));
let growth: Growth[];
try {
  growth = [
    await getLatency(await exampleUserSeed()),
    await getLatency(await largeSeed(directory, STORED_CREDENTIALS)),
  ];
} finally {
  await rm(directory, { recursive: true, force: true });
}

const sandbox = measured.find((entry) => entry.name === 'sandbox')!.result.requests.average;
const stock = measured.find((entry) => entry.name === 'stock prism')!.result.requests.average;
const [small, large] = growth;
const met = (yes: boolean) => (yes ? 'met' : 'NOT met');
const ratio = (a: number, b: number) => (a / Math.max(b, 1)).toFixed(2);
// What the stored credentials take: the large sandbox's RSS over the one holding the example user.
const stateMb = large!.memoryMb - small!.memoryMb;
console.log(
  [
    `bench:mock  ${shapes.length} operations, ${connections} connections (one token each), ${seconds} s each, on loopback (${new Date().toISOString().slice(0, 10)})`,
    ...report(measured),
    `  sandbox GET  ${small!.credentials} stored: p50 ${small!.result.latency.p50} ms  p99 ${small!.result.latency.p99} ms  ${Math.round(small!.result.requests.average)} req/s  RSS ${small!.memoryMb.toFixed(0)} MB`,
    `  sandbox GET  ${large!.credentials} stored: p50 ${large!.result.latency.p50} ms  p99 ${large!.result.latency.p99} ms  ${Math.round(large!.result.requests.average)} req/s  RSS ${large!.memoryMb.toFixed(0)} MB`,
    `  target       sandbox ≥ ${TARGETS.ratioToStockPrism}× stock prism's requests/s: ${(sandbox / stock).toFixed(2)}×, ${met(sandbox / stock >= TARGETS.ratioToStockPrism)}`,
    `  target       ${STORED_CREDENTIALS} credentials in < ${TARGETS.memoryMb} MB: ${stateMb.toFixed(0)} MB over the example-seeded sandbox, ${met(stateMb < TARGETS.memoryMb)}` +
      ` (RSS in all ${large!.memoryMb.toFixed(0)} MB, ${met(large!.memoryMb < TARGETS.memoryMb)})`,
    `  target       flat GET latency: p50 ${ratio(large!.result.latency.p50, small!.result.latency.p50)}×, p99 ${ratio(large!.result.latency.p99, small!.result.latency.p99)}× at ${STORED_CREDENTIALS} vs ${small!.credentials}`,
  ].join('\n'),
);
const runs = [...measured.map(({ result, unexpected }) => ({ result, unexpected })), ...growth];
const failed = runs.some(
  ({ result, unexpected }) => result.errors + result.timeouts + count(unexpected) > 0 || result.requests.total === 0,
);
if (failed) console.error('bench:mock failed: every request must get its documented status, with no errors.');
process.exitCode = failed ? 1 : 0;
