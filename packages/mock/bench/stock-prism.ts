/**
 * Stock Prism (`@stoplight/prism-cli`, pinned) serving the spec as a team runs
 * it, `prism mock spec/leaf-credentials.yaml` (the hand-written file; Prism
 * resolves its $refs): for the side-by-side test and `npm run bench:mock`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SPEC_PATH } from '@leaf-credentials/spec';
import { type RunningServer, startListeningProcess } from '../src/adapters/server-process.js';

const require = createRequire(import.meta.url);
const PRISM_PACKAGE = require.resolve('@stoplight/prism-cli/package.json');
const PRISM_BIN = join(dirname(PRISM_PACKAGE), (require(PRISM_PACKAGE) as { bin: { prism: string } }).bin.prism);
const READY_LINE = /Prism is listening on (http:\/\/\S+)/;

export function startStockPrism(port: number, host = '127.0.0.1'): Promise<RunningServer> {
  // Stock Prism has no "pick a free port": the caller names one.
  return startListeningProcess([PRISM_BIN, 'mock', '--host', host, '--port', String(port), SPEC_PATH], READY_LINE, {
    timeoutMs: 60_000,
  });
}

/** A port free right now on `host` (stock Prism takes no port 0). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
