/**
 * The one rule every part's helpers are built by (src/helpers.ts): its path
 * parameters first, then the body, then options; a paged list answers a page
 * and has its every-item iterator beside it; only a provider's `get` has
 * `waitUntilHealthy`. Then `leaf.users` (a resource of its own) helper by
 * helper. Requests are answered by a stub.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type ClimateFieldViewCredentials,
  type CredentialEvent,
  type CredentialStatusReport,
  createLeafCredentialsClient,
  type FetchLike,
  LeafApiError,
  LeafRequestError,
  type LeafUser,
  type Page,
  type TrimbleCredentials,
  type TrimbleCredentialsCreate,
} from '../src/index.js';
import { jsonResponse, LEAF_USER_ID, problemResponse, stubFetch, TEST_BASE_URL } from './support/stub-fetch.js';

const leafWith = (fetch: FetchLike) =>
  createLeafCredentialsClient({ baseUrl: TEST_BASE_URL, token: 'helpers.test.token', fetch, retry: false });

const user = (id: string, name: string) => ({
  id,
  name,
  email: `${name.toLowerCase()}@example.com`,
  phone: '+1 515 555 0100',
  address: '1 Section Line Road',
});
const IDS = ['0f6d1b2a-3c4e-4f5a-8b6c-7d8e9f0a1b2c', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'];

const sent = (request: Request) => `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`;

const WEBHOOK_ID = '0b9f6a52-3c1e-4d8a-9e47-6f2d1c5b8a30';

describe('every part by one rule', () => {
  type Call = (leaf: ReturnType<typeof leafWith>) => Promise<unknown> | AsyncIterableIterator<unknown>;
  const headers = { 'X-Trace': 'one-rule' };
  it.each<[string, Call, string, unknown]>([
    [
      'a provider get (leafUserId)',
      (leaf) => leaf.trimble.get(LEAF_USER_ID, { headers }),
      `GET /api/users/${LEAF_USER_ID}/trimble-credentials`,
      undefined,
    ],
    [
      'a provider create (leafUserId, body)',
      (leaf) =>
        leaf.trimble.create(LEAF_USER_ID, { clientId: 'c', clientSecret: 's', refreshToken: 'r' } as never, {
          headers,
        }),
      `POST /api/users/${LEAF_USER_ID}/trimble-credentials`,
      { clientId: 'c', clientSecret: 's', refreshToken: 'r' },
    ],
    [
      'a provider page (leafUserId, query)',
      (leaf) => leaf.trimble.events(LEAF_USER_ID, { page: 2, headers }),
      `GET /api/users/${LEAF_USER_ID}/trimble-credentials/events?page=2`,
      undefined,
    ],
    [
      'a resource get (webhookId)',
      (leaf) => leaf.webhooks.get(WEBHOOK_ID, { headers }),
      `GET /services/alerts/api/alerts/webhooks/${WEBHOOK_ID}`,
      undefined,
    ],
    [
      'a resource create (body)',
      (leaf) => leaf.users.create({ name: 'Maya' } as never, { headers }),
      'POST /api/users',
      { name: 'Maya' },
    ],
    ['a resource page (query)', (leaf) => leaf.users.list({ size: 5, headers }), 'GET /api/users?size=5', undefined],
  ])('%s', async (_name, call, request, body) => {
    const fetch = stubFetch(jsonResponse([]));
    await Promise.resolve(call(leafWith(fetch))).catch(() => undefined);
    expect(fetch.requests.map(sent)).toEqual([request]);
    expect(fetch.requests[0]!.headers.get('x-trace')).toBe('one-rule');
    const text = await fetch.requests[0]!.text();
    expect(text === '' ? undefined : JSON.parse(text)).toEqual(body);
  });

  it('gives a paged list its every-item iterator (allEvents, all) and no other helper one', () => {
    const leaf = leafWith(stubFetch());
    expect(Object.keys(leaf.trimble).sort()).toEqual([
      'allEvents',
      'create',
      'delete',
      'events',
      'get',
      'waitUntilHealthy',
    ]);
    expect(Object.keys(leaf.users).sort()).toEqual(['all', 'create', 'delete', 'get', 'list']);
    expect(Object.keys(leaf.webhooks).sort()).toEqual(['create', 'delete', 'failedCalls', 'get', 'list']);
  });

  it('types each helper result as the schema type', () => {
    const client = leafWith(stubFetch());
    expectTypeOf(client.trimble.get).returns.resolves.toEqualTypeOf<TrimbleCredentials>();
    expectTypeOf(client.trimble.create).parameter(1).toEqualTypeOf<TrimbleCredentialsCreate>();
    expectTypeOf(client.trimble.delete).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(client.climateFieldView.get).returns.resolves.toEqualTypeOf<ClimateFieldViewCredentials>();
    expectTypeOf(client.climateFieldView.status).returns.resolves.toEqualTypeOf<CredentialStatusReport>();
    expectTypeOf(client.climateFieldView.events).returns.resolves.toEqualTypeOf<Page<CredentialEvent>>();
  });
});

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
