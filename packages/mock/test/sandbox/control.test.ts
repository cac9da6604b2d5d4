import { describe, expect, it } from 'vitest';
import { CONTROL_PREFIX, createSandbox } from '../../src/sandbox/index.js';
import { clientOf, createBody, emptySandbox, operations, providers, USER } from './support.js';

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
    await alice.control('POST', '/reset', undefined, false);
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
    'seeds with a token into its state, without one into the shared seed (token: $withToken)',
    async ({ withToken, seenBy }) => {
      const sandbox = await emptySandbox();
      const [alice, bob] = [clientOf(sandbox, 'alice'), clientOf(sandbox, 'bob')];
      const seeded = await alice.control(
        'POST',
        '/seed',
        { credentials: [{ leafUserId: USER, provider: provider.name, credentials: createBody(provider) }] },
        withToken,
      );
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
    expect(
      ((await alice.control('GET', '/requests', undefined, false)).body as { requests: unknown[] }).requests,
    ).toHaveLength(2);
    expect(JSON.stringify((await alice.control('GET', '/requests', undefined, false)).body)).not.toContain('Bearer');
    await alice.control('DELETE', '/requests');
    expect(
      ((await alice.control('GET', '/requests', undefined, false)).body as { requests: unknown[] }).requests,
    ).toHaveLength(1);
  });
});
