/**
 * waitUntilHealthy (Trimble and Climate FieldView): reads the credentials
 * resource's own `status` with backoff until OK, gives up at once on statuses
 * polling cannot fix, and stops at its deadline or on abort. The clock is faked.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  type CredentialStatus,
  createLeafCredentialsClient,
  type FetchLike,
  LeafApiError,
  LeafCredentialStatusError,
  LeafInvalidResponseError,
  LeafTimeoutError,
  type WaitUntilHealthy,
  type WaitUntilHealthyOptions,
} from '../src/index.js';
import { settle, until, useFakeClock } from './support/fake-clock.js';
import {
  ANY_CREDENTIALS,
  hangingReply,
  jsonResponse,
  LEAF_USER_ID,
  problemResponse,
  stubFetch,
  TEST_BASE_URL,
} from './support/stub-fetch.js';

useFakeClock();

/** A credentials resource as Leaf's current pages show it, with the given status. */
const resource = (status?: CredentialStatus) => {
  const { status: _example, ...rest } = ANY_CREDENTIALS;
  return status === undefined ? rest : { ...rest, status };
};
const statusReply = (status?: CredentialStatus) => jsonResponse(resource(status));
const clientWith = (fetch: FetchLike) =>
  createLeafCredentialsClient({ baseUrl: TEST_BASE_URL, token: 'wait.test.token', fetch, retry: false });
const fieldView = (fetch: FetchLike) => clientWith(fetch).climateFieldView;

const PROVIDERS: { provider: string; path: string; helpers: (fetch: FetchLike) => WaitUntilHealthy<object> }[] = [
  { provider: 'trimble', path: 'trimble-credentials', helpers: (fetch) => clientWith(fetch).trimble },
  { provider: 'climateFieldView', path: 'climate-field-view-credentials', helpers: fieldView },
];

describe('waitUntilHealthy', () => {
  for (const { provider, path, helpers } of PROVIDERS) {
    it(`${provider}: reads the credentials' own status with doubling pauses until it is OK`, async () => {
      const fetch = stubFetch(
        statusReply('TEMPORARILY_UNAVAILABLE'),
        statusReply('TEMPORARILY_UNAVAILABLE'),
        statusReply('TEMPORARILY_UNAVAILABLE'),
        statusReply('OK'),
      );
      const seen: CredentialStatus[] = [];
      const result = await settle(
        helpers(fetch).waitUntilHealthy(LEAF_USER_ID, { intervalMs: 500, onStatus: (status) => seen.push(status) }),
      );
      expect(result).toEqual(resource('OK'));
      expect(fetch.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(
        Array(4).fill(`GET /api/users/${LEAF_USER_ID}/${path}`),
      );
      expect(fetch.times.slice(1).map((time, index) => time - fetch.times[index]!)).toEqual([500, 1_000, 2_000]);
      expect(seen).toEqual(['TEMPORARILY_UNAVAILABLE', 'TEMPORARILY_UNAVAILABLE', 'TEMPORARILY_UNAVAILABLE']);
    });

    it(`${provider}: names its own helper when the credentials are refused`, async () => {
      const error = await settle(helpers(stubFetch(statusReply('UNAUTHENTICATED'))).waitUntilHealthy(LEAF_USER_ID));
      expect(error).toMatchObject({
        message: `${provider}.waitUntilHealthy failed: the credentials are UNAUTHENTICATED`,
      });
    });
  }

  it('stops with a LeafInvalidResponseError when the credentials carry no status (the spec requires one)', async () => {
    const fetch = stubFetch(statusReply(), statusReply('OK'));
    const error = await settle(fieldView(fetch).waitUntilHealthy(LEAF_USER_ID));
    expect(error).toBeInstanceOf(LeafInvalidResponseError);
    expect(fetch.requests).toHaveLength(1);
  });

  it('caps the pause between polls at maxIntervalMs', async () => {
    const fetch = stubFetch(...Array<Response>(5).fill(statusReply('TEMPORARILY_UNAVAILABLE')), statusReply('OK'));
    await settle(fieldView(fetch).waitUntilHealthy(LEAF_USER_ID, { intervalMs: 1_000, maxIntervalMs: 3_000 }));
    expect(fetch.times.slice(1).map((time, index) => time - fetch.times[index]!)).toEqual([
      1_000, 2_000, 3_000, 3_000, 3_000,
    ]);
  });

  for (const status of ['UNAUTHENTICATED', 'MISSING_PERMISSION'] as const) {
    it(`stops at the first ${status} with a LeafCredentialStatusError`, async () => {
      const fetch = stubFetch(statusReply('TEMPORARILY_UNAVAILABLE'), statusReply(status), statusReply('OK'));
      const error = await settle(fieldView(fetch).waitUntilHealthy(LEAF_USER_ID));
      expect(error).toBeInstanceOf(LeafCredentialStatusError);
      expect(error).toMatchObject({
        credentialStatus: status,
        message: `climateFieldView.waitUntilHealthy failed: the credentials are ${status}`,
      });
      expect(fetch.requests).toHaveLength(2);
    });
  }

  it('gives up at timeoutMs with a LeafTimeoutError carrying the last status', async () => {
    const fetch = stubFetch(statusReply('TEMPORARILY_UNAVAILABLE'));
    const started = Date.now();
    const error = await settle(
      fieldView(fetch).waitUntilHealthy(LEAF_USER_ID, { timeoutMs: 10_000, intervalMs: 1_000 }),
    );
    expect(error).toBeInstanceOf(LeafTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 10_000, lastStatus: 'TEMPORARILY_UNAVAILABLE' });
    expect(Date.now() - started).toBe(10_000);
    // Polls at 0, 1, 3 and 7 s; the pause after that is cut short by the deadline.
    expect(fetch.requests).toHaveLength(4);
  });

  it('gives up at a deadline given as a Date, aborting the poll in flight', async () => {
    const fetch = stubFetch(statusReply('TEMPORARILY_UNAVAILABLE'), hangingReply);
    const deadline = new Date(Date.now() + 5_000);
    const error = await settle(fieldView(fetch).waitUntilHealthy(LEAF_USER_ID, { deadline }));
    expect(error).toBeInstanceOf(LeafTimeoutError);
    expect(Date.now()).toBe(deadline.getTime());
    expect(fetch.requests[1]!.signal.aborted).toBe(true);
  });

  it('stops polling with the signal’s reason when aborted', async () => {
    const fetch = stubFetch(statusReply('TEMPORARILY_UNAVAILABLE'));
    const controller = new AbortController();
    const waiting = fieldView(fetch).waitUntilHealthy(LEAF_USER_ID, { signal: controller.signal });
    await until(() => fetch.requests.length === 1 && vi.getTimerCount() === 2);
    controller.abort(new Error('user gave up'));
    await expect(waiting).rejects.toThrow('user gave up');
    expect(vi.getTimerCount()).toBe(0);
    expect(fetch.requests).toHaveLength(1);
  });

  const invalidOptions: [string, WaitUntilHealthyOptions, string][] = [
    [
      'an invalid Date as deadline',
      { deadline: new Date('garbage') },
      'deadline must be a valid Date or epoch milliseconds, not Invalid Date',
    ],
    [
      'an invalid Date with a timeoutMs',
      { deadline: new Date('garbage'), timeoutMs: 1_000 },
      'deadline must be a valid Date',
    ],
    ['NaN as deadline', { deadline: Number.NaN }, 'deadline must be a valid Date'],
    [
      'NaN as timeoutMs',
      { timeoutMs: Number.NaN },
      'timeoutMs must be a finite number of milliseconds at least 0, not NaN',
    ],
    [
      '0 as intervalMs',
      { intervalMs: 0 },
      'intervalMs must be a finite number of milliseconds from 1 to 2147483647, not 0',
    ],
    ['Infinity as maxIntervalMs', { maxIntervalMs: Infinity }, 'maxIntervalMs must be'],
  ];
  for (const [label, options, message] of invalidOptions) {
    it(`rejects ${label} with a RangeError at once, without polling`, async () => {
      const fetch = stubFetch(statusReply('TEMPORARILY_UNAVAILABLE'));
      let error: unknown;
      let done = false;
      fieldView(fetch)
        .waitUntilHealthy(LEAF_USER_ID, options)
        .catch((caught: unknown) => (error = caught))
        .finally(() => (done = true));
      await until(() => done);
      expect(error).toBeInstanceOf(RangeError);
      expect((error as Error).message).toContain(message);
      expect(fetch.requests).toHaveLength(0);
    });
  }

  it('passes on an API error from the credentials endpoint', async () => {
    const fetch = stubFetch(problemResponse(404, { title: 'Not Found', detail: 'No credentials of this provider' }));
    const error = await settle(fieldView(fetch).waitUntilHealthy(LEAF_USER_ID));
    expect(error).toBeInstanceOf(LeafApiError);
    expect(error).toMatchObject({ status: 404 });
  });
});
