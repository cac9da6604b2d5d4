/**
 * A whole integrator's flow against the sandbox, beginning with `POST /users`
 * as Leaf's own collection does: create a user, connect several providers,
 * read the user with its credentials embedded, page and filter the users,
 * delete one credential, delete the user and see its credentials gone. And the
 * sandbox's reading of a user never created (spec/README.md R14): a 404 for
 * its credentials, unless started with `--lenient-users`. Every flow runs
 * through both doors: over a port (the bin) and in-process (`createSandbox().fetch`).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSandbox, startSandbox } from '../src/index.js';

const JSON_TYPE = 'application/json';

/** A sandbox as an integrator reaches it: a fetch and the base URL to give it. */
interface Door {
  fetch: typeof fetch;
  url: string;
  close(): Promise<void>;
}

/** Each door, opened as the tests need it: the default sandbox, or one lenient about users. */
const DOORS: Array<{ door: string; open: (options: { lenientUsers?: boolean }) => Promise<Door> }> = [
  {
    door: 'over a port',
    open: async ({ lenientUsers }) => {
      // The default sandbox is the run's (global setup); a lenient one is a process of its own.
      if (!lenientUsers) return { fetch, url: inject('sandboxUrl'), close: async () => {} };
      const running = await startSandbox({ lenientUsers });
      return { fetch, url: running.url, close: () => running.stop() };
    },
  },
  {
    door: 'in-process',
    open: async ({ lenientUsers }) => {
      const sandbox = createSandbox({ lenientUsers });
      return { fetch: sandbox.fetch, url: sandbox.url, close: () => sandbox.close() };
    },
  },
];

/** An integrator's calls, with one token, as JSON through the door. */
function integrator(door: Door, token = `integrator-${randomUUID()}`) {
  return async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = JSON_TYPE;
    const reply = await door.fetch(new URL(path, door.url), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await reply.text();
    // biome-ignore lint/suspicious/noExplicitAny: each step reads the fields its own answer has
    const parsed: any = text ? JSON.parse(text) : undefined;
    return { status: reply.status, body: parsed, headers: Object.fromEntries(reply.headers) };
  };
}

const grower = (name: string, externalId: string) => ({
  name,
  email: `${externalId}@farms.example`,
  phone: '+1 515 555 0100',
  address: '1 Section Line Road, Ames, IA 50010',
  externalId,
});

const CONNECTIONS = [
  {
    segment: 'john-deere-credentials',
    property: 'johnDeereCredentials',
    // No clientEnvironment: Leaf stores STAGE (R11).
    body: { clientKey: 'deere-app', clientSecret: 'deere-secret', refreshToken: 'deere-refresh' },
  },
  {
    segment: 'ag-leader-credentials',
    property: 'agLeaderCredentials',
    body: {
      accessToken: 'agl-access',
      refreshToken: 'agl-refresh',
      publicKey: 'agl-public',
      privateKey: 'agl-private',
    },
  },
  {
    segment: 'trimble-credentials',
    property: 'trimbleCredentials',
    body: { clientId: 'trimble-app', clientSecret: 'trimble-secret', refreshToken: 'trimble-refresh' },
  },
];

describe.each(DOORS)('an integrator’s flow, $door', ({ open }) => {
  let door: Door;
  beforeAll(async () => {
    door = await open({});
  });
  afterAll(() => door?.close());

  it('creates a user, connects providers, reads, pages, disconnects and deletes', async () => {
    const call = integrator(door);
    const run = randomUUID().slice(0, 8);
    const created = await call('POST', '/users', grower('Maya Okafor', `maya-${run}`));
    expect(created.status).toBe(201);
    const leafUserId = created.body.id as string;
    for (const name of ['Ben', 'Chloe']) {
      expect((await call('POST', '/users', grower(name, `${name.toLowerCase()}-${run}`))).status).toBe(201);
    }

    const connected: Record<string, Record<string, unknown>> = {};
    for (const { segment, property, body } of CONNECTIONS) {
      const answer = await call('POST', `/users/${leafUserId}/${segment}`, body);
      expect(answer.status).toBe(201);
      // What was posted comes back, secrets included (R12): AgLeader's accessToken too.
      expect(answer.body).toMatchObject(body);
      connected[property] = answer.body;
    }
    expect(connected.johnDeereCredentials!.clientEnvironment).toBe('STAGE');

    const user = await call('GET', `/users/${leafUserId}`);
    expect(user.status).toBe(200);
    expect(user.body).toMatchObject({ id: leafUserId, name: 'Maya Okafor', ...connected });

    // The seeded example user and the three created here, two to a page.
    const page = await call('GET', '/users?size=2&page=1');
    expect(page.status).toBe(200);
    expect(page.headers['x-total-count']).toBe('4');
    expect(page.body.map((listed: { name: string }) => listed.name)).toEqual(['Ben', 'Chloe']);
    expect(page.headers.link).toContain('rel="first"');
    const found = await call('GET', `/users?externalId=maya-${run}`);
    expect(found.body.map((listed: { id: string }) => listed.id)).toEqual([leafUserId]);

    expect((await call('DELETE', `/users/${leafUserId}/trimble-credentials`)).status).toBe(204);
    expect((await call('GET', `/users/${leafUserId}`)).body).not.toHaveProperty('trimbleCredentials');

    expect((await call('DELETE', `/users/${leafUserId}`)).status).toBe(204);
    expect((await call('GET', `/users/${leafUserId}`)).status).toBe(404);
    for (const { segment } of CONNECTIONS) {
      expect((await call('GET', `/users/${leafUserId}/${segment}`)).status).toBe(404);
      expect((await call('GET', `/users/${leafUserId}/${segment}/events`)).status).toBe(404);
    }
  });

  it('is answered 404 for credentials of a user never created, saying to create the user first', async () => {
    const call = integrator(door);
    const leafUserId = randomUUID();
    const answer = await call('POST', `/users/${leafUserId}/trimble-credentials`, CONNECTIONS[2]!.body);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body.detail).toContain(leafUserId);
    expect(answer.body.detail).toMatch(/create the user first/);
  });
});

describe.each(DOORS)('a sandbox started with --lenient-users, $door', ({ open }) => {
  let lenient: Door;
  beforeAll(async () => {
    lenient = await open({ lenientUsers: true });
  }, 60_000);
  afterAll(() => lenient?.close());

  it('keeps credentials of a user never created, as before users existed', async () => {
    const call = integrator(lenient);
    const leafUserId = randomUUID();
    expect((await call('POST', `/users/${leafUserId}/trimble-credentials`, CONNECTIONS[2]!.body)).status).toBe(201);
    expect((await call('GET', `/users/${leafUserId}/trimble-credentials`)).status).toBe(200);
  });
});
