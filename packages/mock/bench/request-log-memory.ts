/**
 * `npm run bench:memory -w @leaf-credentials/mock [COUNT]`: the sandbox's resident memory before and
 * after a burst of header-heavy requests (COUNT, 10,000 by default, each with about 56 KB of
 * headers, the kind that took the unbounded request log from 174 MB to 719 MB). The request
 * log keeps allow-listed headers only, within MAX_RECORDED_BYTES, so the growth must stay
 * within RSS_BOUND_MB; the script prints both figures and says whether it did.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { startSandbox } from '../src/index.js';
import { MAX_RECORDED_BYTES } from '../src/sandbox/request-log.js';

/** What the burst may add to the process: the log's own bound plus room for V8's heap to breathe. */
const RSS_BOUND_MB = 64;
const CONCURRENCY = 8;
const count = Number(process.argv[2] ?? 10_000);

/** 7 allow-listed headers of 7 KB and 7 other ones of 1 KB: about 56 KB, under the 64 KiB limit. */
function heavyHeaders(index: number): Record<string, string> {
  const value = (size: number) => `${index}-${'h'.repeat(size)}`;
  const headers: Record<string, string> = { authorization: 'Bearer bench-memory' };
  for (const name of ['user-agent', 'accept-language', 'prefer', 'x-request-id', 'origin', 'accept-encoding']) {
    headers[name] = value(7_000);
  }
  headers.accept = `application/json, ${value(7_000)}/x`;
  for (let extra = 0; extra < 7; extra += 1) headers[`x-extra-${extra}`] = value(1_000);
  return headers;
}

function rssMb(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(line?.[1] ?? 0) / 1024);
}

function get(url: string, path: string, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(new URL(path, url), { headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    sent.on('error', reject);
    sent.end();
  });
}

const sandbox = await startSandbox({ timeoutMs: 120_000 });
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
try {
  // Warm up the request path first, so the figure is the burst's and not the first request's.
  for (let index = 0; index < 200; index += 1) await get(sandbox.url, '/no-such-path', heavyHeaders(index), agent);
  const before = rssMb(sandbox.pid);
  let next = 0;
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next += 1;
        const status = await get(sandbox.url, `/no-such-path/${next}`, heavyHeaders(next), agent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const after = rssMb(sandbox.pid);
  const log = (await sandbox.requests()) as unknown[];
  const grown = after - before;
  console.log(`bench:memory  ${count} requests with about 56 KB of headers each, ${CONCURRENCY} at a time`);
  console.log(`  answers     ${[...statuses].map(([status, times]) => `${status}×${times}`).join(' ')}`);
  console.log(`  request log ${log.length} kept (bounded at ${MAX_RECORDED_BYTES / 1024 / 1024} MiB)`);
  console.log(`  RSS         ${before} MB before, ${after} MB after: +${grown} MB`);
  console.log(`  target      growth within ${RSS_BOUND_MB} MB: ${grown <= RSS_BOUND_MB ? 'met' : 'NOT met'}`);
} finally {
  agent.destroy();
  await sandbox.stop();
}
