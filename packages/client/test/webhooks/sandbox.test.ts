/**
 * Credential alerts end to end: a receiver on 127.0.0.1 registers with the
 * sandbox through `leaf.webhooks`, a credential goes bad each of the three
 * ways (control request, magic value at creation, scheduled change), and the
 * alert that arrives verifies with the client's own checks, as Leaf's
 * documented check (its json.dumps serialization) and over the raw bytes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type RunningSandbox, startSandbox } from '@leaf-credentials/mock';
import { exampleLeafUserId } from '@leaf-credentials/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLeafCredentialsClient,
  LeafApiError,
  type LeafCredentialsClient,
  LeafWebhookError,
  leafJson,
  parseLeafAlert,
  verifyLeafSignature,
} from '../../src/index.js';

interface Received {
  path: string;
  signature: string | undefined;
  body: Buffer;
}

/** A webhook receiver: records every request; `/fail…` paths answer 500 to alerts (and 200 to the confirmation). */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = request.url ?? '/';
    received.push({ path, signature: request.headers['x-leaf-signature'] as string | undefined, body });
    const confirmation = body.toString().includes('confirmation of webhook upon registration');
    const status = path.startsWith('/refuse') || (path.startsWith('/fail') && !confirmation) ? 500 : 200;
    response.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const SECRET = 'alerts-test-secret';
const leafUserId = exampleLeafUserId();
const ALERT_EVENTS = ['credentialsUnauthenticated', 'credentialsLimitedPermission'] as const;

let sandbox: RunningSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  [sandbox, receiver] = await Promise.all([startSandbox(), startReceiver()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([sandbox?.stop(), receiver?.close()]);
});

const clientFor = (token: string): LeafCredentialsClient =>
  createLeafCredentialsClient({ baseUrl: sandbox.url, token, retry: false });

/** The requests `path` received that satisfy `match`, once there are `count` of them (10 s at most). */
async function arrivals(path: string, count: number, match: (body: Record<string, unknown>) => boolean = () => true) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = receiver.received.filter(
      (request) => request.path === path && match(JSON.parse(request.body.toString()) as Record<string, unknown>),
    );
    if (found.length >= count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function register(token: string, path: string, events: readonly string[] = ALERT_EVENTS) {
  return clientFor(token).webhooks.create({
    events: [...events],
    name: `receiver ${path}`,
    secret: SECRET,
    url: receiver.url + path,
  } as never);
}

describe('registration', () => {
  it('sends a signed confirmation the client verifies, and stores the webhook', async () => {
    const webhook = await register('alerts.registration', '/registration');
    const [confirmation] = await arrivals('/registration', 1);
    expect(await parseLeafAlert(confirmation!.body, confirmation!.signature, SECRET)).toEqual({
      message: 'confirmation of webhook upon registration',
    });
    const leaf = clientFor('alerts.registration');
    expect(await leaf.webhooks.get(webhook.id)).toEqual(webhook);
    expect((await leaf.webhooks.list()).map(({ id }) => id)).toContain(webhook.id);
  });

  it.each([
    ['an event that already has a webhook', 'events', '/twice', 'eventRegisteredTwice'],
    ['a URL that answers the confirmation with 500', 'url', '/refuse', undefined],
    ['a URL that is not a loopback address', 'url', 'http://192.0.2.10/hook', undefined],
    ['a host name that does not resolve to loopback', 'url', 'http://leaf-alerts.invalid/hook', undefined],
  ])('refuses %s with a 400 naming %s', async (_name, field, target, errorKey) => {
    const token = `alerts.refused.${field}.${target.length}`;
    if (errorKey) await register(token, '/first');
    const url = target.startsWith('http') ? target : receiver.url + target;
    const failure = await clientFor(token)
      .webhooks.create({ events: ['credentialsUnauthenticated'], name: 'second', secret: SECRET, url })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LeafApiError);
    const { status, problem } = failure as LeafApiError;
    expect(status).toBe(400);
    expect((problem as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toBe(field);
    if (errorKey) expect(problem).toMatchObject({ errorKey, message: errorKey });
  });
});

describe('a credential that goes bad', () => {
  const ways: Array<[string, string, (token: string) => Promise<unknown>, string]> = [
    [
      'by a control request',
      'John Deere',
      (token) => sandbox.as(token).setStatus(leafUserId, 'johnDeere', 'UNAUTHENTICATED'),
      'credentialsUnauthenticated',
    ],
    [
      'by a magic value at creation',
      'Trimble',
      (token) =>
        clientFor(token).trimble.create(leafUserId, {
          clientId: 'alerts-client',
          clientSecret: 'alerts-client-secret',
          refreshToken: 'sandbox-missing-permission',
        }),
      'credentialsLimitedPermission',
    ],
    [
      'by a scheduled change, once the sandbox clock gets there',
      'CNHi',
      async (token) => {
        await sandbox.as(token).scheduleStatus(leafUserId, 'cnhi', 'UNAUTHENTICATED', 3_600);
        await sandbox.setClock(new Date(Date.now() + 2 * 3_600_000));
      },
      'credentialsUnauthenticated',
    ],
  ];

  it.each(ways)('%s sends the signed alert to its webhook, and only its', async (way, provider, flip, type) => {
    const token = `alerts.flip.${provider.replace(/\W/g, '')}`;
    const path = `/flip/${provider.replace(/\W/g, '')}`;
    const otherPath = `${path}/other-token`;
    await register(token, path);
    await register(`${token}.other`, otherPath);
    await flip(token);
    const [alert] = await arrivals(path, 1, (body) => body.type === type);
    expect(alert, way).toBeDefined();
    const parsed = await parseLeafAlert(alert!.body, alert!.signature, SECRET);
    expect(parsed).toMatchObject({
      provider,
      type,
      status: type === 'credentialsUnauthenticated' ? 'UNAUTHENTICATED' : 'MISSING_PERMISSION',
    });
    // Leaf's own check: the signature over json.dumps of the parsed payload; here that is the raw text.
    const text = alert!.body.toString();
    expect(leafJson(JSON.parse(text))).toBe(text);
    expect(await verifyLeafSignature(text, alert!.signature, SECRET)).toBe(true);
    expect(await verifyLeafSignature(JSON.stringify(JSON.parse(text), null, 2), alert!.signature, SECRET)).toBe(true);
    // A wrong secret and a tampered body do not verify.
    expect(await verifyLeafSignature(text, alert!.signature, 'another-secret')).toBe(false);
    const tampered = text.replace(/"credentialId": "[^"]*"/, '"credentialId": "someone-else"');
    await expect(parseLeafAlert(tampered, alert!.signature, SECRET)).rejects.toMatchObject({ reason: 'tampered' });
    await expect(parseLeafAlert(text, alert!.signature, 'another-secret')).rejects.toBeInstanceOf(LeafWebhookError);
    // Another token's webhook heard its own confirmation and nothing else (its alert would have gone out with this one).
    const other = receiver.received.filter((request) => request.path === otherPath);
    expect(other.map((request) => JSON.parse(request.body.toString()))).toEqual([
      { message: 'confirmation of webhook upon registration' },
    ]);
    await sandbox.setClock(undefined);
  });

  it('lists an alert its receiver keeps answering 500 under failed calls, after bounded attempts', async () => {
    const token = 'alerts.failing';
    await register(token, '/fail');
    await sandbox.as(token).setStatus(leafUserId, 'lindsay', 'UNAUTHENTICATED');
    const leaf = clientFor(token);
    const deadline = Date.now() + 10_000;
    // Every token's list starts with the spec's example, as the docs show it.
    const ours = async () =>
      (await leaf.webhooks.failedCalls()).items.filter((item) => item.url === `${receiver.url}/fail`);
    let failed = await ours();
    while (failed.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      failed = await ours();
    }
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: 500 });
    expect(JSON.parse(failed[0]!.requestBody)).toMatchObject({
      type: 'credentialsUnauthenticated',
      provider: 'Lindsay',
    });
    const attempts = receiver.received.filter(
      (request) => request.path === '/fail' && request.body.includes('Lindsay'),
    );
    expect(attempts).toHaveLength(3);
    const [delivery] = (await sandbox.as(token).deliveries()).filter((entry) => entry.event !== 'webhookRegistered');
    expect(delivery).toMatchObject({ outcome: 'failed', attempts: 3, status: 500 });
  });
});

describe('the in-process sandbox (createSandbox)', () => {
  it('sends the signed alert to a receiver on a port too', async () => {
    const inProcess = createSandbox();
    const token = 'alerts.in-process';
    const leaf = createLeafCredentialsClient({ baseUrl: inProcess.url, token, fetch: inProcess.fetch, retry: false });
    await leaf.webhooks.create({
      events: ['credentialsUnauthenticated'],
      name: 'in process',
      secret: SECRET,
      url: `${receiver.url}/in-process`,
    });
    await inProcess.as(token).setStatus(leafUserId, 'raven', 'UNAUTHENTICATED');
    const [alert] = await arrivals('/in-process', 1, (body) => body.type === 'credentialsUnauthenticated');
    expect(await parseLeafAlert(alert!.body, alert!.signature, SECRET)).toMatchObject({
      provider: 'Raven',
      status: 'UNAUTHENTICATED',
    });
    await inProcess.close();
  });
});
