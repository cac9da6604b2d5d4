/**
 * `npm run bench:mock`: load over loopback, not a test. In one run, side by
 * side, it starts each of: the bin's sandbox and mock (`leaf-credentials-mock
 * sandbox|mock`, compiled), stock Prism (`prism mock`, the pinned prism-cli)
 * on the same spec, and a bare node:http server answering fixed JSON (the
 * ceiling). For each: start to first answer (process spawned → a GET
 * answered) and the CPU the process spent on it, idle RSS, then
 * BENCH_CONNECTIONS connections (10) busy for BENCH_SECONDS (10, at most 10)
 * with a create-and-read load under ONE token: each connection creates a
 * resource (a Leaf user), then reads back the one it created by the id in the
 * answer. The load comes in slices, the targets taking turns, so a change in
 * the machine's load weighs on all of them alike.
 *
 * Then the sandbox's growth: one started with a seed of STORED_CREDENTIALS
 * (100,000) credentials, its memory (RSS) and GET latency against one seeded
 * with the spec's example user alone.
 *
 * Prints each figure with its ratio to stock Prism; exits 1 on any error,
 * timeout or unexpected status.
 */

import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The package as built: the bench measures the bin users run, not the sources through tsx.
import { type RunningServer, startMock, startSandbox } from '@leaf-credentials/mock';
import { type OperationModel, specModel } from '@leaf-credentials/spec';
import autocannon, { type RequestOptions, type Result } from 'autocannon';
import { startListeningProcess } from '../src/adapters/server-process.js';
import { exampleRequest, fillPath, pathParametersOf } from '../src/example-requests.js';
import { exampleSeed } from '../src/sandbox/index.js';
import { loadDefaultOperations } from '../src/spec.js';
import { freePort, startStockPrism } from './stock-prism.js';

const MAX_SECONDS = 10;
/** The load on each target is this many slices, the targets taking turns (see load). */
const ROUNDS = 5;
const STORED_CREDENTIALS = 100_000;
/** Issue #17's targets against stock Prism, and #11's memory target at STORED_CREDENTIALS. */
const TARGETS = { sandboxRatio: 3, mockRatio: 2, startMs: 1_000, idleMb: 120, memoryMb: 200 };

function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${process.env[name]}".`);
  return value;
}

const seconds = Math.min(positiveNumber('BENCH_SECONDS', MAX_SECONDS), MAX_SECONDS);
const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 10));
const TOKEN = `bench-${randomUUID()}`;

const shapes = specModel().operations;
const METHOD_ORDER = ['POST', 'GET', 'DELETE'];
const orderedShapes = [...shapes].sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
/**
 * The create and the read of one resource: the first operation created with 201
 * whose resource a GET reads back by the id in its answer (`POST /users`, then
 * `GET /users/{leafUserId}`).
 */
const TRAILING_PARAMETER = /^\/\{[^/}]+\}$/;
const [create, readBack] = shapes.flatMap((shape) => {
  if (shape.method !== 'POST' || shape.success.status !== 201) return [];
  const read = shapes.find(
    (other) =>
      other.method === 'GET' &&
      other.path.startsWith(shape.path) &&
      TRAILING_PARAMETER.test(other.path.slice(shape.path.length)),
  );
  return read ? [[shape, read] as const] : [];
})[0]!;

/** A bare node:http server answering every request with the same small JSON: what node itself can do. */
const BARE_SERVER = `
const body = JSON.stringify({ id: '3b9d5c1e-7f2a-4e8b-a6d4-0c1f2e3a4b5c', status: 'OK' });
const server = require('node:http').createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body));
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
`;

interface Target {
  name: string;
  start: () => Promise<RunningServer>;
  /** Stock Prism serves every path from the root. */
  pathOf: (shape: OperationModel, path: string) => string;
  /** Whether answers are checked against the documented statuses (the bare server answers 200 to all). */
  checked: boolean;
}

const localPath = (_shape: OperationModel, path: string) => path;
const TARGET_LIST: Target[] = [
  { name: 'sandbox', start: () => startSandbox(), pathOf: localPath, checked: true },
  { name: 'mock', start: () => startMock(), pathOf: localPath, checked: true },
  {
    name: 'stock prism',
    start: async () => startStockPrism(await freePort()),
    pathOf: (shape, path) => path.slice(shape.basePaths.local.length),
    checked: true,
  },
  {
    name: 'bare node:http',
    start: () => startListeningProcess(['-e', BARE_SERVER], /listening on (http:\/\/\S+)/),
    pathOf: localPath,
    checked: false,
  },
];

interface Measured {
  name: string;
  startMs: number;
  /** CPU the process spent up to its first answer: what the start costs, whatever else the machine runs. */
  startCpuMs: number;
  idleMb: number;
  /** CPU the process spent per request under the load. */
  cpuPerRequestMs: number;
  result: Result;
  unexpected: Map<string, number>;
}

/** The create, then the read of what it created (by the id in the create's answer), one token for all. */
function createAndRead(target: Target, unexpected: Map<string, number>): RequestOptions[] {
  const expect = (shape: OperationModel, expected: number, status: number) => {
    if (!target.checked || status === expected) return;
    const key = `${shape.operationId} ${status} (expected ${expected})`;
    unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
  };
  const created = exampleRequest(create);
  const read = exampleRequest(readBack);
  const authorization = `Bearer ${TOKEN}`;
  const idParameter = pathParametersOf(readBack).at(-1)!.name;
  return [
    {
      method: 'POST',
      path: target.pathOf(create, fillPath(create)),
      headers: { ...created.headers, authorization },
      body: created.body,
      onResponse: (status, body, context) => {
        expect(create, 201, status);
        context.id = idOf(body);
      },
    },
    {
      method: 'GET',
      headers: { ...read.headers, authorization },
      setupRequest: (request, context) => ({
        ...request,
        path: target.pathOf(readBack, fillPath(readBack, { [idParameter]: String(context.id) })),
      }),
      onResponse: (status) => expect(readBack, 200, status),
    },
  ];
}

/** The `id` of a created resource's JSON ('' when the answer has none: the read then counts as unexpected). */
function idOf(body: string): string {
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}

async function firstAnswer(target: Target, server: RunningServer): Promise<void> {
  const { headers } = exampleRequest(readBack);
  const url = new URL(target.pathOf(readBack, fillPath(readBack)), server.url);
  const response = await fetch(url, { headers: { ...headers, authorization: `Bearer ${TOKEN}` } });
  await response.arrayBuffer();
}

interface Started {
  target: Target;
  server: RunningServer;
  startMs: number;
  startCpuMs: number;
  idleMb: number;
}

/** Starts one target alone (the others already started sit idle) and times its first answer. */
async function start(target: Target): Promise<Started> {
  const started = performance.now();
  const server = await target.start();
  try {
    await firstAnswer(target, server);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const startMs = performance.now() - started;
  const startCpuMs = await cpuMs(server.pid);
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { target, server, startMs, startCpuMs, idleMb: await residentMb(server.pid) };
}

/**
 * The load, in ROUNDS slices taking turns between the targets: whatever else
 * the machine runs meanwhile weighs on each of them alike, so their ratios
 * hold even when the machine's load changes during the run.
 */
async function load(targets: Started[]): Promise<Measured[]> {
  const rounds = targets.map(() => [] as Result[]);
  const cpu = targets.map(() => 0);
  const unexpected = targets.map(() => new Map<string, number>());
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, { target, server }] of targets.entries()) {
      const before = await cpuMs(server.pid);
      rounds[index]!.push(
        await autocannon({
          url: server.url,
          connections,
          duration: seconds / ROUNDS,
          timeout: 5,
          requests: createAndRead(target, unexpected[index]!),
        }),
      );
      cpu[index]! += (await cpuMs(server.pid)) - before;
    }
  }
  return targets.map(({ target, startMs, startCpuMs, idleMb }, index) => {
    const result = merged(rounds[index]!);
    const cpuPerRequestMs = cpu[index]! / Math.max(result.requests.total, 1);
    return { name: target.name, startMs, startCpuMs, idleMb, cpuPerRequestMs, result, unexpected: unexpected[index]! };
  });
}

/** The rounds as one run: requests over their time, the median p50, the worst p99. */
function merged(rounds: Result[]): Result {
  const sum = (of: (result: Result) => number) => rounds.reduce((total, result) => total + of(result), 0);
  const duration = sum((result) => result.duration);
  const total = sum((result) => result.requests.total);
  const p50s = rounds.map((result) => result.latency.p50).sort((a, b) => a - b);
  return {
    ...rounds[0]!,
    duration,
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    non2xx: sum((result) => result.non2xx),
    requests: { ...rounds[0]!.requests, total, sent: sum((result) => result.requests.sent), average: total / duration },
    latency: {
      ...rounds[0]!.latency,
      p50: p50s[Math.floor(p50s.length / 2)]!,
      p99: Math.max(...rounds.map((result) => result.latency.p99)),
    },
  };
}

function count(unexpected: Map<string, number>): number {
  return [...unexpected.values()].reduce((sum, value) => sum + value, 0);
}

function report(measured: Measured[]): string[] {
  const stock = measured.find((entry) => entry.name === 'stock prism')!;
  const times = (value: number, of: number) => `${(value / of).toFixed(2)}×`;
  return measured.flatMap(({ name, startMs, startCpuMs, idleMb, cpuPerRequestMs, result, unexpected }) => [
    `  ${name.padEnd(14)} start-to-first-answer ${String(Math.round(startMs)).padStart(5)} ms (${times(startMs, stock.startMs)})` +
      `  idle RSS ${idleMb.toFixed(0).padStart(3)} MB (${times(idleMb, stock.idleMb)})` +
      `  ${String(Math.round(result.requests.average)).padStart(6)} req/s (${times(result.requests.average, stock.result.requests.average)})` +
      `  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors + result.timeouts}  unexpected ${count(unexpected)}`,
    `  ${''.padEnd(14)} CPU to first answer ${String(Math.round(startCpuMs)).padStart(5)} ms (${times(startCpuMs, stock.startCpuMs)})` +
      `  CPU per request ${cpuPerRequestMs.toFixed(3)} ms (${times(cpuPerRequestMs, stock.cpuPerRequestMs)})`,
    ...[...unexpected].map(([what, n]) => `      ${what}: ${n}`),
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
  const template = exampleSeed(await loadDefaultOperations()).credentials;
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
  const { credentials } = exampleSeed(await loadDefaultOperations());
  return { users: [...new Set(credentials.map((entry) => entry.leafUserId))], credentials: credentials.length };
}

/** User and system CPU the process has used so far (/proc/PID/stat counts it in ticks of 10 ms). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
    const reads = orderedShapes.filter(
      (shape) => shape.method === 'GET' && pathParametersOf(shape).some(({ name }) => name === 'leafUserId'),
    );
    const requests = sampled.flatMap((leafUserId) =>
      reads.map((shape): RequestOptions => {
        const { method, headers, expectedStatus } = exampleRequest(shape);
        return {
          method,
          path: fillPath(shape, { leafUserId }),
          headers: { ...headers, authorization: `Bearer ${TOKEN}` },
          onResponse: (status: number) => {
            if (status === expectedStatus) return;
            const key = `${shape.operationId} ${status} (expected ${expectedStatus})`;
            unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
          },
        };
      }),
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

const started: Started[] = [];
let measured: Measured[];
try {
  for (const target of TARGET_LIST) started.push(await start(target));
  measured = await load(started);
} finally {
  await Promise.all(started.map(({ server }) => server.stop()));
}

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

const ratioOf = (name: string) =>
  measured.find((entry) => entry.name === name)!.result.requests.average /
  measured.find((entry) => entry.name === 'stock prism')!.result.requests.average;
const [small, large] = growth;
const met = (yes: boolean) => (yes ? 'met' : 'NOT met');
const ratio = (a: number, b: number) => (a / Math.max(b, 1)).toFixed(2);
// What the stored credentials take: the large sandbox's RSS over the one holding the example user.
const stateMb = large!.memoryMb - small!.memoryMb;
const ours = measured.filter((entry) => entry.name === 'sandbox' || entry.name === 'mock');
console.log(
  [
    `bench:mock  create-and-read (${create.operationId} + ${readBack.operationId}), one token, ${connections} connections, ${seconds} s each, on loopback (${new Date().toISOString().slice(0, 10)}); ratios to stock prism`,
    ...report(measured),
    ...growth.flatMap(({ credentials, result, memoryMb, unexpected }) => [
      `  sandbox GET  ${credentials} stored: p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ${Math.round(result.requests.average)} req/s  RSS ${memoryMb.toFixed(0)} MB` +
        `  errors ${result.errors + result.timeouts}  unexpected ${count(unexpected)}`,
      ...[...unexpected].map(([what, n]) => `      ${what}: ${n}`),
    ]),
    `  target       sandbox ≥ ${TARGETS.sandboxRatio}× stock prism's requests/s: ${ratioOf('sandbox').toFixed(2)}×, ${met(ratioOf('sandbox') >= TARGETS.sandboxRatio)}`,
    `  target       mock ≥ ${TARGETS.mockRatio}× stock prism's requests/s: ${ratioOf('mock').toFixed(2)}×, ${met(ratioOf('mock') >= TARGETS.mockRatio)}`,
    ...ours.map(
      ({ name, startMs, idleMb }) =>
        `  target       ${name}: start < ${TARGETS.startMs} ms: ${Math.round(startMs)} ms, ${met(startMs < TARGETS.startMs)}; idle RSS < ${TARGETS.idleMb} MB: ${idleMb.toFixed(0)} MB, ${met(idleMb < TARGETS.idleMb)}`,
    ),
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
