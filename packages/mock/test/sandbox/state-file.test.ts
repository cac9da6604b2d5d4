import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IHttpOperation } from '@stoplight/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, type SandboxOptions, StateFileError } from '../../src/sandbox/index.js';
import { loadStateFile } from '../../src/sandbox/state-file.js';
import { webhookHelperOf } from '../../src/sandbox/webhooks.js';
import {
  authenticateOperation,
  type Call,
  clientOf,
  emptySandbox,
  OTHER_USER,
  operations,
  providers,
  table,
  USER,
} from './support.js';

const provider = providers[0]!;
const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
let files = 0;
const freshFile = () => {
  files += 1;
  return join(dir, `state-${files}.json`);
};

function stateWith(states: Record<string, unknown>): string {
  return JSON.stringify({ format: 'leaf-credentials-sandbox-state', version: 1, states });
}
const slotOf = (leafUserId: string) => `${leafUserId}\n${provider.name}`;
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < depth; level += 1) value = { deeper: value };
  return value;
}

/** One API call of `token` to `operation`, in process. */
async function api(
  sandbox: Sandbox,
  token: string,
  operation: IHttpOperation,
  request: { pathParams?: Record<string, string>; body?: unknown } = {},
): Promise<Call> {
  const answer = await sandbox.answer({
    operation,
    pathParams: request.pathParams ?? {},
    query: {},
    headers: { authorization: `Bearer ${token}` },
    body: request.body,
  });
  return {
    statusCode: answer.statusCode,
    headers: (answer.headers ?? {}) as Record<string, string>,
    body: answer.body,
  };
}

const userOperation = (helper: string) =>
  operations.find(
    (operation) => operation.extensions?.['x-leaf-helper'] === helper && operation.tags?.[0]?.name === 'Leaf users',
  )!;
const webhookOperation = (helper: string) => operations.find((operation) => webhookHelperOf(operation) === helper)!;

const SEEDED_USER = {
  id: '3c1f5b2a-9e4d-4f6a-8b7c-2d1e0f9a8b7c',
  name: 'Seeded Grower',
  email: 'seeded@farms.example',
  phone: '+1 515 555 0101',
  address: '2 Section Line Road, Ames, IA 50010',
};
const NEW_USER = {
  name: 'Maya Okafor',
  email: 'maya@farms.example',
  phone: '+1 515 555 0142',
  address: '88 County Road 7',
};
const TOKEN = 'restart';
const STATUS_PATH = `/users/${USER}/${provider.name}/status`;

/** A loopback receiver: 2xx for a webhook's registration confirmation, 500 for every alert. */
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => {
    body += chunk;
  });
  request.on('end', () => response.writeHead(body.includes('confirmation') ? 200 : 500).end());
});
let receiverUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

const registerWebhook = (sandbox: Sandbox, url: string) =>
  api(sandbox, TOKEN, webhookOperation('create'), {
    body: { events: ['credentialsUnauthenticated'], name: 'restart', secret: 's3cret', url },
  });

/** A credential of TOKEN turned UNAUTHENTICATED (its alert goes to the webhooks listening). */
async function flipStatus(sandbox: Sandbox): Promise<void> {
  const client = clientOf(sandbox, TOKEN);
  expect((await client.create(provider)).statusCode).toBe(201);
  expect((await client.control('PUT', STATUS_PATH, { status: 'UNAUTHENTICATED' })).statusCode).toBe(200);
}

const signIn = (sandbox: Sandbox, password: string) =>
  api(sandbox, TOKEN, authenticateOperation!, { body: { username: 'grower@farms.example', password } });

/**
 * One case per kind of state a token keeps: `change` it in a sandbox, close that one, and
 * `check` what a sandbox started on the same file sees. Each check failed while the state file
 * kept only credentials.
 */
const RESTART_CASES: Array<{
  kind: string;
  change: (sandbox: Sandbox) => Promise<unknown>;
  check: (sandbox: Sandbox, changed: unknown) => Promise<void>;
}> = [
  {
    kind: 'users, and a seeded user the token deleted',
    change: async (sandbox) => {
      const created = await api(sandbox, TOKEN, userOperation('create'), { body: NEW_USER });
      expect(created.statusCode).toBe(201);
      const deleted = await api(sandbox, TOKEN, userOperation('delete'), {
        pathParams: { leafUserId: SEEDED_USER.id },
      });
      expect(deleted.statusCode).toBe(204);
      return created.body;
    },
    check: async (sandbox, created) => {
      const leafUserId = (created as { id: string }).id;
      expect((await api(sandbox, TOKEN, userOperation('get'), { pathParams: { leafUserId } })).body).toEqual(created);
      const seeded = { pathParams: { leafUserId: SEEDED_USER.id } };
      expect((await api(sandbox, TOKEN, userOperation('get'), seeded)).statusCode).toBe(404);
      expect((await api(sandbox, 'someone-else', userOperation('get'), seeded)).statusCode).toBe(200);
    },
  },
  {
    kind: 'webhooks, and a seeded webhook the token deleted',
    change: async (sandbox) => {
      const [seeded] = (await api(sandbox, TOKEN, webhookOperation('list'))).body as Array<{ id: string }>;
      const deleted = await api(sandbox, TOKEN, webhookOperation('delete'), { pathParams: { webhookId: seeded!.id } });
      expect(deleted.statusCode).toBe(204);
      const registered = await registerWebhook(sandbox, 'https://hooks.example.com/leaf');
      expect(registered.statusCode).toBe(201);
      return (await api(sandbox, TOKEN, webhookOperation('list'))).body;
    },
    check: async (sandbox, listed) => {
      expect((await api(sandbox, TOKEN, webhookOperation('list'))).body).toEqual(listed);
    },
  },
  {
    kind: 'deliveries a test reads',
    change: async (sandbox) => {
      expect((await registerWebhook(sandbox, 'https://hooks.example.com/leaf')).statusCode).toBe(201);
      await flipStatus(sandbox);
      const { body } = await clientOf(sandbox, TOKEN).control('GET', '/webhooks/deliveries');
      expect((body as { deliveries: unknown[] }).deliveries).toHaveLength(2);
      return body;
    },
    check: async (sandbox, deliveries) => {
      expect((await clientOf(sandbox, TOKEN).control('GET', '/webhooks/deliveries')).body).toEqual(deliveries);
    },
  },
  {
    kind: 'failed calls',
    change: async (sandbox) => {
      expect((await registerWebhook(sandbox, receiverUrl)).statusCode).toBe(201);
      await flipStatus(sandbox);
    },
    check: async (sandbox) => {
      const { items } = (await api(sandbox, TOKEN, webhookOperation('failedCalls'))).body as {
        items: Array<{ url: string; status?: number }>;
      };
      expect(items.filter((item) => item.url === receiverUrl)).toEqual([
        expect.objectContaining({ url: receiverUrl, status: 500 }),
      ]);
    },
  },
  {
    kind: "a scheduled change, due on the token's clock",
    change: async (sandbox) => {
      const client = clientOf(sandbox, TOKEN);
      expect((await client.create(provider)).statusCode).toBe(201);
      const path = `/users/${USER}/${provider.name}/scheduled-status`;
      const scheduled = await client.control('POST', path, { status: 'UNAUTHENTICATED', afterSeconds: 3_600 });
      expect(scheduled.statusCode).toBe(202);
    },
    check: async (sandbox) => {
      const client = clientOf(sandbox, TOKEN);
      expect((await client.get(provider)).body).toMatchObject({ status: 'OK' });
      const { body } = await client.control('GET', '/clock');
      const later = new Date(Date.parse((body as { now: string }).now) + 3_601_000).toISOString();
      await client.control('PUT', '/clock', { now: later });
      expect((await client.get(provider)).body).toMatchObject({ status: 'UNAUTHENTICATED' });
    },
  },
  {
    kind: 'a scheduled change that falls due on its own after the restart, and its alert',
    change: async (sandbox) => {
      expect((await registerWebhook(sandbox, 'https://hooks.example.com/leaf')).statusCode).toBe(201);
      const client = clientOf(sandbox, TOKEN);
      expect((await client.create(provider)).statusCode).toBe(201);
      const path = `/users/${USER}/${provider.name}/scheduled-status`;
      expect((await client.control('POST', path, { status: 'UNAUTHENTICATED', afterSeconds: 1 })).statusCode).toBe(202);
    },
    check: async (sandbox) => {
      const client = clientOf(sandbox, TOKEN);
      // Real time: the change is due a second after it was asked for, in the restarted sandbox.
      await expect
        .poll(async () => ((await client.get(provider)).body as { status: string }).status, { timeout: 5_000 })
        .toBe('UNAUTHENTICATED');
      // Its alert goes out once the change is kept (written), a moment after the change shows.
      const events = async () => {
        const { body } = await client.control('GET', '/webhooks/deliveries');
        return (body as { deliveries: Array<{ event: string }> }).deliveries.map((delivery) => delivery.event);
      };
      await expect.poll(events, { timeout: 5_000 }).toEqual(['webhookRegistered', 'credentialsUnauthenticated']);
    },
  },
  {
    kind: 'the password a username first signed in with',
    change: async (sandbox) => {
      expect((await signIn(sandbox, 'first-password')).statusCode).toBe(200);
    },
    check: async (sandbox) => {
      expect((await signIn(sandbox, 'another-password')).statusCode).toBe(401);
      expect((await signIn(sandbox, 'first-password')).statusCode).toBe(200);
    },
  },
  {
    kind: "a token's clock",
    change: async (sandbox) => {
      await clientOf(sandbox, TOKEN).control('PUT', '/clock', { now: '2031-06-01T00:00:00Z' });
    },
    check: async (sandbox) => {
      const { body } = await clientOf(sandbox, TOKEN).control('GET', '/clock');
      const { now, moved } = body as { now: string; moved: boolean };
      expect(moved).toBe(true);
      expect(Date.parse(now) - Date.parse('2031-06-01T00:00:00Z')).toBeGreaterThanOrEqual(0);
      expect(Date.parse(now) - Date.parse('2031-06-01T00:00:00Z')).toBeLessThan(60_000);
      expect((await clientOf(sandbox, 'someone-else').control('GET', '/clock')).body).toMatchObject({ moved: false });
    },
  },
];

const RESTART_OPTIONS: Partial<SandboxOptions> = {
  seed: { credentials: [], users: [SEEDED_USER] },
  tokenSigningKey: 'state-file-test',
  webhookDelivery: { attempts: 1, backoffMs: 0, timeoutMs: 2_000 },
};

describe('after a restart on the same state file, a token still sees', () => {
  it.each(RESTART_CASES)('$kind', async ({ change, check }) => {
    const stateFile = freshFile();
    const first = await emptySandbox({ ...RESTART_OPTIONS, stateFile });
    const changed = await change(first);
    await first.close();
    const second = await emptySandbox({ ...RESTART_OPTIONS, stateFile });
    await check(second, changed);
    await second.close();
  });
});

/**
 * One case per kind of state a request changes: with the state file's directory gone, the
 * request is answered 503 STATE_NOT_KEPT, and (once the directory is back) `undone` shows
 * the change is not there.
 */
const NOT_KEPT_CASES: Array<{
  kind: string;
  request: (sandbox: Sandbox) => Promise<Call>;
  undone: (sandbox: Sandbox) => Promise<void>;
}> = [
  {
    kind: 'a user created',
    request: (sandbox) => api(sandbox, TOKEN, userOperation('create'), { body: NEW_USER }),
    undone: async (sandbox) => {
      const listed = (await api(sandbox, TOKEN, userOperation('list'))).body as Array<{ id: string }>;
      expect(listed.map((user) => user.id)).toEqual([SEEDED_USER.id]);
    },
  },
  {
    kind: 'a webhook registered',
    request: (sandbox) => registerWebhook(sandbox, 'https://hooks.example.com/leaf'),
    undone: async (sandbox) => {
      const listed = (await api(sandbox, TOKEN, webhookOperation('list'))).body as Array<{ url: string }>;
      expect(listed.map((webhook) => webhook.url)).not.toContain('https://hooks.example.com/leaf');
    },
  },
  {
    kind: 'a scheduled change',
    request: (sandbox) =>
      clientOf(sandbox, TOKEN).control('POST', `/users/${USER}/${provider.name}/scheduled-status`, {
        status: 'UNAUTHENTICATED',
        afterSeconds: 60,
      }),
    undone: async (sandbox) => {
      const client = clientOf(sandbox, TOKEN);
      await client.control('PUT', '/clock', { now: '2031-06-01T00:00:00Z' });
      expect((await client.get(provider)).body).toMatchObject({ status: 'OK' });
    },
  },
  {
    kind: 'a first sign-in',
    request: (sandbox) => signIn(sandbox, 'first-password'),
    undone: async (sandbox) => {
      expect((await signIn(sandbox, 'another-password')).statusCode).toBe(200);
    },
  },
  {
    kind: "a token's clock set",
    request: (sandbox) => clientOf(sandbox, TOKEN).control('PUT', '/clock', { now: '2031-06-01T00:00:00Z' }),
    undone: async (sandbox) => {
      expect((await clientOf(sandbox, TOKEN).control('GET', '/clock')).body).toMatchObject({ moved: false });
    },
  },
];

describe('a change the state file could not keep', () => {
  it.each(NOT_KEPT_CASES)('is answered 503 and undone: $kind', async ({ request, undone }) => {
    const stateDir = mkdtempSync(join(dir, 'not-kept-'));
    const sandbox = await emptySandbox({ ...RESTART_OPTIONS, stateFile: join(stateDir, 'state.json') });
    expect((await clientOf(sandbox, TOKEN).create(provider)).statusCode).toBe(201);
    rmSync(stateDir, { recursive: true });
    const refused = await request(sandbox);
    expect(refused.statusCode).toBe(503);
    expect(refused.body).toMatchObject({ detail: expect.stringContaining('the change was not kept') });
    mkdirSync(stateDir);
    await undone(sandbox);
    await sandbox.close();
  });
});

describe('the state file', () => {
  it('keeps state across a restart: credentials, deletions and status changes', async () => {
    const stateFile = freshFile();
    const first = await emptySandbox({ stateFile });
    const client = clientOf(first, 'restart-token');
    const created = await client.create(provider);
    await client.control('PUT', `/users/${USER}/${provider.segment}/status`, { status: 'UNAUTHENTICATED' });
    const events = await client.events(provider);
    await first.close();

    const second = await emptySandbox({ stateFile });
    const again = clientOf(second, 'restart-token');
    expect((await again.get(provider)).body).toEqual({ ...(created.body as object), status: 'UNAUTHENTICATED' });
    expect((await again.events(provider)).body).toEqual(events.body);
    expect((await clientOf(second, 'someone-else').get(provider)).statusCode).toBe(404);
    await second.close();
  });

  it('starts empty when the file does not exist yet, and creates it on the first change', async () => {
    const stateFile = freshFile();
    const sandbox = await emptySandbox({ stateFile });
    expect(existsSync(stateFile)).toBe(false);
    await clientOf(sandbox, 't').create(provider);
    await sandbox.close();
    expect((await loadStateFile(stateFile, table))?.credentials.has('token:t')).toBe(true);
  });

  it.each([
    { name: 'not JSON', content: '{"format": "leaf-credentials-sandbox-state", "vers', reason: 'is not JSON' },
    { name: 'another kind of JSON', content: '{"credentials": []}', reason: 'not a sandbox state file' },
    {
      name: 'another version',
      content: '{"format": "leaf-credentials-sandbox-state", "version": 9, "states": {}}',
      reason: 'version 9',
    },
    {
      name: 'a broken entry',
      content: stateWith({ 'token:k': { [slotOf(USER)]: 3 } }),
      reason: `states["token:k"][${JSON.stringify(slotOf(USER))}] is not a stored credential`,
    },
    {
      name: 'an entry that is well-formed JSON but not a valid resource',
      content: stateWith({ 'token:k': { [slotOf(USER)]: { resource: { status: 'OK' }, log: [] } } }),
      reason: `states["token:k"][${JSON.stringify(slotOf(USER))}] is not a stored credential: field resource`,
    },
    {
      name: 'an entry nested too deep',
      content: stateWith({ 'token:k': { [slotOf(USER)]: { resource: nested(40), log: [] } } }),
      reason: 'nested deeper than',
    },
    {
      name: 'an entry of a provider the spec does not have',
      content: stateWith({ 'token:k': { [`${USER}\nNobody`]: null } }),
      reason: 'not a Leaf user id and a provider of the spec',
    },
    {
      name: 'a version 2 file with a webhook that is not one',
      content: JSON.stringify({
        format: 'leaf-credentials-sandbox-state',
        version: 2,
        webhooks: { 'token:k': { w1: { id: 'w1', events: 'all' } } },
      }),
      reason: 'webhooks["token:k"]["w1"] is not a webhook',
    },
    {
      name: 'a version 2 file with a scheduled change of a provider the spec does not have',
      content: JSON.stringify({
        format: 'leaf-credentials-sandbox-state',
        version: 2,
        scheduled: [{ key: 'token:k', leafUserId: USER, provider: 'Nobody', status: 'OK', at: '2030-01-01T00:00:00Z' }],
      }),
      reason: 'scheduled[0]: not a Leaf user id and a provider of the spec',
    },
    {
      name: 'one user under two cases of its id',
      content: stateWith({ 'token:k': { [slotOf(USER)]: null, [slotOf(USER.toUpperCase())]: null } }),
      reason: 'the same user and provider as another entry',
    },
  ])('refuses a state file that is $name, saying why, and leaves it unchanged', async ({ content, reason }) => {
    const stateFile = freshFile();
    writeFileSync(stateFile, content);
    const error = await emptySandbox({ stateFile }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain(stateFile);
    expect((error as Error).message).toContain(reason);
    expect(readFileSync(stateFile, 'utf8')).toBe(content);
  });

  it('refuses a state file it cannot read', async () => {
    const stateFile = freshFile();
    mkdirSync(stateFile);
    await expect(emptySandbox({ stateFile })).rejects.toThrow(/cannot be read/);
  });

  it('refuses, at start, a state file in a directory that cannot be written', async () => {
    const stateFile = join(dir, 'no-such-directory', 'state.json');
    const error = await emptySandbox({ stateFile }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toMatch(/directory cannot be written/);
  });

  it('keeps a second sandbox off a state file in use, naming the process, until the first closes', async () => {
    const stateFile = freshFile();
    const first = await emptySandbox({ stateFile });
    const error = await emptySandbox({ stateFile }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain(`process ${process.pid}`);
    await first.close();
    await (await emptySandbox({ stateFile })).close();
  });

  it('takes over the lock of a process that is gone', async () => {
    const stateFile = freshFile();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${stateFile}.lock`, `${gone}\n`);
    const sandbox = await emptySandbox({ stateFile });
    expect(readFileSync(`${stateFile}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    await sandbox.close();
    expect(existsSync(`${stateFile}.lock`)).toBe(false);
  });

  it('answers 503 for a change it could not write, undoes it, and keeps changes again once writing works', async () => {
    const stateDir = mkdtempSync(join(dir, 'failing-'));
    const stateFile = join(stateDir, 'state.json');
    const sandbox = await emptySandbox({ stateFile });
    const client = clientOf(sandbox, 'disk');
    expect((await client.create(provider)).statusCode).toBe(201);
    rmSync(stateDir, { recursive: true });
    const refused = await client.create(provider, undefined, OTHER_USER);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect((await client.get(provider, OTHER_USER)).statusCode).toBe(404);
    expect((await client.control('POST', '/reset')).statusCode).toBe(503);
    expect((await client.get(provider)).statusCode).toBe(200);
    mkdirSync(stateDir);
    expect((await client.create(provider, undefined, OTHER_USER)).statusCode).toBe(201);
    await sandbox.close();
    expect((await loadStateFile(stateFile, table))!.credentials.get('token:disk')!.size).toBe(2);
  });

  it('loads a version 1 file (credentials only, under "states")', async () => {
    const stateFile = freshFile();
    writeFileSync(stateFile, stateWith({ 'token:k': { [slotOf(USER)]: null } }));
    const snapshot = (await loadStateFile(stateFile, table))!;
    expect([...snapshot.credentials.get('token:k')!]).toEqual([[slotOf(USER), null]]);
    expect(snapshot.users.size + snapshot.webhooks.size + snapshot.scheduled.length).toBe(0);
  });

  it('stores a user id in lower case, whatever case it was created, seeded or loaded with', async () => {
    const stateFile = freshFile();
    writeFileSync(stateFile, stateWith({ 'token:k': { [slotOf(USER.toUpperCase())]: null } }));
    expect([...(await loadStateFile(stateFile, table))!.credentials.get('token:k')!.keys()]).toEqual([slotOf(USER)]);
  });

  it('writes many quick changes in few writes, and close() writes what is pending', async () => {
    const stateFile = freshFile();
    const sandbox = await emptySandbox({ stateFile });
    const client = clientOf(sandbox, 'bulk');
    const users = Array.from(
      { length: 2_000 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    );
    await Promise.all(users.map((user) => client.create(provider, undefined, user)));
    await sandbox.close();
    const snapshot = (await loadStateFile(stateFile, table))!;
    expect(snapshot.credentials.get('token:bulk')!.size).toBe(users.length);
  });

  it('is never left corrupt by a SIGKILL, including one in the middle of a write', async () => {
    let midWrite = 0;
    // A write is in progress about a third of the time: 20 tries all missing one is a (2/3)^20 chance.
    for (let attempt = 0; attempt < 20 && midWrite < 1; attempt += 1) {
      const stateFile = freshFile();
      await killWhileWriting(stateFile, 300 + Math.floor(Math.random() * 900));
      if (existsSync(`${stateFile}.tmp`)) midWrite += 1;
      const snapshot = await loadStateFile(stateFile, table);
      expect(snapshot?.credentials.get('token:writer')?.size ?? 0).toBeGreaterThan(0);
      expect(snapshot?.clocks.offsetsMs.has('token:writer')).toBe(true);
      expect(snapshot?.scheduled).toHaveLength(1);
    }
    expect(midWrite).toBeGreaterThan(0);
  }, 180_000);
});

const WRITER = fileURLToPath(new URL('./fixtures/keep-writing-state.ts', import.meta.url));

/** Runs the writer until it has written once, lets it go on `ms` more, then kills it with SIGKILL. */
function killWhileWriting(stateFile: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, stateFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer exited by itself (${signal})`)),
    );
  });
}
