/**
 * `npm start` (after `turbo run build`): serves the API reference on
 * http://localhost:8080 and the sandbox on http://127.0.0.1:4010, together,
 * until Ctrl-C stops both. The sandbox starts seeded with the spec's example
 * Leaf user and credentials, so the docs' samples answer as shown.
 * DOCS_PORT, MOCK_PORT and MOCK_HOST override the addresses.
 */
import type { AddressInfo } from 'node:net';
import { createDocsServer, DOCS_HTML_PATH, DOCS_PORT_ENV, docsPort } from '@leaf-credentials/docs';
import { defaultMockAddress, startSandbox } from '@leaf-credentials/mock';
import { exampleLeafUserId } from '@leaf-credentials/spec';

// Both addresses are read before anything starts, so a bad DOCS_PORT leaves no sandbox running.
const [requestedDocsPort, mockAddress] = (() => {
  try {
    return [docsPort(), defaultMockAddress()] as const;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
const sandbox = await startSandbox({ ...mockAddress, log: true });

const docs = createDocsServer();
await new Promise<void>((resolve, reject) => {
  docs.once('error', (error: NodeJS.ErrnoException) =>
    reject(
      error.code === 'EADDRINUSE'
        ? new Error(`Port ${requestedDocsPort} is in use: set ${DOCS_PORT_ENV} to another port.`)
        : error,
    ),
  );
  docs.listen(requestedDocsPort, 'localhost', resolve);
}).catch(async (error: Error) => {
  console.error(error.message);
  await sandbox.stop();
  process.exit(1);
});

const { port } = docs.address() as AddressInfo;
console.log(
  [
    '',
    `  API docs   http://localhost:${port}   (${DOCS_HTML_PATH})`,
    `  Sandbox    ${sandbox.url}   (try: curl -H 'Authorization: Bearer any-token' ${sandbox.url}/users/${exampleLeafUserId()}/trimble-credentials)`,
    `  Admin      ${sandbox.adminToken}   (the bearer token for /__sandbox control requests on the whole sandbox)`,
    '',
    '  Ctrl-C stops both.',
    '',
  ].join('\n'),
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  docs.closeAllConnections();
  await Promise.all([new Promise((resolve) => docs.close(resolve)), sandbox.stop()]);
  console.log('Stopped the docs and the sandbox.');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
