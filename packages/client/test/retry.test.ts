/**
 * Retries: idempotent requests on network errors, 429 and 502/503/504, with
 * exponential backoff and jitter, honouring Retry-After; POST only when asked;
 * bounded. The clock is faked: nothing here really sleeps.
 */
import { describe, expect, it, vi } from 'vitest';
import { MAX_RETRY_ATTEMPTS } from '../src/defaults.js';
import {
  createLeafCredentialsClient,
  DEFAULT_RETRY,
  type FetchLike,
  LeafApiError,
  type LeafLogger,
  LeafNetworkError,
  type RetryOptions,
} from '../src/index.js';
import { backoffDelay, parseRetryAfter, resolveRetryPolicy } from '../src/retry.js';
import { settle, until, useFakeClock } from './support/fake-clock.js';
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

const credentials = ANY_CREDENTIALS;

function clientWith(fetch: FetchLike, retry?: RetryOptions | false, logger?: LeafLogger) {
  return createLeafCredentialsClient({ baseUrl: TEST_BASE_URL, token: 'retry.test.token', fetch, retry, logger });
}

const unavailable = () => problemResponse(503, { title: 'Service Unavailable' });

useFakeClock();

describe('what is retried', () => {
  for (const status of [429, 502, 503, 504]) {
    it(`retries a GET answered ${status} and returns the later success`, async () => {
      const fetch = stubFetch(problemResponse(status, { title: 'Transient' }), jsonResponse(credentials));
      await expect(settle(clientWith(fetch).climateFieldView.status(LEAF_USER_ID))).resolves.toEqual(credentials);
      expect(fetch.requests).toHaveLength(2);
    });
  }

  it('retries a GET after a network error', async () => {
    const fetch = stubFetch(new TypeError('fetch failed'), jsonResponse(credentials));
    await expect(settle(clientWith(fetch).climateFieldView.status(LEAF_USER_ID))).resolves.toEqual(credentials);
    expect(fetch.requests).toHaveLength(2);
  });

  it('retries a DELETE answered 503', async () => {
    const fetch = stubFetch(unavailable(), new Response(null, { status: 204 }));
    await expect(settle(clientWith(fetch).trimble.delete(LEAF_USER_ID))).resolves.toBeUndefined();
    expect(fetch.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
  });

  it('retries an attempt that timed out', async () => {
    const fetch = stubFetch(hangingReply, jsonResponse(credentials));
    const client = createLeafCredentialsClient({ baseUrl: TEST_BASE_URL, token: 't0ken', fetch, timeoutMs: 1_000 });
    await expect(settle(client.climateFieldView.status(LEAF_USER_ID))).resolves.toEqual(credentials);
    expect(fetch.requests).toHaveLength(2);
  });

  for (const status of [400, 401, 404, 500]) {
    it(`does not retry a ${status}`, async () => {
      const fetch = stubFetch(problemResponse(status, { title: 'No' }), jsonResponse(credentials));
      await expect(settle(clientWith(fetch).trimble.get(LEAF_USER_ID))).resolves.toBeInstanceOf(LeafApiError);
      expect(fetch.requests).toHaveLength(1);
    });
  }

  it('never retries a POST by default, on a status or a network error', async () => {
    const body = CREATE_BODIES.createTrimbleCredentials;
    const answered = stubFetch(unavailable(), jsonResponse(credentials, 201));
    await expect(settle(clientWith(answered).trimble.create(LEAF_USER_ID, body))).resolves.toMatchObject({
      status: 503,
    });
    expect(answered.requests).toHaveLength(1);
    const failed = stubFetch(new TypeError('fetch failed'), jsonResponse(credentials, 201));
    await expect(settle(clientWith(failed).trimble.create(LEAF_USER_ID, body))).resolves.toBeInstanceOf(
      LeafNetworkError,
    );
    expect(failed.requests).toHaveLength(1);
  });

  it('retries a POST when opted in, sending the same body each time', async () => {
    const fetch = stubFetch(unavailable(), new TypeError('fetch failed'), jsonResponse(credentials, 201));
    const body = CREATE_BODIES.createClimateFieldViewCredentials;
    const client = clientWith(fetch, { methods: [...DEFAULT_RETRY.methods, 'POST'] });
    await expect(settle(client.climateFieldView.create(LEAF_USER_ID, body))).resolves.toEqual(credentials);
    const sent = await Promise.all(fetch.requests.map((request) => request.json()));
    expect(sent).toEqual([body, body, body]);
  });

  it('does not retry at all with retry: false', async () => {
    const fetch = stubFetch(unavailable(), jsonResponse(credentials));
    await expect(settle(clientWith(fetch, false).trimble.get(LEAF_USER_ID))).resolves.toBeInstanceOf(LeafApiError);
    expect(fetch.requests).toHaveLength(1);
  });
});

describe('the options are checked when the client is made', () => {
  const invalid: [RetryOptions, string][] = [
    [{ attempts: Number.NaN }, 'retry.attempts must be a finite number of tries, at least 1, not NaN'],
    [{ attempts: Infinity }, 'retry.attempts must be a finite number of tries, at least 1, not Infinity'],
    [{ attempts: 0 }, 'retry.attempts'],
    [
      { baseDelayMs: Number.NaN },
      'retry.baseDelayMs must be a finite number of milliseconds from 0 to 2147483647, not NaN',
    ],
    [{ baseDelayMs: -1 }, 'retry.baseDelayMs'],
    [
      { maxDelayMs: Infinity },
      'retry.maxDelayMs must be a finite number of milliseconds from 0 to 2147483647, not Infinity',
    ],
  ];
  for (const [retry, message] of invalid) {
    it(`refuses ${JSON.stringify(retry, (_key, value: unknown) => (typeof value === 'number' ? String(value) : value))} with a RangeError`, () => {
      const fetch = stubFetch(unavailable());
      expect(() => clientWith(fetch, retry)).toThrow(RangeError);
      expect(() => clientWith(fetch, retry)).toThrow(message);
      expect(fetch.requests).toHaveLength(0);
    });
  }

  it('refuses more attempts than MAX_RETRY_ATTEMPTS, clearly, before any request', () => {
    const fetch = stubFetch(unavailable());
    expect(() => clientWith(fetch, { attempts: 1e9 })).toThrow(
      `retry.attempts must be at most ${MAX_RETRY_ATTEMPTS} tries, not 1000000000`,
    );
    expect(() => clientWith(fetch, { attempts: MAX_RETRY_ATTEMPTS })).not.toThrow();
    expect(fetch.requests).toHaveLength(0);
  });

  it('still takes a fractional attempts, rounded down', async () => {
    const fetch = stubFetch(unavailable());
    await settle(clientWith(fetch, { attempts: 2.9 }).trimble.get(LEAF_USER_ID));
    expect(fetch.requests).toHaveLength(2);
  });
});

describe('how long it waits and how often', () => {
  it('stops after `attempts` tries and throws the last answer', async () => {
    const fetch = stubFetch(unavailable());
    const error = await settle(clientWith(fetch, { attempts: 4 }).trimble.events(LEAF_USER_ID));
    expect(error).toBeInstanceOf(LeafApiError);
    expect((error as LeafApiError).status).toBe(503);
    expect(fetch.requests).toHaveLength(4);
  });

  it('stops after `attempts` network failures and throws a LeafNetworkError', async () => {
    const fetch = stubFetch(new TypeError('fetch failed'));
    await expect(settle(clientWith(fetch).trimble.get(LEAF_USER_ID))).resolves.toBeInstanceOf(LeafNetworkError);
    expect(fetch.requests).toHaveLength(DEFAULT_RETRY.attempts);
  });

  it('backs off exponentially: with jitter at its midpoint, 0.75, 1.5, 3 times the base delay', async () => {
    const fetch = stubFetch(unavailable());
    await settle(clientWith(fetch, { attempts: 4, baseDelayMs: 100 }).trimble.get(LEAF_USER_ID));
    const gaps = fetch.times.slice(1).map((time, index) => time - fetch.times[index]!);
    expect(gaps).toEqual([75, 150, 300]);
  });

  it('keeps each jittered delay between half and all of its exponential step, capped at maxDelayMs', () => {
    const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1_000 })!;
    expect(backoffDelay(policy, 1, () => 0)).toBe(50);
    expect(backoffDelay(policy, 1, () => 1)).toBe(100);
    expect(backoffDelay(policy, 3, () => 0)).toBe(200);
    expect(backoffDelay(policy, 3, () => 1)).toBe(400);
    expect(backoffDelay(policy, 10, () => 1)).toBe(1_000);
  });

  it('waits exactly the Retry-After seconds of a 429 instead of its own backoff', async () => {
    const fetch = stubFetch(
      problemResponse(429, { title: 'Too Many Requests' }, { 'retry-after': '7' }),
      jsonResponse(credentials),
    );
    await settle(clientWith(fetch).trimble.get(LEAF_USER_ID));
    expect(fetch.times[1]! - fetch.times[0]!).toBe(7_000);
  });

  for (const retryAfter of ['0', '-5', 'Thu, 01 Jan 1970 00:00:00 GMT']) {
    it(`still waits the minimum backoff (half the first step) after a Retry-After of ${retryAfter}`, async () => {
      const fetch = stubFetch(
        problemResponse(503, { title: 'Service Unavailable' }, { 'retry-after': retryAfter }),
        jsonResponse(credentials),
      );
      await settle(clientWith(fetch, { baseDelayMs: 200 }).climateFieldView.status(LEAF_USER_ID));
      expect(fetch.times[1]! - fetch.times[0]!).toBe(100);
    });
  }

  it('reads Retry-After as an HTTP date too', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:12 GMT', now)).toBe(12_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('gives up at once when Retry-After asks for more than maxDelayMs', async () => {
    const fetch = stubFetch(
      problemResponse(503, { title: 'Down for maintenance' }, { 'retry-after': '3600' }),
      jsonResponse(credentials),
    );
    const error = await settle(clientWith(fetch, { maxDelayMs: 60_000 }).trimble.get(LEAF_USER_ID));
    expect(error).toMatchObject({ status: 503 });
    expect(fetch.requests).toHaveLength(1);
  });

  it('stops waiting between attempts when the call is aborted', async () => {
    const fetch = stubFetch(unavailable());
    const controller = new AbortController();
    const pending = clientWith(fetch).trimble.get(LEAF_USER_ID, { signal: controller.signal });
    await until(() => vi.getTimerCount() === 1);
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
    expect(vi.getTimerCount()).toBe(0);
    expect(fetch.requests).toHaveLength(1);
  });

  it('tells the logger about each retry', async () => {
    const warn = vi.fn();
    const fetch = stubFetch(unavailable(), jsonResponse(credentials));
    await settle(clientWith(fetch, { baseDelayMs: 100 }, { warn }).trimble.get(LEAF_USER_ID));
    expect(warn).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith('GET /users/{leafUserId}/trimble-credentials retrying in 75 ms after 503', {
      operation: 'GET /users/{leafUserId}/trimble-credentials',
      attempt: 1,
      attempts: 3,
      delayMs: 75,
      after: '503',
    });
  });
});
