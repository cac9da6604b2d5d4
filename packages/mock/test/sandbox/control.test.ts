import { describe, expect, it } from 'vitest';
import { CONTROL_PREFIX, createSandbox } from '../../src/sandbox/index.js';
import {
  authenticateOperation,
  clientOf,
  createBody,
  emptySandbox,
  OTHER_USER,
  operations,
  providers,
  USER,
} from './support.js';

const provider = providers[0]!;

describe('control requests', () => {
  it('reserves a prefix no path of the API starts with', () => {
    expect(CONTROL_PREFIX).toBe('/__sandbox');
    for (const operation of operations) expect(operation.path.startsWith(CONTROL_PREFIX)).toBe(false);
  });

  it.each([
    { method: 'PUT', path: '/clock', body: { now: 'tomorrow' }, field: 'now' },
    { method: 'PUT', path: '/clock', body: { now: '2030-01-01T00:00:00Z', speed: 2 }, field: 'speed' },
    { method: 'PUT', path: '/clock', body: undefined, field: 'body' },
    { method: 'PUT', path: '/clock', body: '{"now":', field: 'body' },
    { method: 'PUT', path: `/users/${USER}/${provider.segment}/status`, body: { status: 'BROKEN' }, field: 'status' },
    { method: 'PUT', path: `/users/${USER}/${provider.segment}/status`, body: {}, field: 'status' },
    {
      method: 'PUT',
      path: `/users/not-a-uuid/${provider.segment}/status`,
      body: { status: 'OK' },
      field: 'leafUserId',
    },
    { method: 'POST', path: '/seed', body: { credentials: 'none' }, field: 'credentials' },
    {
      method: 'POST',
      path: '/seed',
      body: { credentials: [{ leafUserId: USER, provider: 'nobody', credentials: {} }] },
      field: 'credentials[0].provider',
    },
    {
      method: 'POST',
      path: '/seed',
      body: {
        credentials: [
          { leafUserId: USER, provider: provider.name, credentials: createBody(provider, { clientId: 7 }) },
        ],
      },
      field: 'credentials[0].credentials.clientId',
    },
  ])('answers $method $path with $body by a 400 problem naming $field', async ({ method, path, body, field }) => {
    const client = clientOf(await emptySandbox(), 'control-token');
    const answer = await client.control(method, path, body);
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect((answer.body as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toBe(field);
  });

  it('answers a control body that is not JSON without quoting any of it', async () => {
    const client = clientOf(await emptySandbox(), 'control-token');
    const answer = await client.control('POST', '/seed', '{"credentials":TOPSECRET-value');
    expect(answer.statusCode).toBe(400);
    expect(JSON.stringify(answer.body)).not.toContain('TOPSECRET');
  });

  it.each([
    { method: 'GET', path: '/nothing-here', status: 404 },
    { method: 'DELETE', path: '/reset', status: 405 },
    { method: 'PUT', path: `/users/${USER}/no-such-provider/status`, status: 404 },
    { method: 'PUT', path: `/users/${USER}/${provider.segment}/status`, status: 404 },
  ])('answers $method $path with a $status problem', async ({ method, path, status }) => {
    const client = clientOf(await emptySandbox(), 'control-token');
    const answer = await client.control(method, path, { status: 'OK' });
    expect(answer.statusCode).toBe(status);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    if (status === 405) expect(answer.headers.allow).toBe('POST');
  });

  it.each([
    provider.name,
    provider.segment,
    provider.name.toUpperCase(),
    provider.segment.replace(/-credentials$/, ''),
  ])('names the provider as %s in a status change', async (name) => {
    const client = clientOf(await emptySandbox(), 'control-token');
    await client.create(provider);
    const answer = await client.control('PUT', `/users/${USER}/${encodeURIComponent(name)}/status`, {
      status: 'MISSING_PERMISSION',
    });
    expect(answer).toMatchObject({ statusCode: 200, body: { status: 'MISSING_PERMISSION' } });
  });

  it('resets a token back to the seed, leaving other tokens as they are', async () => {
    const sandbox = await emptySandbox();
    const [alice, bob] = [clientOf(sandbox, 'alice'), clientOf(sandbox, 'bob')];
    await alice.create(provider);
    await bob.create(provider);
    expect((await alice.control('POST', '/reset')).statusCode).toBe(204);
    expect((await alice.get(provider)).statusCode).toBe(404);
    expect((await bob.get(provider)).statusCode).toBe(200);
    await alice.admin('POST', '/reset');
    expect((await bob.get(provider)).statusCode).toBe(404);
  });

  it('lists what a token sees as a seed document another sandbox can load', async () => {
    const sandbox = await emptySandbox();
    const alice = clientOf(sandbox, 'alice');
    const created = await alice.create(provider);
    const listed = await alice.control('GET', '/credentials');
    expect(listed.statusCode).toBe(200);
    const document = listed.body as { credentials: Array<{ leafUserId: string; credentials: unknown }> };
    expect(document.credentials).toHaveLength(1);
    expect(document.credentials[0]).toMatchObject({ leafUserId: USER, provider: provider.name });
    const copy = clientOf(await createSandbox({ operations, seed: document }), 'anyone');
    expect((await copy.get(provider)).body).toEqual(created.body);
  });

  it.each([
    { withToken: true, seenBy: { alice: 200, bob: 404 } },
    { withToken: false, seenBy: { alice: 200, bob: 200 } },
  ])(
    'seeds with a token into its state, with the admin token into the shared seed (own token: $withToken)',
    async ({ withToken, seenBy }) => {
      const sandbox = await emptySandbox();
      const [alice, bob] = [clientOf(sandbox, 'alice'), clientOf(sandbox, 'bob')];
      const document = {
        credentials: [{ leafUserId: USER, provider: provider.name, credentials: createBody(provider) }],
      };
      const seeded = withToken
        ? await alice.control('POST', '/seed', document)
        : await alice.admin('POST', '/seed', document);
      expect(seeded).toMatchObject({ statusCode: 200, body: { seeded: 1 } });
      expect((await alice.get(provider)).statusCode).toBe(seenBy.alice);
      expect((await bob.get(provider)).statusCode).toBe(seenBy.bob);
    },
  );

  it('sets, reads and resets the sandbox clock', async () => {
    const client = clientOf(await emptySandbox(), 'clock-token');
    expect((await client.control('GET', '/clock')).body).toMatchObject({ moved: false });
    const set = await client.control('PUT', '/clock', { now: '2031-02-03T04:05:06Z' });
    expect(Math.abs(Date.parse((set.body as { now: string }).now) - Date.parse('2031-02-03T04:05:06Z'))).toBeLessThan(
      1_000,
    );
    expect((set.body as { moved: boolean }).moved).toBe(true);
    const created = (await client.create(provider)).body as { createdTime?: string };
    if (created.createdTime) expect(created.createdTime.startsWith('2031-02-03')).toBe(true);
    const reset = await client.control('DELETE', '/clock');
    expect(Math.abs(Date.parse((reset.body as { now: string }).now) - Date.now())).toBeLessThan(1_000);
  });

  it('logs requests per token, without their Authorization, and clears them', async () => {
    const sandbox = await emptySandbox();
    const alice = clientOf(sandbox, 'alice');
    sandbox.record({
      method: 'get',
      url: '/users/x/trimble-credentials',
      headers: { Authorization: 'Bearer alice', accept: 'application/json' },
      status: 404,
    });
    sandbox.record({ method: 'GET', url: '/other', headers: { authorization: 'Bearer bob' }, status: 200 });
    const mine = (await alice.control('GET', '/requests')).body as { requests: Array<Record<string, unknown>> };
    expect(mine.requests).toEqual([
      {
        method: 'GET',
        url: '/users/x/trimble-credentials',
        status: 404,
        at: expect.any(String),
        headers: { accept: 'application/json' },
      },
    ]);
    expect(((await alice.admin('GET', '/requests')).body as { requests: unknown[] }).requests).toHaveLength(2);
    expect(JSON.stringify((await alice.admin('GET', '/requests')).body)).not.toContain('Bearer');
    await alice.control('DELETE', '/requests');
    expect(((await alice.admin('GET', '/requests')).body as { requests: unknown[] }).requests).toHaveLength(1);
  });
});

const seedOf = (leafUserId: string) => ({
  credentials: [{ leafUserId, provider: provider.name, credentials: createBody(provider) }],
});

describe('who a control request acts for', () => {
  it.each([
    { authorization: null, why: 'no Authorization' },
    { authorization: 'Basic YWxpY2U6cHc=', why: 'another scheme' },
    { authorization: 'Bearer ', why: 'an empty token (an unset variable)' },
    { authorization: 'Bearer', why: 'no token' },
    { authorization: 'Bearer a b', why: 'two tokens' },
  ])(
    'answers every control request with $why with a 401 naming Authorization, and does nothing',
    async ({ authorization }) => {
      const sandbox = await emptySandbox();
      const bob = clientOf(sandbox, 'bob');
      await bob.create(provider);
      for (const [method, path, body] of [
        ['POST', '/reset', undefined],
        ['POST', '/seed', seedOf(OTHER_USER)],
        ['GET', '/requests', undefined],
        ['DELETE', '/requests', undefined],
        ['GET', '/credentials', undefined],
        ['PUT', '/clock', { now: '2031-01-01T00:00:00Z' }],
        ['DELETE', '/clock', undefined],
      ] as const) {
        const answer = await bob.control(method, path, body, authorization);
        expect(answer.statusCode, `${method} ${path}`).toBe(401);
        expect(answer.headers['content-type']).toBe('application/problem+json');
        expect(answer.headers['www-authenticate']).toBe('Bearer');
        expect((answer.body as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toBe('Authorization');
      }
      expect((await bob.get(provider)).statusCode).toBe(200);
      expect((await bob.get(provider, OTHER_USER)).statusCode).toBe(404);
      expect((await bob.control('GET', '/clock')).body).toMatchObject({ moved: false });
    },
  );

  it('lets a token reset, seed, list, clear and move only its own state and clock', async () => {
    const sandbox = await emptySandbox();
    const [alice, bob] = [clientOf(sandbox, 'alice'), clientOf(sandbox, 'bob')];
    await bob.create(provider);
    sandbox.record({ method: 'GET', url: '/bob', headers: { authorization: 'Bearer bob' }, status: 200 });
    await alice.control('POST', '/reset');
    await alice.control('POST', '/seed', seedOf(OTHER_USER));
    await alice.control('DELETE', '/requests');
    await alice.control('PUT', '/clock', { now: '2031-01-01T00:00:00Z' });
    expect((await bob.get(provider)).statusCode).toBe(200);
    expect((await bob.get(provider, OTHER_USER)).statusCode).toBe(404);
    expect(((await bob.control('GET', '/requests')).body as { requests: unknown[] }).requests).toHaveLength(1);
    expect((await bob.control('GET', '/clock')).body).toMatchObject({ moved: false });
    expect((await alice.control('GET', '/clock')).body).toMatchObject({ moved: true });
    const created = (await bob.create(provider, undefined, OTHER_USER)).body as { createdTime?: string };
    if (created.createdTime) expect(created.createdTime.startsWith('2031')).toBe(false);
  });

  it('lets the admin token act on the whole sandbox, but not change a credential of its own', async () => {
    const sandbox = await emptySandbox();
    const [alice, bob] = [clientOf(sandbox, 'alice'), clientOf(sandbox, 'bob')];
    await alice.create(provider);
    await bob.create(provider);
    await alice.control('PUT', '/clock', { now: '2040-01-01T00:00:00Z' });
    expect((await bob.admin('PUT', '/clock', { now: '2031-01-01T00:00:00Z' })).statusCode).toBe(200);
    for (const client of [alice, bob])
      expect(((await client.control('GET', '/clock')).body as { now: string }).now.startsWith('2031')).toBe(true);
    expect((await bob.admin('POST', '/reset')).statusCode).toBe(204);
    expect((await alice.get(provider)).statusCode).toBe(404);
    expect((await bob.get(provider)).statusCode).toBe(404);
    const status = await bob.admin('PUT', `/users/${USER}/${provider.segment}/status`, { status: 'OK' });
    expect(status.statusCode).toBe(403);
    expect((status.body as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toBe('Authorization');
  });

  it("never expires another user's sandbox token when one user moves its clock", async () => {
    const sandbox = await emptySandbox();
    const signIn = async (username: string) => {
      const answer = await sandbox.answer({
        operation: authenticateOperation!,
        pathParams: {},
        query: {},
        headers: {},
        body: { username, password: 'pw', rememberMe: 'false' },
      });
      return (answer.body as { id_token: string }).id_token;
    };
    const [alice, bob] = [clientOf(sandbox, await signIn('alice')), clientOf(sandbox, await signIn('bob'))];
    await bob.create(provider);
    await alice.control('PUT', '/clock', { now: '2099-01-01T00:00:00Z' });
    expect((await alice.get(provider)).statusCode).toBe(401);
    expect((await bob.get(provider)).statusCode).toBe(200);
    expect(((await bob.events(provider)).body as unknown[]).length).toBe(1);
  });

  it.each([
    '2016-12-31T23:59:60Z',
    '2030-02-30T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2030-01-01T00:00:00+02:00',
    '1900-01-01T00:00:00Z',
  ])('refuses the clock value %s with a 400 naming now, and keeps working', async (now) => {
    const sandbox = await emptySandbox();
    const client = clientOf(sandbox, 'clock-token');
    const answer = await client.control('PUT', '/clock', { now });
    expect(answer.statusCode).toBe(400);
    expect((answer.body as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toBe('now');
    expect((await client.create(provider)).statusCode).toBe(201);
    expect((await client.control('GET', '/clock')).body).toMatchObject({ moved: false });
  });

  it('pages what GET /credentials lists, so its answer stays bounded', async () => {
    const sandbox = await emptySandbox();
    const client = clientOf(sandbox, 'many');
    const users = Array.from({ length: 5 }, (_, index) => `00000000-0000-4000-8000-00000000000${index}`);
    for (const user of users) await client.create(provider, undefined, user);
    const page = await client.control('GET', '/credentials', undefined, 'Bearer many', { size: '2', page: '1' });
    expect(page.statusCode).toBe(200);
    expect((page.body as { credentials: unknown[] }).credentials).toHaveLength(2);
    expect(page.headers['x-total-count']).toBe('5');
    const tooBig = await client.control('GET', '/credentials', undefined, 'Bearer many', { size: '100000' });
    expect(tooBig.statusCode).toBe(400);
  });
});
