/**
 * `npm run mock` and `npm run sandbox`: serves the bundled spec on
 * 127.0.0.1:4010 (or MOCK_HOST / MOCK_PORT, or --host / --port) until Ctrl-C.
 * `--sandbox` answers from stored state (seeded with the spec's example user,
 * or `--seed FILE`; kept across restarts with `--state-file FILE`; webhooks sent
 * to loopback addresses and the hosts of `--webhook-allow host[,host]`) instead of
 * the spec's examples. Prints the URL it listens on as `listening on <url>`;
 * the test helpers wait for that line.
 */

import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readBundledSpec } from '@leaf-credentials/spec';
import { defaultMockAddress, MOCK_PORT_ENV, parseHost, parsePort } from './config.js';
import { createSandbox, readSeedFile, type Sandbox } from './sandbox/index.js';
import { createMockServer, loadOperations } from './server.js';

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** A mistake of the caller's (a flag, a variable, a seed or state file): one line saying which, not a stack. */
function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

const spec = readBundledSpec();
const { values, host, port } = (() => {
  try {
    const { values } = parseArgs({
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        sandbox: { type: 'boolean', default: false },
        seed: { type: 'string' },
        'state-file': { type: 'string' },
        // Host names webhooks may be sent to besides loopback addresses: host[,host].
        'webhook-allow': { type: 'string' },
        // Set by startMock/startSandbox: stop when the parent's end of stdin closes (it exited, even by SIGKILL).
        'exit-with-stdin': { type: 'boolean', default: false },
      },
    });
    for (const flag of ['seed', 'state-file', 'webhook-allow'] as const) {
      if (values[flag] !== undefined && !values.sandbox)
        throw new Error(`--${flag} needs --sandbox: the mock keeps no state (npm run sandbox -- --${flag} FILE).`);
    }
    const fallback = defaultMockAddress(spec);
    return {
      values,
      host: values.host === undefined ? fallback.host : parseHost(values.host, '--host'),
      port: values.port === undefined ? fallback.port : parsePort(values.port, '--port'),
    };
  } catch (error) {
    stop((error as Error).message);
  }
})();

const operations = await loadOperations(spec);
let sandbox: Sandbox | undefined;
if (values.sandbox) {
  try {
    const seed = values.seed === undefined ? undefined : await readSeedFile(values.seed, operations);
    const webhookAllow = values['webhook-allow']
      ?.split(',')
      .map((host) => host.trim())
      .filter(Boolean);
    sandbox = await createSandbox({ operations, seed, stateFile: values['state-file'], webhookAllow });
  } catch (error) {
    stop(`The sandbox could not start: ${(error as Error).message}`);
  }
  // A large seed or state file leaves its parsed text behind; V8 would keep the pages for a
  // long while, so collect once now and the process holds what is stored, not what was read.
  if (values.seed !== undefined || values['state-file'] !== undefined) collectGarbage();
}
const server = createMockServer(operations, {
  sandbox,
  onResponse: values.quiet ? undefined : (method, url, status) => console.log(`${method} ${url} -> ${status}`),
});

server.on('error', (error: NodeJS.ErrnoException) =>
  stop(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use: stop what holds it or set ${MOCK_PORT_ENV} (or --port) to another port.`
      : `The ${sandbox ? 'sandbox' : 'mock'} could not start: ${error.message}`,
  ),
);

server.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const what = sandbox ? 'sandbox' : 'mock';
  console.log(
    `Leaf credentials ${what} (${operations.length} operations) listening on http://${hostname}:${address.port}`,
  );
});

function shutdown(): void {
  server.close(async () => {
    // Pending state reaches the state file before the process ends.
    await sandbox?.close();
    process.exit(0);
  });
  server.closeAllConnections();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, shutdown);
if (values['exit-with-stdin']) process.stdin.on('end', shutdown).resume();
