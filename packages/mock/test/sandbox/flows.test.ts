/**
 * The sandbox over HTTP, as a team testing its integration would use it:
 * connect a provider, read it back, see its status change, disconnect, and
 * handle the 404s after. Every provider of the spec runs the same flows (found
 * from the spec's creates, none by name), each test with its own token and
 * user, against the sandbox process of the global setup.
 */
import { randomUUID } from 'node:crypto';
import { listOperations, type OperationModel, readBundledSpec, specModel } from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fillPath } from '../../src/example-requests.js';
import { connectSandbox } from '../../src/index.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../src/problem.js';
import { createAgent, type Reply, send } from '../support/send.js';

const sandboxUrl = inject('sandboxUrl');
const agent = createAgent(8);
afterAll(() => agent.destroy());
const validator = createResponseValidator();
const spec = readBundledSpec();
const shapes = specModel().operations;
const PRODUCTION_BASE = new URL(spec.servers[0]!.url).pathname;

interface Provider {
  /** The tag's x-leaf-provider: how the control API names it. */
  name: string;
  create: OperationModel;
  get: OperationModel;
  remove: OperationModel;
  events: OperationModel;
  status?: OperationModel;
}

/** Each provider, from its create: the operations on the same resource path. */
function providers(): Provider[] {
  const tags = (spec.tags ?? []) as Array<{ name: string; 'x-leaf-provider'?: string }>;
  return shapes
    .filter((shape) => shape.method === 'POST' && shape.path.startsWith('/users/'))
    .map((create) => {
      const find = (method: string, suffix = '') =>
        shapes.find((shape) => shape.method === method && shape.path === create.path + suffix);
      const tag = listOperations(spec).find((operation) => operation.operationId === create.operationId)!.tags[0];
      return {
        name: tags.find((candidate) => candidate.name === tag)!['x-leaf-provider']!,
        create,
        get: find('GET')!,
        remove: find('DELETE')!,
        events: find('GET', '/events')!,
        status: find('GET', '/status'),
      };
    });
}

interface Json {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the body of whichever operation was called; expectValid checks it against that operation's schema, and each test reads the fields its operation answers
  body: any;
  reply: Reply;
}

function client(token: string, leafUserId: string, base = '') {
  const call = async (
    shape: OperationModel,
    options: { body?: unknown; headers?: Record<string, string>; query?: string } = {},
  ): Promise<Json> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const path = base + fillPath(shape, { leafUserId }) + (options.query ?? '');
    const reply = await send(
      sandboxUrl,
      {
        method: shape.method,
        path,
        headers: Object.entries(headers),
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      },
      agent,
    );
    return { status: reply.status, body: reply.text ? JSON.parse(reply.text) : undefined, reply };
  };
  return call;
}

function expectValid(shape: OperationModel, answer: Json): void {
  const check = validator.check(
    shape.method,
    shape.path,
    answer.status,
    (answer.reply.headers['content-type'] as string) ?? null,
    answer.body,
  );
  expect(check.errors).toEqual([]);
}

function expectNotFound(answer: Json, leafUserId: string): void {
  expect(answer.status).toBe(404);
  expect(answer.reply.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
  expect((answer.body as Problem).detail).toContain(leafUserId);
}

function isWriteOnly(create: OperationModel | undefined, field: string): boolean {
  return (create?.requestBody?.schema.properties?.[field] as { writeOnly?: boolean } | undefined)?.writeOnly === true;
}

const createUser = shapes.find((shape) => shape.method === 'POST' && shape.path === '/users')!;

/** A token of its own and a Leaf user it created, as an integrator starts (credentials need their user). */
async function fresh(): Promise<{ token: string; leafUserId: string }> {
  const token = `flow-${randomUUID()}`;
  const created = await client(token, '')(createUser, { body: createUser.requestBody!.example });
  expect(created.status).toBe(201);
  return { token, leafUserId: created.body.id as string };
}

describe.concurrent.each(providers())('$name credentials in the sandbox', (provider) => {
  const example = provider.create.requestBody!.example as Record<string, unknown>;

  it('answers 404 naming the user and provider before anything is created', async () => {
    const { token, leafUserId } = await fresh();
    const answer = await client(token, leafUserId)(provider.get);
    expectNotFound(answer, leafUserId);
    expect((answer.body as Problem).detail.toLowerCase()).toMatch(/credentials/);
  });

  it('connect, read back, events, disconnect, then 404 for get, delete and events', async () => {
    const { token, leafUserId } = await fresh();
    const call = client(token, leafUserId);
    const created = await call(provider.create, { body: example });
    expect(created.status).toBe(201);
    expectValid(provider.create, created);
    // The posted fields come back, but for the secrets the create body marks write-only (Leaf does not return them).
    const echoed = Object.entries(example).filter(
      ([field, value]) => typeof value !== 'object' && !isWriteOnly(provider.create, field),
    );
    expect(created.body).toMatchObject({ ...Object.fromEntries(echoed), status: 'OK' });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const read = await call(provider.get);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const events = await call(provider.events);
    expect(events.status).toBe(200);
    expectValid(provider.events, events);
    expect(events.body.length).toBeGreaterThan(0);
    expect(events.reply.headers['x-total-count']).toBe(String(events.body.length));

    if (provider.status) {
      const status = await call(provider.status);
      expect(status.status).toBe(200);
      expect(status.body.status).toBe('OK');
    }

    expect((await call(provider.remove)).status).toBe(204);
    expectNotFound(await call(provider.get), leafUserId);
    expectNotFound(await call(provider.remove), leafUserId);
    expectNotFound(await call(provider.events), leafUserId);
  });

  it('a second create replaces the first', async () => {
    const { token, leafUserId } = await fresh();
    const call = client(token, leafUserId);
    const first = await call(provider.create, { body: example });
    const second = await call(provider.create, { body: example });
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect((await call(provider.get)).body.id).toBe(second.body.id);
  });

  it('answers the same state under the production base path', async () => {
    const { token, leafUserId } = await fresh();
    const created = await client(token, leafUserId, PRODUCTION_BASE)(provider.create, { body: example });
    expect(created.status).toBe(201);
    expect((await client(token, leafUserId)(provider.get)).body).toEqual(created.body);
  });

  it('shows a status set through the control API in get, /status and the events', async () => {
    const { token, leafUserId } = await fresh();
    const call = client(token, leafUserId);
    await call(provider.create, { body: example });
    const before = (await call(provider.events)).body as Array<{ statusCode: number }>;
    await connectSandbox(sandboxUrl).as(token).setStatus(leafUserId, provider.name, 'UNAUTHENTICATED');
    expect((await call(provider.get)).body.status).toBe('UNAUTHENTICATED');
    if (provider.status) expect((await call(provider.status)).body.status).toBe('UNAUTHENTICATED');
    // Leaf logs the failed token fetch behind the change: newest first, a 401.
    const after = await call(provider.events);
    expectValid(provider.events, after);
    expect(after.body).toHaveLength(before.length + 1);
    expect(after.body[0].statusCode).toBe(401);
  });

  it("refuses a create missing a required field with the mock's 400 naming it, and stores nothing", async () => {
    const { token, leafUserId } = await fresh();
    const call = client(token, leafUserId);
    const [field] = provider.create.requestBody!.schema.required!;
    const { [field!]: _left, ...body } = example;
    const refused = await call(provider.create, { body });
    expect(refused.status).toBe(400);
    expect((refused.body as Problem).fieldErrors).toContainEqual(expect.objectContaining({ field }));
    expectNotFound(await call(provider.get), leafUserId);
  });

  it("keeps one token's credentials from another: it can neither read nor delete them", async () => {
    const { token, leafUserId } = await fresh();
    const other = `flow-${randomUUID()}`;
    await client(token, leafUserId)(provider.create, { body: example });
    expectNotFound(await client(other, leafUserId)(provider.get), leafUserId);
    expectNotFound(await client(other, leafUserId)(provider.remove), leafUserId);
    expect((await client(token, leafUserId)(provider.get)).status).toBe(200);
  });

  it('answers what Prefer asks for (code, example, dynamic) instead of the stored state', async () => {
    const { token, leafUserId } = await fresh();
    const call = client(token, leafUserId);
    await call(provider.create, { body: example });
    const notFound = await call(provider.get, { headers: { prefer: 'code=404' } });
    expect(notFound.status).toBe(404);
    expect(notFound.reply.headers['preference-applied']).toBe('code=404');
    const dynamic = await call(provider.get, { headers: { prefer: 'dynamic=true' } });
    expect(dynamic.status).toBe(200);
    expectValid(provider.get, dynamic);
    const named = await call(provider.get, { headers: { prefer: 'example=default' } });
    expect(named.status).toBe(200);
    expect(named.body.id).not.toBe((await call(provider.get)).body.id);
  });

  it('holds the answer for Prefer: delay, and refuses a delay past the bound naming Prefer', async () => {
    const { token, leafUserId } = await fresh();
    const call = client(token, leafUserId);
    const started = performance.now();
    const delayed = await call(provider.get, { headers: { prefer: 'delay=300' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(delayed.status).toBe(404); // the stored state's answer, only later
    const refused = await call(provider.get, { headers: { prefer: 'delay=3600000' } });
    expect(refused.status).toBe(422);
    expect((refused.body as Problem).fieldErrors?.[0]?.field).toBe('Prefer');
  });

  it('records the API requests it answered for requests(), per token, without control calls or the Authorization header', async () => {
    const { token, leafUserId } = await fresh();
    const call = client(token, leafUserId);
    const control = connectSandbox(sandboxUrl).as(token);
    await call(provider.create, { body: example });
    await control.credentials(); // a control call: not in the log
    await call(provider.get);
    const recorded = await control.requests();
    // The user's creation, then the credentials'.
    expect(recorded.map(({ method, status }) => `${method} ${status}`)).toEqual(['POST 201', 'POST 201', 'GET 200']);
    expect(recorded[2]!.url).toBe(fillPath(provider.get, { leafUserId }));
    expect(JSON.stringify(recorded)).not.toContain(token);
  });

  it('leaves a state that get and events agree with after 50 concurrent creates and deletes on one user', async () => {
    const { token, leafUserId } = await fresh();
    const call = client(token, leafUserId);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        index % 2 === 0 ? call(provider.create, { body: example }) : call(provider.remove),
      ),
    );
    for (const answer of answers) expect([201, 204, 404]).toContain(answer.status);
    const read = await call(provider.get);
    const events = await call(provider.events);
    const listed = (await connectSandbox(sandboxUrl).as(token).credentials()).credentials.filter(
      (entry) => entry.leafUserId === leafUserId,
    );
    if (read.status === 200) {
      expect(answers.map((answer) => answer.body?.id)).toContain(read.body.id);
      expect(events.status).toBe(200);
      expect(listed.map((entry) => entry.credentials.id)).toEqual([read.body.id]);
    } else {
      expectNotFound(read, leafUserId);
      expectNotFound(events, leafUserId);
      expect(listed).toEqual([]);
    }
  });
});

describe('the seeded example user', () => {
  // The docs show the spec's examples, which the mock answers: the seeded sandbox answers the same.
  const reads = shapes.filter((shape) => shape.method === 'GET' && !shape.path.endsWith('/events'));
  it.each(reads.map((shape) => [shape.operationId, shape] as const))(
    '%s answers the spec example, for any token',
    async (_id, shape) => {
      const request = {
        method: 'GET',
        path: fillPath(shape),
        headers: [['authorization', `Bearer seed-${randomUUID()}`]] as Array<[string, string]>,
      };
      const [seeded, example] = await Promise.all([
        send(sandboxUrl, request, agent),
        send(inject('mockUrl'), request, agent),
      ]);
      expect(seeded.status).toBe(200);
      const answered = JSON.parse(seeded.text) as Record<string, unknown>;
      const shown = JSON.parse(example.text) as Record<string, unknown>;
      // What it answers is what the docs show; what it leaves out is a secret the create body marks write-only.
      expect(shown).toMatchObject(answered);
      const create = shapes.find((candidate) => candidate.method === 'POST' && shape.path.startsWith(candidate.path));
      const left = Object.keys(shown).filter((field) => !(field in answered));
      expect(left.filter((field) => !isWriteOnly(create, field))).toEqual([]);
    },
  );
});
