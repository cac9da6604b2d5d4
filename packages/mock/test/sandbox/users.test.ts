/**
 * The Leaf users in the sandbox (spec/README.md R14–R17): stored per token over
 * the seed, answered with their credentials embedded, paged and filtered; the
 * credentials of a user that does not exist are a 404 that says to create the
 * user first, unless the sandbox is lenient about users.
 */
import { randomUUID } from 'node:crypto';
import type { IHttpOperation } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { type Call, clientOf, createBody, operations, providers, table } from './support.js';

const userOperation = (helper: string) =>
  operations.find(
    (operation) => operation.extensions?.['x-leaf-helper'] === helper && operation.tags?.[0]?.name === 'Leaf users',
  ) as IHttpOperation;

const providerNamed = (name: string) => providers.find((provider) => provider.name === name)!;
const trimble = providerNamed('Trimble');
const johnDeere = providerNamed('John Deere');

function newUserBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Maya Okafor',
    email: `maya-${randomUUID()}@example.com`,
    phone: '+1 515 555 0142',
    address: '88 County Road 7, Boone, IA 50036',
    ...overrides,
  };
}

/** A client of the sandbox for one token: the users' operations, and each provider's as clientOf has them. */
function usersOf(sandbox: Sandbox, token = `users-${randomUUID()}`) {
  const answer = async (
    helper: string,
    options: { user?: string; body?: unknown; query?: Record<string, string> } = {},
  ): Promise<Call> => {
    const response = await sandbox.answer({
      operation: userOperation(helper),
      pathParams: options.user === undefined ? {} : { leafUserId: options.user },
      query: options.query ?? {},
      headers: { authorization: `Bearer ${token}` },
      body: options.body,
    });
    return {
      statusCode: response.statusCode,
      headers: (response.headers ?? {}) as Record<string, string>,
      body: response.body,
    };
  };
  const create = async (overrides: Record<string, unknown> = {}) => {
    const created = await answer('create', { body: newUserBody(overrides) });
    expect(created.statusCode).toBe(201);
    return (created.body as { id: string }).id;
  };
  return { answer, create, credentials: clientOf(sandbox, token) };
}

const strict = () => createSandbox({ operations, seed: { credentials: [] } });

describe('credentials of a Leaf user', () => {
  it.each(['get', 'create', 'delete', 'events'] as const)(
    'that was never created: %s answers 404 naming the id and saying to create the user first',
    async (helper) => {
      const { credentials } = usersOf(await strict());
      const leafUserId = randomUUID();
      const answer = await credentials.call(trimble, helper, { user: leafUserId, body: createBody(trimble) });
      expect(answer.statusCode).toBe(404);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect((answer.body as { detail: string }).detail).toMatch(
        new RegExp(`${leafUserId}.*create the user first`, 'i'),
      );
    },
  );

  it('that was never created are kept when the sandbox is lenient about users', async () => {
    const { credentials } = usersOf(await createSandbox({ operations, seed: { credentials: [] }, lenientUsers: true }));
    const leafUserId = randomUUID();
    expect((await credentials.create(trimble, undefined, leafUserId)).statusCode).toBe(201);
    expect((await credentials.get(trimble, leafUserId)).statusCode).toBe(200);
  });

  it('that was created are kept and embedded in the user, as the provider answers them', async () => {
    const { answer, create, credentials } = usersOf(await strict());
    const leafUserId = await create();
    const stored = await credentials.create(johnDeere, undefined, leafUserId);
    expect(stored.statusCode).toBe(201);
    const user = (await answer('get', { user: leafUserId })).body as Record<string, unknown>;
    expect(user.johnDeereCredentials).toEqual(stored.body);
    expect(user).not.toHaveProperty('trimbleCredentials');
  });
});

describe('a Leaf user', () => {
  it('is answered 201 with a fresh id and what was posted, and read back', async () => {
    const { answer } = usersOf(await strict());
    const body = newUserBody({ externalId: 'crm-000318' });
    const created = await answer('create', { body });
    expect(created.statusCode).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...body });
    const read = await answer('get', { user: (created.body as { id: string }).id });
    expect(read).toMatchObject({ statusCode: 200, body: created.body });
  });

  it('is seen by its token only', async () => {
    const sandbox = await strict();
    const leafUserId = await usersOf(sandbox).create();
    const other = usersOf(sandbox);
    expect((await other.answer('get', { user: leafUserId })).statusCode).toBe(404);
    expect((await other.credentials.create(trimble, undefined, leafUserId)).statusCode).toBe(404);
  });

  it('deleted takes its credentials and their events with it', async () => {
    const { answer, create, credentials } = usersOf(await strict());
    const leafUserId = await create();
    await credentials.create(trimble, undefined, leafUserId);
    await credentials.create(johnDeere, undefined, leafUserId);
    expect((await answer('delete', { user: leafUserId })).statusCode).toBe(204);
    expect((await answer('get', { user: leafUserId })).statusCode).toBe(404);
    const listed = (await credentials.control('GET', '/credentials')).body as { credentials: { leafUserId: string }[] };
    expect(listed.credentials.filter((entry) => entry.leafUserId === leafUserId)).toEqual([]);
    expect((await answer('delete', { user: leafUserId })).statusCode).toBe(404);
  });

  it('created with a link takes those credentials over from the user that had them', async () => {
    const { answer, create, credentials } = usersOf(await strict());
    const first = await create();
    const stored = (await credentials.create(trimble, undefined, first)).body as { id: string };
    const second = await answer('create', { body: newUserBody({ trimbleCredentials: { id: stored.id } }) });
    expect(second.statusCode).toBe(201);
    expect((second.body as { trimbleCredentials: { id: string } }).trimbleCredentials.id).toBe(stored.id);
    expect((await credentials.get(trimble, first)).statusCode).toBe(404);
  });

  it('created with a link to credentials that do not exist is a 400 naming the link', async () => {
    const { answer } = usersOf(await strict());
    const refused = await answer('create', { body: newUserBody({ trimbleCredentials: { id: 'no-such-id' } }) });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('trimbleCredentials.id');
  });

  it('replaced with PUT loses the credentials the body does not link', async () => {
    const { answer, create, credentials } = usersOf(await strict());
    const leafUserId = await create();
    const kept = (await credentials.create(trimble, undefined, leafUserId)).body as { id: string };
    await credentials.create(johnDeere, undefined, leafUserId);
    const body = { id: leafUserId, ...newUserBody({ name: 'Maya O.' }), trimbleCredentials: { id: kept.id } };
    const replaced = await answer('update', { body });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'Maya O.', trimbleCredentials: { id: kept.id } });
    expect(replaced.body).not.toHaveProperty('johnDeereCredentials');
    expect((await credentials.get(johnDeere, leafUserId)).statusCode).toBe(404);
  });
});

describe('the list of Leaf users', () => {
  async function listed(count: number) {
    const client = usersOf(await strict());
    const ids = [];
    for (let index = 0; index < count; index += 1)
      ids.push(await client.create({ name: `Grower ${String(index).padStart(2, '0')}`, externalId: `crm-${index}` }));
    return { ...client, ids };
  }

  it('pages in the order the users were created, with X-Total-Count and Link', async () => {
    const { answer, ids } = await listed(5);
    const page = await answer('list', { query: { page: '1', size: '2' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['x-total-count']).toBe('5');
    expect((page.body as { id: string }[]).map((user) => user.id)).toEqual(ids.slice(2, 4));
    expect(page.headers.link).toContain('page=2&size=2>; rel="next"');
  });

  it.each([
    { filter: 'externalId', value: 'crm-2', names: ['Grower 02'] },
    { filter: 'name', value: 'Grower 03', names: ['Grower 03'] },
    { filter: 'email', value: 'nobody@example.com', names: [] },
  ])('filters on an exact $filter', async ({ filter, value, names }) => {
    const { answer } = await listed(4);
    const page = await answer('list', { query: { [filter]: value } });
    expect((page.body as { name: string }[]).map((user) => user.name)).toEqual(names);
    expect(page.headers['x-total-count']).toBe(String(names.length));
  });

  it('sorts by name, descending on request, and refuses a field it cannot sort by', async () => {
    const { answer } = await listed(3);
    const page = await answer('list', { query: { sort: 'name,desc' } });
    const names = (page.body as { name: string }[]).map((user) => user.name);
    expect(names).toEqual([...names].sort().reverse());
    const refused = await answer('list', { query: { sort: 'password' } });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('sort');
  });
});

describe('the seed', () => {
  it("holds the spec's example user, with every provider's example credentials embedded, for any token", async () => {
    const sandbox = await createSandbox({ operations });
    const schema = table.users!.userSchema;
    const example = ((schema.examples as unknown[] | undefined)?.[0] ?? schema.example) as Record<string, unknown>;
    const read = await usersOf(sandbox).answer('get', { user: String(example.id) });
    expect(read.statusCode).toBe(200);
    expect(read.body).toEqual(example);
  });

  it('holds the users of seeded credentials, so a seed written before users keeps answering', async () => {
    const leafUserId = randomUUID();
    const sandbox = await createSandbox({
      operations,
      seed: { credentials: [{ leafUserId, provider: 'trimble', credentials: createBody(trimble) }] },
    });
    const { answer, credentials } = usersOf(sandbox);
    expect((await credentials.get(trimble, leafUserId)).statusCode).toBe(200);
    expect((await answer('get', { user: leafUserId })).body).toMatchObject({ id: leafUserId });
  });
});
