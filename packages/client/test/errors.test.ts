/**
 * What each failure looks like: LeafApiError for non-2xx answers, and typed
 * errors (never a bare TypeError) for network failures, timeouts, invalid
 * JSON; the caller's abort stays the caller's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createLeafCredentialsClient,
  LeafApiError,
  LeafInvalidResponseError,
  LeafNetworkError,
  LeafTimeoutError,
  type FetchLike,
} from '../src/index.js';
import { hangingReply, LEAF_USER_ID, problemResponse, stubFetch, TEST_BASE_URL } from './support/stub-fetch.js';

function clientWith(fetch: FetchLike, options: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  return createLeafCredentialsClient({ baseUrl: TEST_BASE_URL, token: 'errors.test.token', fetch, retry: false, ...options });
}

describe('LeafApiError', () => {
  it('carries the status, the typed problem, the operation and the x-request-id', async () => {
    const fetch = stubFetch(
      problemResponse(
        400,
        { title: 'Bad Request', detail: 'clientSecret is required', fieldErrors: [{ field: 'clientSecret', message: 'required' }] },
        { 'x-request-id': 'req-42' },
      ),
    );
    const error = await clientWith(fetch)
      .trimble.create(LEAF_USER_ID, { clientId: 'id', clientSecret: 'placeholder', refreshToken: 'placeholder' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LeafApiError);
    expect(error).toMatchObject({
      name: 'LeafApiError',
      status: 400,
      operation: 'POST /users/{leafUserId}/trimble-credentials',
      requestId: 'req-42',
      problem: { title: 'Bad Request', fieldErrors: [{ field: 'clientSecret' }] },
      message: 'POST /users/{leafUserId}/trimble-credentials failed: 400 Bad Request — clientSecret is required',
    });
  });

  it('makes up a problem from the status line when the body is not problem+json', async () => {
    const fetch = stubFetch(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = (await clientWith(fetch).climateFieldView.get(LEAF_USER_ID).catch((caught: unknown) => caught)) as LeafApiError;
    expect(error).toBeInstanceOf(LeafApiError);
    expect(error.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
    expect(error.message).toBe('GET /users/{leafUserId}/climate-field-view-credentials failed: 502 Bad Gateway');
    expect(error.requestId).toBeUndefined();
  });

  it('is thrown for a non-2xx answer to a DELETE too', async () => {
    const fetch = stubFetch(problemResponse(404, { title: 'Not Found', detail: 'No credentials' }));
    await expect(clientWith(fetch).trimble.delete(LEAF_USER_ID)).rejects.toThrow(
      'DELETE /users/{leafUserId}/trimble-credentials failed: 404 Not Found — No credentials',
    );
  });

  it('serializes to JSON with its fields', async () => {
    const fetch = stubFetch(problemResponse(404, { title: 'Not Found' }, { 'x-request-id': 'req-7' }));
    const error = await clientWith(fetch).trimble.events(LEAF_USER_ID).catch((caught: unknown) => caught);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'LeafApiError',
      message: 'GET /users/{leafUserId}/trimble-credentials/events failed: 404 Not Found',
      operation: 'GET /users/{leafUserId}/trimble-credentials/events',
      status: 404,
      requestId: 'req-7',
      problem: { status: 404, title: 'Not Found' },
    });
  });
});

describe('transport failures are typed errors with the cause attached', () => {
  it('turns a fetch TypeError into a LeafNetworkError naming the operation and the cause', async () => {
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 10.0.0.1:443') });
    const error = (await clientWith(stubFetch(refused)).trimble.get(LEAF_USER_ID).catch((caught: unknown) => caught)) as LeafNetworkError;
    expect(error).toBeInstanceOf(LeafNetworkError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      'GET /users/{leafUserId}/trimble-credentials failed: network error: fetch failed (connect ECONNREFUSED 10.0.0.1:443)',
    );
    expect(error.cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });

  it('gives the raw client typed network errors as well', async () => {
    const raw = clientWith(stubFetch(new TypeError('fetch failed'))).raw;
    await expect(
      raw.GET('/users/{leafUserId}/climate-field-view-credentials/status', { params: { path: { leafUserId: LEAF_USER_ID } } }),
    ).rejects.toThrow(
      new LeafNetworkError('GET /users/{leafUserId}/climate-field-view-credentials/status', new TypeError('fetch failed'), []),
    );
  });

  it('turns invalid JSON in a success response into a LeafInvalidResponseError with the status', async () => {
    const fetch = stubFetch(new Response('{"status": "OK"', { status: 200, headers: { 'x-request-id': 'req-9' } }));
    const error = (await clientWith(fetch).climateFieldView.status(LEAF_USER_ID).catch((caught: unknown) => caught)) as LeafInvalidResponseError;
    expect(error).toBeInstanceOf(LeafInvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: 'req-9' });
    expect(error.message).toBe('GET /users/{leafUserId}/climate-field-view-credentials/status failed: 200 response is not valid JSON');
    expect(error.cause).toMatchObject({ name: 'SyntaxError' });
  });

  it('treats an empty success body where the spec promises JSON as invalid', async () => {
    const fetch = stubFetch(new Response('', { status: 200 }));
    await expect(clientWith(fetch).trimble.get(LEAF_USER_ID)).rejects.toBeInstanceOf(LeafInvalidResponseError);
  });

  it("hands back the caller's abort reason untouched", async () => {
    const controller = new AbortController();
    const pending = clientWith(stubFetch(hangingReply)).trimble.get(LEAF_USER_ID, { signal: controller.signal });
    const reason = new Error('user navigated away');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it("honours the client's signal on every call", async () => {
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    await expect(clientWith(stubFetch(hangingReply), { signal: controller.signal }).trimble.get(LEAF_USER_ID)).rejects.toThrow(
      'shutting down',
    );
  });
});

describe('timeoutMs', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives up on an attempt without response headers after timeoutMs with a LeafTimeoutError', async () => {
    const pending = clientWith(stubFetch(hangingReply), { timeoutMs: 2_000 }).climateFieldView.events(LEAF_USER_ID);
    const settled = pending.catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = (await settled) as LeafTimeoutError;
    expect(error).toBeInstanceOf(LeafTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 2_000, operation: 'GET /users/{leafUserId}/climate-field-view-credentials/events' });
    expect(error.message).toBe('GET /users/{leafUserId}/climate-field-view-credentials/events failed: timed out after 2000 ms');
  });

  it('clears its timer when the answer comes in time', async () => {
    const fetch = stubFetch(new Response('{"status":"OK"}', { status: 200 }));
    await expect(clientWith(fetch, { timeoutMs: 2_000 }).climateFieldView.status(LEAF_USER_ID)).resolves.toEqual({ status: 'OK' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
