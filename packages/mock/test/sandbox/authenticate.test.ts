/** The sandbox's answers to the authenticate operation (api.ts), and the state its tokens key. */
import { readBundledSpec, specModel } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { createSandbox, REFUSED_PASSWORD } from '../../src/sandbox/index.js';
import { loadOperations } from '../../src/spec.js';
import { authenticateOperation, claimsOf, clientOf, createBody, operations, providers } from './support.js';

const authenticate = authenticateOperation!;
const withAuthenticate = operations;

/** The bundled spec with the sign-in operation stating other token lifetimes. */
function withLifetimes(lifetimes: { rememberMe: number; otherwise: number }) {
  const spec = readBundledSpec();
  const { path, method } = specModel().operation(authenticate.iid!);
  const pathItem = spec.paths[path] as Record<string, Record<string, unknown>>;
  pathItem[method.toLowerCase()]!['x-leaf-token-lifetime-seconds'] = lifetimes;
  return spec;
}

async function sandboxAt(clock: { now: Date }) {
  const sandbox = await createSandbox({
    operations: withAuthenticate,
    seed: { credentials: [] },
    now: () => clock.now,
  });
  const signIn = async (body: Record<string, unknown>) =>
    sandbox.answer({ operation: authenticate, pathParams: {}, query: {}, headers: {}, body });
  return { sandbox, signIn };
}

describe('authenticate in the sandbox', () => {
  it.each([
    { rememberMe: 'true', hours: 30 * 24 },
    { rememberMe: true, hours: 30 * 24 },
    { rememberMe: 'false', hours: 24 },
    { rememberMe: false, hours: 24 },
  ])(
    'answers 200 with an id_token that expires in $hours hours for rememberMe $rememberMe',
    async ({ rememberMe, hours }) => {
      const clock = { now: new Date('2030-01-01T00:00:00Z') };
      const { signIn } = await sandboxAt(clock);
      const answer = await signIn({ username: 'grower@example.com', password: 'secret', rememberMe });
      expect(answer.statusCode).toBe(200);
      const claims = claimsOf((answer.body as { id_token: string }).id_token);
      expect(claims.username).toBe('grower@example.com');
      expect(claims.exp * 1000 - clock.now.getTime()).toBe(hours * 3600 * 1000);
    },
  );

  it('takes the lifetimes the operation states in x-leaf-token-lifetime-seconds', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const stated = await loadOperations(withLifetimes({ rememberMe: 600, otherwise: 60 }));
    const sandbox = await createSandbox({ operations: stated, seed: { credentials: [] }, now: () => now });
    for (const [rememberMe, seconds] of [
      ['true', 600],
      [false, 60],
    ] as const) {
      const answer = await sandbox.answer({
        operation: stated.find((operation) => operation.iid === authenticate.iid)!,
        pathParams: {},
        query: {},
        headers: {},
        body: { username: 'a', password: 'b', rememberMe },
      });
      const claims = claimsOf((answer.body as { id_token: string }).id_token);
      expect(claims.exp - claims.iat).toBe(seconds);
    }
  });

  it('refuses the magic password with a 401 problem naming the password, without quoting it', async () => {
    const { signIn } = await sandboxAt({ now: new Date() });
    const answer = await signIn({ username: 'grower@example.com', password: REFUSED_PASSWORD });
    expect(answer.statusCode).toBe(401);
    expect(answer.headers?.['content-type']).toBe('application/problem+json');
    expect((answer.body as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toBe('password');
    expect(JSON.stringify(answer.body)).not.toContain(REFUSED_PASSWORD);
  });

  it.each([
    { body: { password: 'x' }, field: 'username' },
    { body: { username: 'a', password: '' }, field: 'password' },
  ])('answers a body without a usable $field with a 400 naming it', async ({ body, field }) => {
    const { signIn } = await sandboxAt({ now: new Date() });
    const answer = await signIn(body);
    expect(answer.statusCode).toBe(400);
    expect((answer.body as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toBe(field);
  });

  const provider = providers[0]!;

  it("keeps a user's data across authentications, and apart from other users", async () => {
    const clock = { now: new Date('2030-01-01T00:00:00Z') };
    const { sandbox, signIn } = await sandboxAt(clock);
    const token = async (username: string) =>
      ((await signIn({ username, password: 'pw', rememberMe: 'true' })).body as { id_token: string }).id_token;
    const created = await clientOf(sandbox, await token('alice')).create(provider, createBody(provider));
    clock.now = new Date(clock.now.getTime() + 60_000);
    expect((await clientOf(sandbox, await token('alice')).get(provider)).body).toEqual(created.body);
    expect((await clientOf(sandbox, await token('bob')).get(provider)).statusCode).toBe(404);
  });

  it('answers a request with an expired sandbox token with a 401 naming Authorization, on the sandbox clock', async () => {
    const clock = { now: new Date('2030-01-01T00:00:00Z') };
    const { sandbox, signIn } = await sandboxAt(clock);
    const token = (
      (await signIn({ username: 'alice', password: 'pw', rememberMe: 'false' })).body as { id_token: string }
    ).id_token;
    const client = clientOf(sandbox, token);
    expect((await client.get(provider)).statusCode).toBe(404);
    await client.control('PUT', '/clock', { now: '2030-01-02T00:00:01Z' });
    const expired = await client.get(provider);
    expect(expired.statusCode).toBe(401);
    expect(expired.headers['www-authenticate']).toContain('invalid_token');
    expect((expired.body as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toBe('Authorization');
  });

  it("refuses a username's sign-in with another password than its first, until the user's state is reset", async () => {
    const { sandbox, signIn } = await sandboxAt({ now: new Date('2030-01-01T00:00:00Z') });
    expect((await signIn({ username: 'shared-name', password: 'first' })).statusCode).toBe(200);
    const refused = await signIn({ username: 'shared-name', password: 'second' });
    expect(refused.statusCode).toBe(401);
    expect((refused.body as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toBe('password');
    expect(JSON.stringify(refused.body)).not.toContain('second');
    const first = await signIn({ username: 'shared-name', password: 'first' });
    expect(first.statusCode).toBe(200);
    await clientOf(sandbox, (first.body as { id_token: string }).id_token).control('POST', '/reset');
    expect((await signIn({ username: 'shared-name', password: 'second' })).statusCode).toBe(200);
  });
});
