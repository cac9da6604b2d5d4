/**
 * `npm run bench`: the cost of one call, side by side in one run: the helper
 * (its own Request, then the client's one pipeline: token, deadline, retry
 * policy, body read and checked), the client's raw (openapi-fetch builds the
 * Request, then the same pipeline), bare openapi-fetch with and without one
 * middleware (the floor of a middleware-based pipeline), raw fetch + json(), and axios. Every contender gets the
 * same in-memory answer (a stub fetch, or a stub axios adapter returning the
 * same bytes), calls are interleaved round by round so drift hits all alike,
 * and medians are printed as ratios to bare openapi-fetch.
 *
 * Measures the built package (dist/), which the root script builds first.
 */
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import createClient from 'openapi-fetch';
import { createLeafCredentialsClient, type paths, type TrimbleCredentials } from '../dist/index.js';
import { BUNDLE_LIMIT_BYTES, describeSize, formatKiB, largestProvider, measureBundle } from './bundle-size.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const CALLS_PER_ROUND = Number(process.env.BENCH_CALLS ?? 1_000);
const WARMUP_ROUNDS = 5;
/** The target: the helper's layers cost at most 10% over bare openapi-fetch. */
const HELPER_TARGET_RATIO = 1.1;

const baseUrl = 'https://leaf.bench/api';
const token = 'bench.token.value';
const leafUserId = '5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f';
const credentials: TrimbleCredentials = {
  id: '3b9d5c1e-7f2a-4e8b-a6d4-0c1f2e3a4b5c',
  status: 'OK',
  createdTime: '2023-05-10T14:03:11.123456Z',
  tokenMetadata: { scopes: ['openid', 'ag-api'] },
  clientId: 'example-trimble-client-id',
  clientSecret: 'example-trimble-client-secret',
  accessToken: 'example-trimble-access-token',
  refreshToken: 'example-trimble-refresh-token',
};
const payload = JSON.stringify(credentials);
const responseHeaders = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };

/** The one in-memory server: a fresh Response with the same bytes, whatever is asked. */
const stubFetch = async (_input: Request | string, _init?: RequestInit): Promise<Response> =>
  new Response(payload, { status: 200, headers: responseHeaders });

const helperClient = createLeafCredentialsClient({ baseUrl, token, fetch: stubFetch });
const bareClient = createClient<paths>({ baseUrl, fetch: stubFetch, headers: { Authorization: `Bearer ${token}` } });
const middlewareClient = createClient<paths>({
  baseUrl,
  fetch: stubFetch,
  headers: { Authorization: `Bearer ${token}` },
});
// The least a middleware can do: hand the request on. Its cost is openapi-fetch's middleware machinery.
middlewareClient.use({ onRequest: ({ request }) => request });
const axiosClient = axios.create({
  baseURL: baseUrl,
  headers: { Authorization: `Bearer ${token}` },
  adapter: async (config) => ({
    data: payload,
    status: 200,
    statusText: 'OK',
    headers: responseHeaders,
    config,
    request: {},
  }),
});

const contenders: Record<string, () => Promise<TrimbleCredentials | undefined>> = {
  'helper (client.trimble.get)': () => helperClient.trimble.get(leafUserId),
  'client.raw.GET': async () =>
    (await helperClient.raw.GET('/users/{leafUserId}/trimble-credentials', { params: { path: { leafUserId } } })).data,
  'bare openapi-fetch': async () =>
    (await bareClient.GET('/users/{leafUserId}/trimble-credentials', { params: { path: { leafUserId } } })).data,
  'openapi-fetch + 1 middleware': async () =>
    (await middlewareClient.GET('/users/{leafUserId}/trimble-credentials', { params: { path: { leafUserId } } })).data,
  'raw fetch + json()': async () =>
    (await (
      await stubFetch(`${baseUrl}/users/${leafUserId}/trimble-credentials`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as TrimbleCredentials,
  'axios (stub adapter)': async () =>
    (await axiosClient.get<TrimbleCredentials>(`/users/${leafUserId}/trimble-credentials`)).data,
};
const BASELINE = 'bare openapi-fetch';

async function timeRound(call: () => Promise<TrimbleCredentials | undefined>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < CALLS_PER_ROUND; i++) {
    const body = await call();
    if (body?.status !== 'OK') throw new Error('the contender did not return the credentials');
  }
  return ((performance.now() - started) * 1_000) / CALLS_PER_ROUND;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const names = Object.keys(contenders);
  const samples = new Map(names.map((name) => [name, [] as number[]]));
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    // Rotate the order each round so no contender always runs first (or right after the GC-heavy one).
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(round + offset) % names.length]!;
      const microseconds = await timeRound(contenders[name]!);
      if (round >= WARMUP_ROUNDS) samples.get(name)!.push(microseconds);
    }
  }
  const baseline = median(samples.get(BASELINE)!);
  console.log(`node ${process.version}, ${ROUNDS} interleaved rounds of ${CALLS_PER_ROUND} calls, medians:\n`);
  console.log(`${'contender'.padEnd(30)}${'µs/call'.padStart(10)}${'× openapi-fetch'.padStart(18)}`);
  for (const name of names) {
    const value = median(samples.get(name)!);
    console.log(`${name.padEnd(30)}${value.toFixed(2).padStart(10)}${(value / baseline).toFixed(2).padStart(18)}`);
  }
  const helperRatio = median(samples.get(names[0]!)!) / baseline;
  const verdict = helperRatio <= HELPER_TARGET_RATIO ? 'within' : 'OVER';
  console.log(
    `\nhelper / bare openapi-fetch = ${helperRatio.toFixed(3)} (${verdict} the ${HELPER_TARGET_RATIO}× target)`,
  );
  const size = await measureBundle();
  console.log(
    `browser bundle of an app using one provider (${largestProvider()}, esbuild): ${describeSize(size)} (limit ${formatKiB(BUNDLE_LIMIT_BYTES)})`,
  );
}

await main();
