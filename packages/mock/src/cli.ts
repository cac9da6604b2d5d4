/**
 * `npm run mock`: serves the bundled spec on 127.0.0.1:4010 (or MOCK_HOST /
 * MOCK_PORT, or --host / --port) until Ctrl-C. Prints the URL it listens on
 * as `listening on <url>`; the test helper waits for that line.
 */
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { readBundledSpec } from '@leaf-credentials/spec';
import { defaultMockAddress } from './config.js';
import { createMockServer, loadOperations } from './server.js';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const spec = readBundledSpec();
const fallback = defaultMockAddress(spec);
const host = values.host ?? fallback.host;
const port = values.port === undefined ? fallback.port : Number(values.port);

const operations = await loadOperations(spec);
const server = createMockServer(operations, {
  onResponse: values.quiet ? undefined : (method, url, status) => console.log(`${method} ${url} -> ${status}`),
});

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use: stop what holds it or set MOCK_PORT to another port.`
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
