import { describe, expect, it } from 'vitest';
import { EVENT_RETENTION_MS } from '../../src/sandbox/events.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { STATUS_MAGIC_VALUES } from '../../src/sandbox/magic-values.js';
import {
  clientOf,
  createBody,
  documented,
  emptySandbox,
  OTHER_USER,
  operationOf,
  operations,
  providers,
  stringField,
  USER,
} from './support.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const START = new Date('2030-06-01T12:00:00.000Z');

/** A sandbox whose clock a test moves by hand. */
async function clocked() {
  let now = START;
  const sandbox = await emptySandbox({ now: () => now });
  return {
    sandbox,
    client: clientOf(sandbox, 'suite-token'),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

describe.each(providers.map((provider) => [provider.name, provider] as const))(
  '%s credentials in the sandbox',
  (_name, provider) => {
    it('answers a create with 201 and the posted fields plus what Leaf adds, valid against the 201 schema', async () => {
      const { client } = await clocked();
      const body = createBody(provider);
      const created = await client.create(provider, body);
      expect(created.statusCode).toBe(201);
      expect(documented(provider, 'create', created)).toEqual({ ok: true, errors: [] });
      const resource = created.body as Record<string, unknown>;
      const resourceProperties = Object.keys((provider.resourceSchema.properties ?? {}) as object);
      for (const [field, value] of Object.entries(body))
        if (resourceProperties.includes(field) && field in resource) expect(resource[field]).toEqual(value);
      if (resourceProperties.includes('id')) expect(resource.id).toMatch(UUID);
      if (resourceProperties.includes('createdTime'))
        expect(Date.parse(String(resource.createdTime))).toBe(START.getTime());
      expect(resource.status).toBe('OK');
    });

    it('gives every create a fresh id, and a second create replaces the first', async () => {
      const { client } = await clocked();
      const first = (await client.create(provider)).body as Record<string, unknown>;
      const second = (
        await client.create(provider, createBody(provider, { [stringField(provider)]: 'replacement-value' }))
      ).body as Record<string, unknown>;
      const read = await client.get(provider);
      expect(read.statusCode).toBe(200);
      expect(read.body).toEqual(second);
      if ('id' in first) expect(second.id).not.toBe(first.id);
      expect(documented(provider, 'get', read)).toEqual({ ok: true, errors: [] });
    });

    it.each(['get', 'delete', 'events', 'status'] as const)(
      'answers %s without stored credentials with a 404 naming the user and the provider',
      async (helper) => {
        if (!operationOf(provider, helper)) return;
        const { client } = await clocked();
        const answer = await client.call(provider, helper, { user: OTHER_USER });
        expect(answer.statusCode).toBe(404);
        expect(answer.headers['content-type']).toBe('application/problem+json');
        expect((answer.body as { detail: string }).detail).toContain(OTHER_USER);
        expect((answer.body as { detail: string }).detail).toContain(provider.name);
        expect(documented(provider, helper, answer)).toEqual({ ok: true, errors: [] });
      },
    );

    it('deletes with 204, after which get, delete and events answer 404', async () => {
      const { client } = await clocked();
      await client.create(provider);
      expect((await client.delete(provider)).statusCode).toBe(204);
      expect((await client.get(provider)).statusCode).toBe(404);
      expect((await client.delete(provider)).statusCode).toBe(404);
      expect((await client.events(provider)).statusCode).toBe(404);
    });

    it.each(Object.entries(STATUS_MAGIC_VALUES))(
      'creates a credential whose create body holds the magic value %s with status %s, and shows it in get, status and events',
      async (magic, status) => {
        const { client } = await clocked();
        const created = await client.create(provider, createBody(provider, { [stringField(provider)]: magic }));
        expect((created.body as { status: string }).status).toBe(status);
        expect(((await client.get(provider)).body as { status: string }).status).toBe(status);
        if (operationOf(provider, 'status')) expect((await client.call(provider, 'status')).body).toEqual({ status });
        const [event] = (await client.events(provider)).body as Array<{ statusCode: number }>;
        expect(event!.statusCode).toBeGreaterThanOrEqual(400);
      },
    );

    it('logs the token fetch at creation and each status change, newest first, valid against the events schema', async () => {
      const { client, advance } = await clocked();
      await client.create(provider);
      advance(1_000);
      await client.control('PUT', `/users/${USER}/${provider.segment}/status`, { status: 'UNAUTHENTICATED' });
      advance(1_000);
      await client.control('PUT', `/users/${USER}/${provider.segment}/status`, { status: 'OK' });
      const events = await client.events(provider);
      expect(events.statusCode).toBe(200);
      expect(documented(provider, 'events', events)).toEqual({ ok: true, errors: [] });
      const log = events.body as Array<{ statusCode: number; createdDate: string }>;
      expect(log.map((event) => event.statusCode)).toEqual([200, 401, 200]);
      expect(log.map((event) => Date.parse(event.createdDate))).toEqual([
        START.getTime() + 2_000,
        START.getTime() + 1_000,
        START.getTime(),
      ]);
      expect(events.headers['x-total-count']).toBe('3');
    });

    it('drops events older than 30 days on the sandbox clock', async () => {
      const { client, advance } = await clocked();
      await client.create(provider);
      advance(EVENT_RETENTION_MS - 1_000);
      await client.control('PUT', `/users/${USER}/${provider.segment}/status`, { status: 'TEMPORARILY_UNAVAILABLE' });
      expect(((await client.events(provider)).body as unknown[]).length).toBe(2);
      advance(2_000);
      const events = await client.events(provider);
      expect((events.body as Array<{ statusCode: number }>).map((event) => event.statusCode)).toEqual([503]);
      expect(events.headers['x-total-count']).toBe('1');
    });
  },
);

describe('events paging', () => {
  const provider = providers.find((candidate) => operationOf(candidate, 'events'))!;
  async function withEvents(count: number) {
    const { client, advance } = await clocked();
    await client.create(provider);
    const statuses = ['UNAUTHENTICATED', 'OK'] as const;
    for (let index = 1; index < count; index += 1) {
      advance(1_000);
      await client.control('PUT', `/users/${USER}/${provider.segment}/status`, { status: statuses[(index + 1) % 2] });
    }
    return client;
  }

  it.each<{ query: Record<string, string>; items: number; total: number; rels: string[] }>([
    { query: {}, items: 20, total: 45, rels: ['next', 'last', 'first'] },
    { query: { page: '1', size: '20' }, items: 20, total: 45, rels: ['next', 'prev', 'last', 'first'] },
    { query: { page: '2', size: '20' }, items: 5, total: 45, rels: ['prev', 'last', 'first'] },
    { query: { page: '3', size: '20' }, items: 0, total: 45, rels: ['prev', 'last', 'first'] },
    { query: { size: '100' }, items: 45, total: 45, rels: ['last', 'first'] },
  ])('pages $query into $items of $total items with links $rels', async ({ query, items, total, rels }) => {
    const client = await withEvents(45);
    const answer = await client.events(provider, query);
    expect((answer.body as unknown[]).length).toBe(items);
    expect(answer.headers['x-total-count']).toBe(String(total));
    expect([...answer.headers.link!.matchAll(/rel="(\w+)"/g)].map((match) => match[1])).toEqual(rels);
  });

  it('links point at the events path with page and size', async () => {
    const client = await withEvents(3);
    const answer = await client.events(provider, { page: '0', size: '2' });
    const next = /<([^>]+)>; rel="next"/.exec(answer.headers.link!)![1]!;
    expect(next).toBe(`${operationOf(provider, 'events')!.path.replace('{leafUserId}', USER)}?page=1&size=2`);
    const second = await client.events(provider, { page: '1', size: '2' });
    expect((second.body as unknown[]).length).toBe(1);
  });

  it.each([
    { sort: 'createdDate,asc', first: 'oldest' },
    { sort: 'createdDate,desc', first: 'newest' },
    { sort: 'createdDate', first: 'newest' },
    { sort: 'createdDate,id,asc', first: 'oldest' },
  ])('sorts by $sort with the $first event first', async ({ sort, first }) => {
    const client = await withEvents(3);
    const dates = ((await client.events(provider, { sort })).body as Array<{ createdDate: string }>).map(
      (event) => event.createdDate,
    );
    const sorted = [...dates].sort();
    expect(dates).toEqual(first === 'oldest' ? sorted : sorted.reverse());
  });

  it.each<{ query: Record<string, string>; field: string }>([
    { query: { size: '101' }, field: 'size' },
    { query: { size: '0' }, field: 'size' },
    { query: { page: '-1' }, field: 'page' },
    { query: { page: 'x' }, field: 'page' },
    { query: { sort: 'secret,asc' }, field: 'sort' },
    { query: { sort: 'asc' }, field: 'sort' },
  ])('refuses $query with a 400 naming $field', async ({ query, field }) => {
    const client = await withEvents(1);
    const answer = await client.events(provider, query);
    expect(answer.statusCode).toBe(400);
    expect((answer.body as { fieldErrors: Array<{ objectName: string; field: string }> }).fieldErrors[0]).toMatchObject(
      { objectName: 'query', field },
    );
  });
});

describe('state per bearer token', () => {
  const provider = providers[0]!;

  it.each([
    { action: 'read', act: (client: ReturnType<typeof clientOf>) => client.get(provider) },
    { action: 'delete', act: (client: ReturnType<typeof clientOf>) => client.delete(provider) },
    { action: 'read the events of', act: (client: ReturnType<typeof clientOf>) => client.events(provider) },
  ])('one token cannot $action credentials another token created', async ({ act }) => {
    const sandbox = await emptySandbox();
    const alice = clientOf(sandbox, 'alice-token');
    const bob = clientOf(sandbox, 'bob-token');
    const created = await alice.create(provider);
    expect((await act(bob)).statusCode).toBe(404);
    expect((await alice.get(provider)).body).toEqual(created.body);
  });

  it('serves the seed to every token, and a token deleting a seeded credential deletes only its own view', async () => {
    const sandbox = await createSandbox({ operations });
    const [alice, bob] = [clientOf(sandbox, 'alice-token'), clientOf(sandbox, 'bob-token')];
    const seededUser = operationOf(provider, 'get')!.request!.path![0]!.examples![0] as { value: string };
    expect((await alice.get(provider, seededUser.value)).statusCode).toBe(200);
    expect((await alice.delete(provider, seededUser.value)).statusCode).toBe(204);
    expect((await alice.get(provider, seededUser.value)).statusCode).toBe(404);
    expect((await bob.get(provider, seededUser.value)).statusCode).toBe(200);
  });
});

describe('user ids', () => {
  const provider = providers[0]!;

  it.each([
    { created: USER.toUpperCase(), read: USER },
    { created: USER, read: USER.toUpperCase() },
    { created: `urn:uuid:${USER}`, read: USER },
  ])('stores one credential for $created and $read: one user', async ({ created, read }) => {
    const client = clientOf(await emptySandbox(), 'case');
    await client.create(provider, undefined, created);
    expect((await client.get(provider, read)).statusCode).toBe(200);
    await client.create(provider, undefined, read);
    const listed = (await client.control('GET', '/credentials')).body as { credentials: unknown[] };
    expect(listed.credentials).toHaveLength(1);
  });
});

describe('concurrent changes on one user', () => {
  it.each(providers.map((provider) => [provider.name, provider] as const))(
    '50 concurrent creates and deletes of %s leave a state get and events agree with',
    async (_name, provider) => {
      const sandbox = await emptySandbox();
      const client = clientOf(sandbox, 'busy-token');
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, index) => (index % 3 === 2 ? client.delete(provider) : client.create(provider))),
      );
      expect(answers.every((answer) => [201, 204, 404].includes(answer.statusCode))).toBe(true);
      const read = await client.get(provider);
      const events = await client.events(provider);
      expect(events.statusCode).toBe(read.statusCode);
      // The last answered request decides: a create leaves the credential its answer showed.
      const last = answers.at(-1)!;
      if (last.statusCode === 201) expect(read.body).toEqual(last.body);
      else expect(read.statusCode).toBe(404);
    },
  );
});
