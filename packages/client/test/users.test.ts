/**
 * `leaf.users`, generated from the spec's Leaf users (a resource of its own):
 * create, get, list (one page), all (every page) and delete, with the
 * helpers' errors, id checks and redaction. Requests are answered by a stub.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createLeafCredentialsClient,
  type FetchLike,
  LeafApiError,
  LeafRequestError,
  type LeafUser,
} from '../src/index.js';
import { jsonResponse, LEAF_USER_ID, problemResponse, stubFetch, TEST_BASE_URL } from './support/stub-fetch.js';

const leafWith = (fetch: FetchLike) =>
  createLeafCredentialsClient({ baseUrl: TEST_BASE_URL, token: 'users.test.token', fetch, retry: false });

const user = (id: string, name: string) => ({
  id,
  name,
  email: `${name.toLowerCase()}@example.com`,
  phone: '+1 515 555 0100',
  address: '1 Section Line Road',
});
const IDS = ['0f6d1b2a-3c4e-4f5a-8b6c-7d8e9f0a1b2c', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'];

const sent = (request: Request) => `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`;

describe('leaf.users', () => {
  it('create posts the body to /users and resolves to the stored user', async () => {
    const fetch = stubFetch(jsonResponse(user(LEAF_USER_ID, 'Maya'), 201));
    const created = await leafWith(fetch).users.create({
      name: 'Maya',
      email: 'maya@example.com',
      phone: '+1 515 555 0100',
      address: '1 Section Line Road',
    });
    expectTypeOf(created).toEqualTypeOf<LeafUser>();
    expect(created.id).toBe(LEAF_USER_ID);
    expect(fetch.requests.map(sent)).toEqual(['POST /api/users']);
    expect(await fetch.requests[0]!.json()).toMatchObject({ name: 'Maya' });
  });

  it.each([
    ['get', 'GET'],
    ['delete', 'DELETE'],
  ] as const)('%s addresses /users/{leafUserId}', async (helper, method) => {
    const fetch = stubFetch(
      helper === 'get' ? jsonResponse(user(LEAF_USER_ID, 'Maya')) : new Response(null, { status: 204 }),
    );
    await leafWith(fetch).users[helper](LEAF_USER_ID);
    expect(fetch.requests.map(sent)).toEqual([`${method} /api/users/${LEAF_USER_ID}`]);
  });

  it.each(['get', 'delete'] as const)('%s refuses an id that is not a UUID before sending anything', async (helper) => {
    const fetch = stubFetch();
    await expect(leafWith(fetch).users[helper]('../admin')).rejects.toBeInstanceOf(LeafRequestError);
    expect(fetch.requests).toEqual([]);
  });

  it('list sends the page, size and filters, and reads the page headers', async () => {
    const fetch = stubFetch(
      jsonResponse([user(IDS[0]!, 'Ben')], 200, {
        'x-total-count': '3',
        link: '</api/users?page=1&size=1>; rel="next"',
      }),
    );
    const page = await leafWith(fetch).users.list({ page: 0, size: 1, externalId: 'crm-1' });
    expect(fetch.requests.map(sent)).toEqual(['GET /api/users?page=0&size=1&externalId=crm-1']);
    expect(page).toMatchObject({ items: [{ name: 'Ben' }], totalCount: 3, next: { page: 1, size: 1 } });
  });

  it('all walks every page until the last', async () => {
    const fetch = stubFetch(
      jsonResponse([user(IDS[0]!, 'Ben')], 200, { link: '</api/users?page=1&size=1>; rel="next"' }),
      jsonResponse([user(IDS[1]!, 'Chloe')], 200, { link: '</api/users?page=0&size=1>; rel="first"' }),
    );
    const names: string[] = [];
    for await (const listed of leafWith(fetch).users.all({ size: 1 })) names.push(listed.name);
    expect(names).toEqual(['Ben', 'Chloe']);
    expect(fetch.requests.map(sent)).toEqual(['GET /api/users?page=0&size=1', 'GET /api/users?page=1&size=1']);
  });

  it('throws a LeafApiError on a 404', async () => {
    const fetch = stubFetch(
      problemResponse(404, { title: 'Not Found', status: 404, detail: `No Leaf user ${LEAF_USER_ID}` }),
    );
    const error = await leafWith(fetch)
      .users.get(LEAF_USER_ID)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LeafApiError);
    expect((error as LeafApiError).status).toBe(404);
  });
});
