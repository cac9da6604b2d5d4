/**
 * `npm run mock`: serves the bundled spec on 127.0.0.1:4010 (or MOCK_HOST /
 * MOCK_PORT, or --host / --port) until Ctrl-C. Prints the URL it listens on
 * as `listening on <url>`; the test helper waits for that line.
 */
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { readBundledSpec } from '@leaf-credentials/spec';
import { defaultMockAddress, MOCK_PORT_ENV, parseHost, parsePort } from './config.js';
import { createMockServer, loadOperations } from './server.js';

const spec = readBundledSpec();
const { values, host, port } = (() => {
  // A bad flag or variable is the caller's mistake: one line saying which, not a stack.
  try {
    const { values } = parseArgs({
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    });
    const fallback = defaultMockAddress(spec);
    return {
      values,
      host: values.host === undefined ? fallback.host : parseHost(values.host, '--host'),
      port: values.port === undefined ? fallback.port : parsePort(values.port, '--port'),
    };
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();

const operations = await loadOperations(spec);
const server = createMockServer(operations, {
  onResponse: values.quiet ? undefined : (method, url, status) => console.log(`${method} ${url} -> ${status}`),
});

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use: stop what holds it or set ${MOCK_PORT_ENV} (or --port) to another port.`
      : `The mock could not start: ${error.message}`,
  );
  process.exit(1);
});

server.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  console.log(`Leaf credentials mock (${operations.length} operations) listening on http://${hostname}:${address.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
