/**
 * `npm start` (after `turbo run build`): serves the API reference on
 * http://localhost:8080 and the mock on http://127.0.0.1:4010, together,
 * until Ctrl-C stops both. DOCS_PORT, MOCK_PORT and MOCK_HOST override them.
 */
import type { AddressInfo } from 'node:net';
import { createDocsServer, docsPort, DOCS_HTML_PATH, DOCS_PORT_ENV } from '@leaf-credentials/docs';
import { defaultMockAddress, startMock } from '@leaf-credentials/mock';
import { exampleLeafUserId } from '@leaf-credentials/spec';

// Both addresses are read before anything starts, so a bad DOCS_PORT leaves no mock running.
const [requestedDocsPort, mockAddress] = (() => {
  try {
    return [docsPort(), defaultMockAddress()] as const;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
const mock = await startMock({ ...mockAddress, log: true });

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
  await mock.stop();
  process.exit(1);
});

const { port } = docs.address() as AddressInfo;
console.log(
  [
    '',
    `  API docs   http://localhost:${port}   (${DOCS_HTML_PATH})`,
    `  Mock API   ${mock.url}   (try: curl -H 'Authorization: Bearer any-token' ${mock.url}/users/${exampleLeafUserId()}/climate-field-view-credentials/status)`,
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
  await Promise.all([new Promise((resolve) => docs.close(resolve)), mock.stop()]);
  console.log('Stopped the docs and the mock.');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
