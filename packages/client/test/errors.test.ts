/**
 * What each failure looks like: LeafApiError for non-2xx answers, and typed
 * errors (never a bare TypeError) for network failures, timeouts, invalid
 * JSON; the caller's abort stays the caller's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TIMEOUT_MS } from '../src/defaults.js';
import {
  createLeafCredentialsClient,
  type FetchLike,
  LeafApiError,
  LeafAuthError,
  LeafCredentialStatusError,
  type LeafCredentialsClientOptions,
  type LeafError,
  LeafInvalidResponseError,
  LeafNetworkError,
  LeafRequestError,
  LeafTimeoutError,
} from '../src/index.js';
import { until } from './support/fake-clock.js';
import { closeServersAfterEach, startServer } from './support/http-server.js';
import {
  ANY_CREDENTIALS,
  CREATE_BODIES,
  hangingReply,
  jsonResponse,
  LEAF_USER_ID,
  problemResponse,
  stubFetch,
  TEST_BASE_URL,
} from './support/stub-fetch.js';

function clientWith(fetch: FetchLike, options: Partial<LeafCredentialsClientOptions> = {}) {
  return createLeafCredentialsClient({
    baseUrl: TEST_BASE_URL,
    token: 'errors.test.token',
    fetch,
    retry: false,
    ...options,
  } as LeafCredentialsClientOptions);
}

const statusPath = '/users/{leafUserId}/climate-field-view-credentials/status';
const leafUserIdParams = { params: { path: { leafUserId: LEAF_USER_ID } } };

/** Resolves to what `promise` settles with, or throws if it does not settle within a bounded number of event-loop turns. */
async function settledSoon(promise: Promise<unknown>): Promise<unknown> {
  let done = false;
  const outcome = promise.then(
    (value) => value,
    (error: unknown) => error,
  );
  void outcome.finally(() => (done = true));
  await until(() => done);
  return outcome;
}

describe('LeafApiError', () => {
  it('carries the status, the typed problem, the operation and the x-request-id', async () => {
    const fetch = stubFetch(
      problemResponse(
        400,
        {
          title: 'Bad Request',
          detail: 'clientSecret is required',
          fieldErrors: [{ field: 'clientSecret', message: 'required' }],
        },
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
    const error = (await clientWith(fetch)
      .climateFieldView.get(LEAF_USER_ID)
      .catch((caught: unknown) => caught)) as LeafApiError;
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

  it('keeps its message on one line when the title and detail hold line breaks', async () => {
    const fetch = stubFetch(problemResponse(400, { title: 'Bad\nRequest', detail: 'first line\r\n   second line\n' }));
    const error = (await clientWith(fetch)
      .trimble.get(LEAF_USER_ID)
      .catch((caught: unknown) => caught)) as LeafApiError;
    expect(error.message).toBe(
      'GET /users/{leafUserId}/trimble-credentials failed: 400 Bad Request — first line second line',
    );
    expect(error.problem).toMatchObject({ title: 'Bad\nRequest', detail: 'first line\r\n   second line\n' });
  });

  it('serializes to JSON with its fields', async () => {
    const fetch = stubFetch(problemResponse(404, { title: 'Not Found' }, { 'x-request-id': 'req-7' }));
    const error = await clientWith(fetch)
      .trimble.events(LEAF_USER_ID)
      .catch((caught: unknown) => caught);
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

describe('each LeafError serializes to JSON with its own fields', () => {
  const answered = new Response(null, { status: 200, headers: { 'x-request-id': 'req-9' } });
  it.each<[string, LeafError, Record<string, unknown>]>([
    [
      'LeafTimeoutError',
      new LeafTimeoutError('op', 50, 'UNAUTHENTICATED'),
      { timeoutMs: 50, lastStatus: 'UNAUTHENTICATED' },
    ],
    ['LeafAuthError', new LeafAuthError('op', 'invalid-options'), { reason: 'invalid-options' }],
    [
      'LeafInvalidResponseError',
      new LeafInvalidResponseError('op', answered, undefined, []),
      { status: 200, requestId: 'req-9' },
    ],
    [
      'LeafCredentialStatusError',
      new LeafCredentialStatusError('op', 'MISSING_PERMISSION'),
      { credentialStatus: 'MISSING_PERMISSION' },
    ],
    ['LeafNetworkError', new LeafNetworkError('op', new Error('refused'), []), {}],
    ['LeafRequestError', new LeafRequestError('op', new Error('bad header'), []), {}],
  ])('%s', (name, error, fields) => {
    const { message, cause: _cause, ...json } = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toEqual({ name, operation: 'op', ...fields });
    expect(message).toBe(error.message);
  });
});

describe('transport failures are typed errors with the cause attached', () => {
  it('turns a fetch TypeError into a LeafNetworkError naming the operation and the cause', async () => {
    const refused = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 10.0.0.1:443') });
    const error = (await clientWith(stubFetch(refused))
      .trimble.get(LEAF_USER_ID)
      .catch((caught: unknown) => caught)) as LeafNetworkError;
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
      raw.GET('/users/{leafUserId}/climate-field-view-credentials/status', {
        params: { path: { leafUserId: LEAF_USER_ID } },
      }),
    ).rejects.toThrow(
      new LeafNetworkError(
        'GET /users/{leafUserId}/climate-field-view-credentials/status',
        new TypeError('fetch failed'),
        [],
      ),
    );
  });

  it('gives the raw client a LeafInvalidResponseError for invalid JSON in a success response, quoting none of it', async () => {
    const fetch = stubFetch(
      new Response('{"status": "OK", "note": "body-excerpt-value" oops', {
        status: 200,
        headers: { 'x-request-id': 'req-3' },
      }),
    );
    const error = (await clientWith(fetch)
      .raw.GET(statusPath, leafUserIdParams)
      .catch((caught: unknown) => caught)) as LeafInvalidResponseError;
    expect(error).toBeInstanceOf(LeafInvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: 'req-3', operation: `GET ${statusPath}` });
    expect(error.cause).toMatchObject({ name: 'SyntaxError' });
    expect(JSON.stringify(error) + String(error.stack)).not.toContain('body-excerpt-value');
  });

  it('keeps the raw client parsing JSON, and an empty body as no data', async () => {
    const raw = clientWith(stubFetch(jsonResponse({ status: 'OK' }), new Response('', { status: 200 }))).raw;
    await expect(raw.GET(statusPath, leafUserIdParams)).resolves.toMatchObject({ data: { status: 'OK' } });
    await expect(raw.GET(statusPath, leafUserIdParams)).resolves.toMatchObject({ data: undefined });
    const text = await raw.GET(statusPath, { ...leafUserIdParams, parseAs: 'text' });
    expect(text.data).toBe('');
  });

  it('wraps anything else that stops a request in a LeafRequestError, scrubbing the body’s secrets from its cause', async () => {
    const body = CREATE_BODIES.createTrimbleCredentials;
    const error = await clientWith(stubFetch(jsonResponse({})))
      .trimble.create(LEAF_USER_ID, body, { headers: { 'x-note': `see\n${body.clientSecret}` } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LeafRequestError);
    expect(error).toMatchObject({
      operation: 'POST /users/{leafUserId}/trimble-credentials',
      cause: { name: 'TypeError' },
    });
    expect(JSON.stringify(error)).not.toContain(body.clientSecret);
  });

  it('turns invalid JSON in a success response into a LeafInvalidResponseError with the status', async () => {
    const fetch = stubFetch(new Response('{"status": "OK"', { status: 200, headers: { 'x-request-id': 'req-9' } }));
    const error = (await clientWith(fetch)
      .climateFieldView.status(LEAF_USER_ID)
      .catch((caught: unknown) => caught)) as LeafInvalidResponseError;
    expect(error).toBeInstanceOf(LeafInvalidResponseError);
    expect(error).toMatchObject({ status: 200, requestId: 'req-9' });
    expect(error.message).toBe(
      'GET /users/{leafUserId}/climate-field-view-credentials/status failed: 200 response is not valid JSON',
    );
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

  it("hands the raw client the caller's abort reason untouched, with the client's signal combined", async () => {
    const controller = new AbortController();
    const clientController = new AbortController();
    const raw = clientWith(stubFetch(hangingReply), { signal: clientController.signal }).raw;
    const reason = new Error('user navigated away');
    const pending = raw.GET(statusPath, { ...leafUserIdParams, signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    const shutdown = new Error('shutting down');
    const second = raw.GET(statusPath, { ...leafUserIdParams, signal: new AbortController().signal });
    clientController.abort(shutdown);
    await expect(second).rejects.toBe(shutdown);
  });

  it("honours the client's signal on every call", async () => {
    const controller = new AbortController();
    controller.abort(new Error('shutting down'));
    await expect(
      clientWith(stubFetch(hangingReply), { signal: controller.signal }).trimble.get(LEAF_USER_ID),
    ).rejects.toThrow('shutting down');
  });
});

describe('the token', () => {
  const badToken = 'abc\ndef-SECRET-part';

  it('is refused at creation when a header cannot hold it, with a LeafAuthError that does not quote it', () => {
    for (const token of [badToken, 'has space', '']) {
      let error: unknown;
      try {
        clientWith(stubFetch(jsonResponse({})), { token });
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(token)).toBeInstanceOf(LeafAuthError);
      expect(error).toMatchObject({ reason: 'invalid-token', operation: 'createLeafCredentialsClient' });
      expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain('SECRET');
    }
  });

  it('from a function is checked before every request: helpers and raw reject with a LeafAuthError, nothing is sent', async () => {
    const fetch = stubFetch(jsonResponse({ status: 'OK' }));
    const logged: unknown[] = [];
    const client = clientWith(fetch, {
      token: async () => badToken,
      logger: { error: (...entry) => logged.push(entry) },
    });
    for (const call of [
      () => client.climateFieldView.status(LEAF_USER_ID),
      () => client.raw.GET(statusPath, leafUserIdParams),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LeafAuthError);
      expect(error).toMatchObject({ reason: 'invalid-token', operation: `GET ${statusPath}` });
      expect(JSON.stringify(error) + String((error as Error).stack) + JSON.stringify(logged)).not.toContain('SECRET');
    }
    expect(fetch.requests).toHaveLength(0);
    expect(logged).toHaveLength(1);
  });

  it('function that rejects gives a LeafAuthError with the cause redacted', async () => {
    const failing = async (): Promise<string> => {
      throw new TypeError('refresh failed: {"refresh_token":"rt-SECRET-value"} Authorization: Bearer old-SECRET-value');
    };
    const client = clientWith(stubFetch(jsonResponse({ status: 'OK' })), { token: failing });
    for (const call of [
      () => client.climateFieldView.status(LEAF_USER_ID),
      () => client.raw.GET(statusPath, leafUserIdParams),
    ]) {
      const error = (await call().catch((caught: unknown) => caught)) as LeafAuthError;
      expect(error).toBeInstanceOf(LeafAuthError);
      expect(error.reason).toBe('token-function-failed');
      expect(error.cause).toMatchObject({ name: 'TypeError' });
      expect(error.message).toMatch(
        /^GET \/users\/\{leafUserId\}\/climate-field-view-credentials\/status failed: the token function failed: refresh failed/,
      );
      expect(JSON.stringify(error) + String(error.stack) + String((error.cause as Error).stack)).not.toContain(
        'SECRET',
      );
    }
  });
});

describe('timeoutMs', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());
  closeServersAfterEach();

  it('gives up on an attempt without response headers after timeoutMs with a LeafTimeoutError', async () => {
    const pending = clientWith(stubFetch(hangingReply), { timeoutMs: 2_000 }).climateFieldView.events(LEAF_USER_ID);
    const settled = pending.catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = (await settled) as LeafTimeoutError;
    expect(error).toBeInstanceOf(LeafTimeoutError);
    expect(error).toMatchObject({
      timeoutMs: 2_000,
      operation: 'GET /users/{leafUserId}/climate-field-view-credentials/events',
    });
    expect(error.message).toBe(
      'GET /users/{leafUserId}/climate-field-view-credentials/events failed: timed out after 2000 ms',
    );
  });

  it('clears its timer when the answer comes in time', async () => {
    const fetch = stubFetch(new Response('{"status":"OK"}', { status: 200 }));
    await expect(clientWith(fetch, { timeoutMs: 2_000 }).climateFieldView.status(LEAF_USER_ID)).resolves.toEqual({
      status: 'OK',
    });
    await expect(clientWith(fetch, { timeoutMs: 2_000 }).raw.GET(statusPath, leafUserIdParams)).resolves.toMatchObject({
      data: { status: 'OK' },
    });
    expect(vi.getTimerCount()).toBe(0);
  });

  for (const via of ['helper', 'raw'] as const) {
    it(`keeps running while the body is read: a ${via} call whose server stalls after the headers times out`, async () => {
      let headersArrived = false;
      const server = await startServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"status":'); // and nothing more
      });
      const fetch: FetchLike = async (request) => {
        const response = await globalThis.fetch(request);
        headersArrived = true;
        return response;
      };
      const client = createLeafCredentialsClient({
        baseUrl: server.url,
        token: 'errors.test.token',
        fetch,
        retry: false,
        timeoutMs: 2_000,
      });
      const call =
        via === 'helper' ? client.climateFieldView.status(LEAF_USER_ID) : client.raw.GET(statusPath, leafUserIdParams);
      const settled = settledSoon(call);
      await until(() => headersArrived);
      await vi.advanceTimersByTimeAsync(2_000);
      const error = await settled;
      expect(error).toBeInstanceOf(LeafTimeoutError);
      expect(error).toMatchObject({ timeoutMs: 2_000, operation: `GET ${statusPath}` });
    });
  }

  it('gives each retried attempt its own time, and the retried POST its body', async () => {
    const body = CREATE_BODIES.createTrimbleCredentials;
    const fetch = stubFetch(hangingReply, async (request) =>
      jsonResponse({ ...ANY_CREDENTIALS, ...((await request.json()) as object) }, 201),
    );
    const client = clientWith(fetch, { timeoutMs: 1_000, retry: { methods: ['POST'], baseDelayMs: 100 } });
    const settled = settledSoon(client.trimble.create(LEAF_USER_ID, body));
    await vi.advanceTimersByTimeAsync(1_000); // the first attempt times out
    await vi.advanceTimersByTimeAsync(100); // the pause before the second
    await expect(settled).resolves.toMatchObject(body);
    expect(fetch.requests).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is not running during the pause between attempts', async () => {
    const fetch = stubFetch(problemResponse(503, { title: 'Service Unavailable' }), jsonResponse({ status: 'OK' }));
    const client = clientWith(fetch, { timeoutMs: 1_000, retry: { baseDelayMs: 10_000 } });
    const settled = settledSoon(client.climateFieldView.status(LEAF_USER_ID));
    await until(() => fetch.requests.length === 1 && vi.getTimerCount() === 1);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(settled).resolves.toEqual({ status: 'OK' });
  });

  it(`applies DEFAULT_TIMEOUT_MS (${DEFAULT_TIMEOUT_MS} ms) to every attempt when timeoutMs is not given`, async () => {
    const fetch = stubFetch(hangingReply);
    const settled = settledSoon(clientWith(fetch).climateFieldView.status(LEAF_USER_ID));
    await until(() => fetch.requests.length === 1);
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS);
    const error = await settled;
    expect(error).toBeInstanceOf(LeafTimeoutError);
    expect(error).toMatchObject({ timeoutMs: DEFAULT_TIMEOUT_MS });
  });

  it('must be a positive finite number of milliseconds', () => {
    for (const timeoutMs of [Number.NaN, Infinity, 0, -5, 2 ** 31]) {
      expect(() => clientWith(stubFetch(jsonResponse({})), { timeoutMs }), String(timeoutMs)).toThrow(RangeError);
    }
    expect(() => clientWith(stubFetch(jsonResponse({})), { timeoutMs: Number.NaN })).toThrow(
      'timeoutMs must be a finite number of milliseconds from 1 to 2147483647, not NaN',
    );
  });
});
