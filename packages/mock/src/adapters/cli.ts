#!/usr/bin/env node
/**
 * The package's one bin, `leaf-credentials-mock` (`npx @leaf-credentials/mock
 * sandbox`), and what `npm run mock`, `npm run sandbox` and `npm start` run:
 * serves the bundled spec on 127.0.0.1:4010 (or MOCK_HOST / MOCK_PORT, or
 * --host / --port) until Ctrl-C. `mock` answers with the spec's examples;
 * `sandbox` from stored state (seeded with the spec's example user, or
 * `--seed FILE`; kept across restarts with `--state-file FILE`). Prints the
 * URL it listens on as `listening on <url>`; startMock/startSandbox wait for
 * that line. A mistake of the caller's is one line on stderr and exit 1.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isBearerToken } from '@leaf-credentials/spec/bearer-token';
import { defaultMockAddress, MOCK_HOST_ENV, MOCK_PORT_ENV, parseHost, parsePort } from '../config.js';
import { createSandbox, readSeedFile, type Sandbox } from '../sandbox/index.js';
import { loadDefaultOperations, loadSpec } from '../spec.js';
import { createMockServer } from './node.js';

const COMMANDS = ['mock', 'sandbox'] as const;
type Command = (typeof COMMANDS)[number];

const USAGE = `Usage: leaf-credentials-mock <mock|sandbox> [options]

Serves Leaf's credential endpoints from the OpenAPI spec until Ctrl-C.
  mock      answers every valid request with the spec's examples
  sandbox   answers from state kept per bearer token: create, read, delete

Options:
  --port PORT        port to listen on (default: ${MOCK_PORT_ENV} or the spec's 4010; 0 picks a free one)
  --host HOST        address to listen on (default: ${MOCK_HOST_ENV} or 127.0.0.1)
  --seed FILE        sandbox: JSON or YAML seed every token's state starts from
  --state-file FILE  sandbox: keep state in FILE across restarts
  --admin-token TOKEN
                     sandbox: the token for control requests on the whole sandbox
                     (default: a random one, printed at start)
  --token-signing-key KEY
                     sandbox: the key its sign-in signs tokens with (default: random per process)
  --quiet            no access log
  --help             this text
  --version          the package's version`;

/** A mistake of the caller's (a flag, a variable, a seed or state file): one line saying which, not a stack. */
function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** This package's version, from its package.json (one level above dist/, two above src/adapters/). */
function version(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === '@leaf-credentials/mock') return manifest.version ?? 'unknown';
    } catch {
      // not this one
    }
  }
  return 'unknown';
}

function parse() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'state-file': { type: 'string' },
      'admin-token': { type: 'string' },
      'token-signing-key': { type: 'string' },
      help: { type: 'boolean', default: false },
      version: { type: 'boolean', default: false },
      // Set by startMock/startSandbox: stop when the parent's end of stdin closes (it exited, even by SIGKILL).
      'exit-with-stdin': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.version) {
    console.log(version());
    process.exit(0);
  }
  const [command, ...extra] = positionals;
  if (command === undefined) throw new Error('Name a command: mock or sandbox (--help lists the options).');
  if (!COMMANDS.includes(command as Command))
    throw new Error(`Unknown command '${command}': use mock or sandbox (--help lists the options).`);
  if (extra.length > 0) throw new Error(`Unexpected argument '${extra[0]}' (--help lists the options).`);
  for (const flag of ['seed', 'state-file', 'admin-token', 'token-signing-key'] as const) {
    if (values[flag] !== undefined && command !== 'sandbox')
      throw new Error(
        `--${flag} needs the sandbox: the mock keeps no state (leaf-credentials-mock sandbox --${flag} …).`,
      );
  }
  if (values['admin-token'] !== undefined && !isBearerToken(values['admin-token']))
    throw new Error('--admin-token must be a bearer token: letters, digits and -._~+/ (then optional =).');
  const fallback = defaultMockAddress(loadSpec());
  return {
    command: command as Command,
    values,
    host: values.host === undefined ? fallback.host : parseHost(values.host, '--host'),
    port: values.port === undefined ? fallback.port : parsePort(values.port, '--port'),
  };
}

const { command, values, host, port } = (() => {
  try {
    return parse();
  } catch (error) {
    return stop((error as Error).message);
  }
})();

const operations = await loadDefaultOperations();
let sandbox: Sandbox | undefined;
if (command === 'sandbox') {
  try {
    const seed = values.seed === undefined ? undefined : await readSeedFile(values.seed, operations);
    sandbox = await createSandbox({
      operations,
      seed,
      stateFile: values['state-file'],
      adminToken: values['admin-token'],
      tokenSigningKey: values['token-signing-key'],
    });
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
      : `The ${command} could not start: ${error.message}`,
  ),
);

server.listen(port, host, () => {
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // A generated admin token is printed once, so whoever started the sandbox can steer all of it.
  if (sandbox && values['admin-token'] === undefined)
    console.log(`Sandbox admin token (control requests on the whole sandbox): ${sandbox.adminToken}`);
  console.log(
    `Leaf credentials ${command} (${operations.length} operations) listening on http://${hostname}:${address.port}`,
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
