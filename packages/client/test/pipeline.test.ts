/**
 * The body is part of the attempt: a failure while reading it (a reset after
 * the headers, a stall past the deadline) is classified like one before the
 * headers — LeafNetworkError, LeafTimeoutError — and retried by the same rules
 * for idempotent requests. A real server on a loopback port: a stub fetch
 * cannot cut a body in the middle.
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  createLeafCredentialsClient,
  type LeafCredentialsClientOptions,
  LeafNetworkError,
  LeafTimeoutError,
} from '../src/index.js';
import { closeServersAfterEach, startServer } from './support/http-server.js';
import { LEAF_USER_ID } from './support/stub-fetch.js';

closeServersAfterEach();

const statusPath = '/users/{leafUserId}/climate-field-view-credentials/status';
const healthy = JSON.stringify({ status: 'OK' });

type Fault = (response: ServerResponse) => void;

/** Headers and half a body, then the connection is destroyed. */
const resetMidBody: Fault = (response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(healthy.length) });
  response.write(healthy.slice(0, 5), () => response.socket?.destroy());
};
/** Headers and half a body, then nothing. */
const stallMidBody: Fault = (response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(healthy.length) });
  response.write(healthy.slice(0, 5));
};
const answer: Fault = (response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(healthy);
};

/** A server answering its requests with `faults` in turn (the last repeats), counting them. */
async function serverWith(...faults: Fault[]) {
  let count = 0;
  const server = await startServer((_request, response) => {
    faults[Math.min(count++, faults.length - 1)]!(response);
  });
  return { url: server.url, requests: () => count };
}

const clientOf = (baseUrl: string, options: Partial<LeafCredentialsClientOptions> = {}) =>
  createLeafCredentialsClient({
    baseUrl,
    token: 'pipeline.test.token',
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    ...options,
  } as LeafCredentialsClientOptions);

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

const faults: [string, Fault, typeof LeafNetworkError | typeof LeafTimeoutError][] = [
  ['a reset mid-body', resetMidBody, LeafNetworkError],
  ['a stall after the headers', stallMidBody, LeafTimeoutError],
];

for (const [label, fault, errorClass] of faults) {
  describe(label, () => {
    it(`is a ${errorClass.name} when not retried (helper and raw)`, async () => {
      const server = await serverWith(fault);
      const client = clientOf(server.url, { retry: false, timeoutMs: 300 });
      const viaHelper = await failure(client.climateFieldView.status(LEAF_USER_ID));
      const viaRaw = await failure(client.raw.GET(statusPath, { params: { path: { leafUserId: LEAF_USER_ID } } }));
      for (const error of [viaHelper, viaRaw]) {
        expect(error).toBeInstanceOf(errorClass);
        expect(error).toMatchObject({ operation: `GET ${statusPath}` });
      }
    });

    it('is retried for a GET, which then resolves to the next answer', async () => {
      const server = await serverWith(fault, answer);
      const client = clientOf(server.url, { timeoutMs: 300 });
      await expect(client.climateFieldView.status(LEAF_USER_ID)).resolves.toEqual({ status: 'OK' });
      expect(server.requests()).toBe(2);
    });

    it('is retried for raw too', async () => {
      const server = await serverWith(fault, answer);
      const client = clientOf(server.url, { timeoutMs: 300 });
      const { data } = await client.raw.GET(statusPath, { params: { path: { leafUserId: LEAF_USER_ID } } });
      expect(data).toEqual({ status: 'OK' });
      expect(server.requests()).toBe(2);
    });
  });
}
