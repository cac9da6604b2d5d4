/**
 * `npm run bench:mock`: load on the mock over loopback, not a test. Starts
 * the mock on a free port, then keeps BENCH_CONNECTIONS connections busy for
 * BENCH_SECONDS (at most 10) with valid requests to every operation, built
 * from the spec's examples. Prints requests/s, p50/p99 latency, errors and
 * non-2xx counts; exits 1 on any error, timeout or status other than the
 * documented one.
 */
import autocannon from 'autocannon';
import { exampleRequest, operationShapes, startMock } from '../src/index.js';

const MAX_SECONDS = 10;

function positiveNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${process.env[name]}".`);
  return value;
}

const seconds = Math.min(positiveNumber('BENCH_SECONDS', MAX_SECONDS), MAX_SECONDS);
const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 10));

const unexpected = new Map<string, number>();
const requests = operationShapes().map((shape) => {
  const { method, path, headers, body, expectedStatus } = exampleRequest(shape);
  return {
    method,
    path,
    headers,
    body,
    onResponse: (status: number) => {
      if (status === expectedStatus) return;
      const key = `${shape.operationId} ${status} (expected ${expectedStatus})`;
      unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
    },
  };
});

const mock = await startMock();
try {
  const result = await autocannon({ url: mock.url, connections, duration: seconds, timeout: 5, requests });
  const statuses = Object.entries(result.statusCodeStats).map(([status, { count }]) => `${status}×${count}`).join(' ');
  const unexpectedCount = [...unexpected.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    [
      `bench:mock  ${requests.length} operations, ${connections} connections, ${result.duration.toFixed(1)} s on loopback`,
      `  requests/s   ${Math.round(result.requests.average)} average (${result.requests.total} requests; ${statuses})`,
      `  latency      p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, unexpected statuses ${unexpectedCount}`,
      ...[...unexpected].map(([what, count]) => `    ${what}: ${count}`),
    ].join('\n'),
  );
  const failed = result.errors + result.timeouts + result.non2xx + unexpectedCount > 0 || result.requests.total === 0;
  if (failed) console.error('bench:mock failed: every request must get its documented status, with no errors.');
  process.exitCode = failed ? 1 : 0;
} finally {
  await mock.stop();
}
