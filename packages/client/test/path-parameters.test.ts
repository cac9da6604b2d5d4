/**
 * An id never changes a request's target: helpers and `raw` check every path
 * parameter against the spec's rule for it (leafUserId: a uuid) in the one
 * request path, before anything is sent (not even a sign-in).
 */
import { describe, expect, it } from 'vitest';
import { createLeafCredentialsClient, LeafRequestError } from '../src/index.js';
import {
  ANY_CREDENTIALS,
  everyHelperCall,
  jsonResponse,
  LEAF_USER_ID,
  stubFetch,
  TEST_BASE_URL,
} from './support/stub-fetch.js';

const BAD_IDS = [
  '..',
  '.',
  '',
  ' ',
  '\t',
  'a/b',
  `${LEAF_USER_ID}\n`,
  ` ${LEAF_USER_ID}`,
  `${LEAF_USER_ID}/..`,
  '%2e%2e',
];

function clients() {
  const fetch = stubFetch(jsonResponse({ id_token: 'never.sent.token', ...ANY_CREDENTIALS }));
  const withToken = createLeafCredentialsClient({
    baseUrl: TEST_BASE_URL,
    token: 'path.test.token',
    fetch,
    retry: false,
  });
  const withAuth = createLeafCredentialsClient({
    baseUrl: TEST_BASE_URL,
    auth: { username: 'u', password: 'p4ssword' },
    fetch,
    retry: false,
  });
  return { fetch, withToken, withAuth };
}

describe('helpers refuse a leafUserId that is not what the spec says (a uuid), sending nothing', () => {
  const { withToken } = clients();
  for (const { label } of everyHelperCall(withToken)) {
    it(`${label}: ${BAD_IDS.map((id) => JSON.stringify(id)).join(', ')}`, async () => {
      for (const bad of BAD_IDS) {
        const { fetch, withToken: tokenClient, withAuth } = clients();
        for (const client of [tokenClient, withAuth]) {
          const call = everyHelperCall(client, undefined, bad).find((candidate) => candidate.label === label)!;
          const error = await call.call().catch((caught: unknown) => caught);
          expect(error, JSON.stringify(bad)).toBeInstanceOf(LeafRequestError);
          expect((error as Error).message).toMatch(/path parameter leafUserId must be a UUID, not /);
        }
        expect(fetch.requests, JSON.stringify(bad)).toEqual([]);
      }
    });
  }

  it('quotes the bad value in the message, so a trailing newline is visible', async () => {
    const { withToken } = clients();
    await expect(withToken.trimble.delete(`${LEAF_USER_ID}\n`)).rejects.toThrow(
      `DELETE /users/{leafUserId}/trimble-credentials failed: could not make the request: path parameter leafUserId must be a UUID, not "${LEAF_USER_ID}\\n"`,
    );
  });

  it('accepts a uuid in either case', async () => {
    const { fetch, withToken } = clients();
    await withToken.trimble.get(LEAF_USER_ID.toUpperCase());
    expect(new URL(fetch.requests[0]!.url).pathname).toBe(
      `/api/users/${LEAF_USER_ID.toUpperCase()}/trimble-credentials`,
    );
  });
});

describe('raw applies the same rule, sending nothing', () => {
  for (const bad of BAD_IDS) {
    it(`refuses leafUserId ${JSON.stringify(bad)} with the helpers' LeafRequestError`, async () => {
      const { fetch, withToken, withAuth } = clients();
      for (const client of [withToken, withAuth]) {
        const error = await client.raw
          .DELETE('/users/{leafUserId}/trimble-credentials', { params: { path: { leafUserId: bad } } })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(LeafRequestError);
        expect((error as Error).message).toBe(
          `DELETE /users/{leafUserId}/trimble-credentials failed: could not make the request: path parameter leafUserId must be a UUID, not ${JSON.stringify(bad)}`,
        );
      }
      expect(fetch.requests).toEqual([]);
    });
  }

  it('refuses a missing path parameter the same way', async () => {
    const { fetch, withToken } = clients();
    const error = await withToken.raw
      .GET('/users/{leafUserId}/trimble-credentials', { params: { path: {} } } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LeafRequestError);
    expect(fetch.requests).toEqual([]);
  });

  it("sends an operation with its own server (authenticate) to the base URL's origin + that server's path", async () => {
    const fetch = stubFetch(jsonResponse({ id_token: 'a.token' }));
    const client = createLeafCredentialsClient({
      baseUrl: 'https://leaf.test/services/usermanagement/api',
      token: 't0k3n',
      fetch,
    });
    await client.raw.POST('/authenticate', { body: { username: 'u', password: 'p4ssword' } });
    // A call that names the server itself is left as it is.
    await client.raw.POST('/authenticate', {
      body: { username: 'u', password: 'p4ssword' },
      baseUrl: 'http://127.0.0.1:4010/api',
    });
    expect(fetch.requests.map((request) => request.url)).toEqual([
      'https://leaf.test/api/authenticate',
      'http://127.0.0.1:4010/api/authenticate',
    ]);
  });
});
