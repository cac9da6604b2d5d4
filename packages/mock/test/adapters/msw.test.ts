/**
 * MSW (2.15 here, on Node 20): `setupServer(...leafHandlers())` answers Leaf's
 * production URLs — each operation under the server the spec gives it — and
 * the local base URL, from one in-process sandbox whose state both share.
 */
import { randomUUID } from 'node:crypto';
import { listOperations, productionServerUrl, specModel } from '@leaf-credentials/spec';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock, createSandbox } from '../../src/adapters/fetch.js';
import { leafHandlers } from '../../src/adapters/msw.js';
import { exampleRequest } from '../../src/example-requests.js';
import { loadSpec } from '../../src/spec.js';

const spec = loadSpec();
const mock = createMock();
const sandbox = createSandbox();
const server = setupServer(...leafHandlers({ sandbox: mock }));
const sandboxServer = setupServer(...leafHandlers({ sandbox }));

/** Each operation's example request, aimed at its production URL. */
const PRODUCTION = specModel(spec).operations.map((shape) => {
  const operation = listOperations(spec).find((candidate) => candidate.operationId === shape.operationId)!;
  const request = exampleRequest(shape);
  const url = productionServerUrl(spec, operation) + request.path.slice(shape.basePaths.local.length);
  return { name: `${shape.operationId} at ${url}`, url, request };
});

describe('the mock behind MSW', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it.each(PRODUCTION)('$name', async ({ url, request }) => {
    const { method, headers, body, expectedStatus } = request;
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    expect(response.status).toBe(expectedStatus);
  });
});

describe('the sandbox behind MSW', () => {
  beforeAll(() => sandboxServer.listen({ onUnhandledRequest: 'error' }));
  afterAll(async () => {
    sandboxServer.close();
    await sandbox.close();
  });

  it('keeps what a production URL created for the local URL to read, and records both', async () => {
    // A credentials create (of the seeded example user), read back under the local base path.
    const create = PRODUCTION.find(
      ({ request, url }) => request.method === 'POST' && request.expectedStatus === 201 && url.endsWith('-credentials'),
    )!;
    const token = `msw-${randomUUID()}`;
    const headers = { ...create.request.headers, authorization: `Bearer ${token}` };
    const created = await fetch(create.url, { method: 'POST', headers, body: create.request.body! });
    expect(created.status).toBe(201);
    const localPath = new URL(create.url).pathname.replace(new URL(productionServerUrl(spec)).pathname, '');
    const read = await fetch(new URL(localPath, sandbox.url), { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: (await created.json()).id });
    const recorded = await sandbox.as(token).requests();
    expect(recorded.map(({ method, status }) => [method, status])).toEqual([
      ['POST', 201],
      ['GET', 200],
    ]);
  });
});
