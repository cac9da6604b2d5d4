/**
 * Signing in with `auth: { username, password }`: the authenticate request
 * (URL, body, through the user's fetch), one sign-in shared by concurrent
 * calls, the token kept until shortly before its `exp`, one re-authentication
 * and retry after a 401, and a refused password failing once, clearly.
 * Planted password and tokens never show in any view of an error or the log.
 */

import { inspect } from 'node:util';
import { bearerTokenOf } from '@leaf-credentials/spec/bearer-token';
import { describe, expect, it, vi } from 'vitest';
import { TOKEN_LIFETIME_SECONDS } from '../src/generated/constants.js';
import {
  createLeafCredentialsClient,
  type FetchLike,
  LeafApiError,
  LeafAuthError,
  type LeafError,
  LeafInvalidResponseError,
} from '../src/index.js';
import { jwt } from './support/jwt.js';
import {
  ANY_CREDENTIALS,
  jsonResponse,
  LEAF_USER_ID,
  problemResponse,
  stubFetch,
  TEST_BASE_URL,
} from './support/stub-fetch.js';

const PASSWORD = 'PLANTED-password-5e6f7a';
const USERNAME = 'grower@example.com';
const auth = { username: USERNAME, password: PASSWORD };
const credentials = ANY_CREDENTIALS;

/** Everything but the credential endpoints is the sign-in (its URL can be overridden). */
const isAuthenticate = (request: Request) => !new URL(request.url).pathname.includes('/users/');

/** A Leaf stand-in: authenticate issues `tokens` in turn; other requests answer `answer(request, token)`. */
function leafStub(
  tokens: string[],
  answer: (request: Request, token: string | undefined) => Response = () => jsonResponse(credentials),
) {
  let issued = 0;
  return stubFetch(async (request) => {
    if (isAuthenticate(request)) return jsonResponse({ id_token: tokens[Math.min(issued++, tokens.length - 1)] });
    return answer(request, bearerTokenOf(request.headers.get('authorization') ?? undefined));
  });
}

const client = (fetch: FetchLike, extra: Record<string, unknown> = {}) =>
  createLeafCredentialsClient({ baseUrl: TEST_BASE_URL, auth, fetch, retry: false, ...extra });

const authentications = (fetch: { requests: Request[] }) => fetch.requests.filter(isAuthenticate).length;

describe('auth: the client signs in with a username and password', () => {
  it("posts the account to the base URL's origin + /api/authenticate through the user's fetch, then sends the token", async () => {
    const token = jwt({ exp: Date.now() / 1000 + 3600 });
    const fetch = leafStub([token]);
    await client(fetch).trimble.get(LEAF_USER_ID);
    const [signIn, get] = fetch.requests;
    expect(signIn!.url).toBe(`${new URL(TEST_BASE_URL).origin}/api/authenticate`);
    expect(signIn!.method).toBe('POST');
    expect(signIn!.headers.get('authorization')).toBeNull();
    expect(await signIn!.clone().json()).toEqual({ username: USERNAME, password: PASSWORD, rememberMe: 'false' });
    expect(get!.headers.get('authorization')).toBe(`Bearer ${token}`);
  });

  it('sends rememberMe "true" when asked, and authenticates at auth.url when given', async () => {
    const fetch = leafStub([jwt({})]);
    await client(fetch, { auth: { ...auth, rememberMe: true, url: 'https://sso.leaf.test/sign-in' } }).trimble.get(
      LEAF_USER_ID,
    );
    expect(fetch.requests[0]!.url).toBe('https://sso.leaf.test/sign-in');
    expect(await fetch.requests[0]!.clone().json()).toMatchObject({ rememberMe: 'true' });
  });

  it('shares one authentication among 20 concurrent first calls', async () => {
    const fetch = leafStub([jwt({ exp: Date.now() / 1000 + 3600 })]);
    const leaf = client(fetch);
    await Promise.all(Array.from({ length: 20 }, () => leaf.trimble.get(LEAF_USER_ID)));
    expect(authentications(fetch)).toBe(1);
    expect(fetch.requests).toHaveLength(21);
  });

  /**
   * On a faked clock: signs in (tokens from `tokens`), then checks the client keeps that token
   * until a minute before `lifetimeMs` runs out and signs in again just after.
   */
  async function expectKeptFor(tokens: () => string[], lifetimeMs: number, rememberMe: boolean) {
    // A whole second, so a JWT's exp (in seconds) is exact.
    vi.useFakeTimers({ toFake: ['Date'], now: 1_700_000_000_000 });
    try {
      const fetch = leafStub(tokens());
      const leaf = client(fetch, { auth: { ...auth, rememberMe } });
      const { expiresAt } = await leaf.authenticate();
      expect(expiresAt.getTime()).toBe(Date.now() + lifetimeMs);
      vi.advanceTimersByTime(lifetimeMs - 61_000);
      await leaf.trimble.get(LEAF_USER_ID);
      expect(authentications(fetch)).toBe(1);
      vi.advanceTimersByTime(2_000);
      await leaf.trimble.get(LEAF_USER_ID);
      expect(authentications(fetch)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  }

  it('keeps the token until a minute before its exp, then signs in again', async () => {
    const exp = () => Date.now() / 1000 + 3600;
    await expectKeptFor(() => [jwt({ exp: exp() }), jwt({ exp: exp() + 3600 })], 3600_000, false);
  });

  for (const [rememberMe, lifetime] of [
    [false, TOKEN_LIFETIME_SECONDS.otherwise],
    [true, TOKEN_LIFETIME_SECONDS.rememberMe],
  ] as const) {
    it(`keeps a token without exp for the documented lifetime (rememberMe ${rememberMe}: ${lifetime} s)`, async () => {
      await expectKeptFor(() => ['opaque-token-one', 'opaque-token-two'], lifetime * 1000, rememberMe);
    });
  }

  it('after a 401 signs in once more and retries that request once, body included', async () => {
    const [stale, fresh] = [jwt({ exp: Date.now() / 1000 + 3600, n: 1 }), jwt({ exp: Date.now() / 1000 + 3600, n: 2 })];
    const fetch = leafStub([stale, fresh], (_request, token) =>
      token === fresh ? jsonResponse(credentials, 201) : problemResponse(401, { title: 'Unauthorized' }),
    );
    const body = { clientId: 'id', clientSecret: 'PLANTED-client-secret-1a2b', refreshToken: 'PLANTED-refresh-3c4d' };
    await expect(client(fetch).trimble.create(LEAF_USER_ID, body)).resolves.toEqual(credentials);
    const creates = fetch.requests.filter((request) => !isAuthenticate(request));
    expect(creates).toHaveLength(2);
    expect(await creates[1]!.json()).toEqual(body);
    expect(authentications(fetch)).toBe(2);
  });

  it('shares the re-authentication when concurrent calls get a 401, and gives up after the one retry', async () => {
    const fetch = leafStub([jwt({ n: 1 }), jwt({ n: 2 })], () => problemResponse(401, { title: 'Unauthorized' }));
    const leaf = client(fetch);
    const errors = await Promise.all(
      Array.from({ length: 5 }, () => leaf.trimble.get(LEAF_USER_ID).catch((error: unknown) => error)),
    );
    for (const error of errors) expect(error).toMatchObject({ name: 'LeafApiError', status: 401 });
    expect(authentications(fetch)).toBe(2);
    expect(fetch.requests.filter((request) => !isAuthenticate(request))).toHaveLength(10);
  });

  it('reports a refused username or password once, as a LeafAuthError, without retrying or leaking', async () => {
    const logged: unknown[] = [];
    const fetch = stubFetch(
      problemResponse(401, { title: 'Unauthorized', detail: `Bad credentials for ${USERNAME} / ${PASSWORD}` }),
    );
    const leaf = client(fetch, { logger: { error: (...entry: unknown[]) => logged.push(entry) } });
    const errors = await Promise.all(
      Array.from({ length: 3 }, () => leaf.trimble.get(LEAF_USER_ID).catch((error: unknown) => error)),
    );
    expect(fetch.requests).toHaveLength(1);
    const [error] = errors as LeafAuthError[];
    expect(error).toBeInstanceOf(LeafAuthError);
    expect(error!.reason).toBe('credentials-refused');
    expect(error!.message).toBe('POST /authenticate failed: Leaf refused the username or password (401); check both');
    for (const view of [
      error!.message,
      error!.stack,
      JSON.stringify(error!.toJSON()),
      inspect(error, { depth: 10 }),
      JSON.stringify(logged),
    ]) {
      expect(view).not.toContain(PASSWORD);
    }
  });

  it('turns an authenticate answer without a usable id_token into a LeafInvalidResponseError', async () => {
    const error = await client(stubFetch(jsonResponse({ token: 'x' })))
      .trimble.get(LEAF_USER_ID)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LeafInvalidResponseError);
    expect((error as LeafError).message).toBe('POST /authenticate failed: 200 response carries no usable id_token');
  });

  it('turns another error status of authenticate into a LeafApiError', async () => {
    const fetch = stubFetch(problemResponse(400, { title: 'Bad Request', detail: 'password must not be blank' }));
    const error = await client(fetch)
      .trimble.get(LEAF_USER_ID)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LeafApiError);
    expect((error as LeafApiError).status).toBe(400);
  });

  it('never shows the password or an issued token in errors, toJSON, util.inspect or the log', async () => {
    const token = jwt({ exp: Date.now() / 1000 + 3600, planted: 'PLANTED-token' });
    const logged: unknown[] = [];
    const logger = {
      debug: (...entry: unknown[]) => logged.push(entry),
      error: (...entry: unknown[]) => logged.push(entry),
    };
    // The server echoes everything it was sent.
    const fetch = leafStub([token], (request) =>
      problemResponse(500, {
        title: 'Internal Server Error',
        detail: `got ${request.headers.get('authorization')} for ${PASSWORD}; token=${token}`,
      }),
    );
    const error = (await client(fetch, { logger })
      .trimble.get(LEAF_USER_ID)
      .catch((caught: unknown) => caught)) as LeafApiError;
    expect(error).toBeInstanceOf(LeafApiError);
    const views = [
      error.message,
      error.stack,
      JSON.stringify(error.toJSON()),
      JSON.stringify(error.problem),
      inspect(error, { depth: 10 }),
      inspect(logged, { depth: 10 }),
    ];
    for (const view of views) {
      expect(view).not.toContain(PASSWORD);
      expect(view).not.toContain(token);
    }
  });

  it('never shows a 3-character password, nor its URL-encoded or base64 echo', async () => {
    const password = 'p%3';
    const token = jwt({ exp: Date.now() / 1000 + 3600 });
    const fetch = leafStub([token], () =>
      problemResponse(500, {
        title: 'Internal Server Error',
        detail: `for ${password}, ${encodeURIComponent(password)} or ${btoa(password)}`,
      }),
    );
    const error = (await client(fetch, { auth: { username: USERNAME, password } })
      .trimble.get(LEAF_USER_ID)
      .catch((caught: unknown) => caught)) as LeafApiError;
    expect(error).toBeInstanceOf(LeafApiError);
    for (const view of [error.message, JSON.stringify(error.toJSON()), inspect(error, { depth: null })]) {
      for (const form of [password, encodeURIComponent(password), btoa(password)]) expect(view).not.toContain(form);
    }
  });

  it('refuses options with both or neither of token and auth, or an empty username or password', () => {
    const cases = [
      {},
      { token: 't0k3n', auth },
      { auth: { username: USERNAME, password: '' } },
      { auth: { username: '', password: PASSWORD } },
    ];
    for (const options of cases) {
      expect(() => createLeafCredentialsClient(options as never)).toThrow(LeafAuthError);
    }
  });

  it('says authenticate() needs auth when the client was given a token', async () => {
    const leaf = createLeafCredentialsClient({ token: 'a.token', fetch: stubFetch(jsonResponse({})) });
    await expect(leaf.authenticate()).rejects.toMatchObject({ name: 'LeafAuthError', reason: 'invalid-options' });
  });
});
