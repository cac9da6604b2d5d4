/**
 * createSandbox's wiring of the alerts service into the hardened sandbox: a
 * scheduled change runs on its token's own clock, and a change's alerts go out
 * only once the change is kept (none for a change undone with a 503).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, exampleSeed, type Sandbox } from '../../src/sandbox/index.js';
import { webhookHelperOf } from '../../src/sandbox/webhooks.js';
import { operations, table } from './support.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const leafUserId = table.leafUserIdExample!;
const provider = table.providers[0]!;
const dir = mkdtempSync(join(tmpdir(), 'sandbox-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const control = (sandbox: Sandbox, token: string, method: string, path: string, body?: unknown) =>
  sandbox.control({
    method,
    path: `/__sandbox${path}`,
    query: {},
    headers: { authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function statusSeen(sandbox: Sandbox, token: string): Promise<string | undefined> {
  const answer = await control(sandbox, token, 'GET', '/credentials');
  const { credentials } = answer.body as { credentials: Array<{ provider: string; credentials: { status: string } }> };
  return credentials.find((entry) => entry.provider === provider.name)?.credentials.status;
}

describe('a scheduled change', () => {
  it.each([
    ['runs once its token moves its own clock past it', 'clock.mover', 'UNAUTHENTICATED'],
    ['waits for a token whose clock did not move', 'clock.stayer', 'OK'],
  ])('%s', async (_case, token, expected) => {
    const sandbox = await createSandbox({ operations, seed: exampleSeed(operations), now: () => NOW });
    for (const each of ['clock.mover', 'clock.stayer']) {
      const path = `/users/${leafUserId}/${provider.name}/scheduled-status`;
      const scheduled = await control(sandbox, each, 'POST', path, { status: 'UNAUTHENTICATED', afterSeconds: 3_600 });
      expect(scheduled.statusCode).toBe(202);
    }
    await control(sandbox, 'clock.mover', 'PUT', '/clock', { now: '2030-01-01T02:00:00Z' });
    expect(await statusSeen(sandbox, token)).toBe(expected);
    await sandbox.close();
  });
});

describe("a change's alerts", () => {
  const createWebhook = operations.find((operation) => webhookHelperOf(operation) === 'create')!;

  it.each([
    ['go out once the change is kept', true, 200, ['credentialsUnauthenticated']],
    ['stay unsent when the change could not be kept (503, undone)', false, 503, []],
  ])('%s', async (_case, writable, status, alerts) => {
    const stateDir = mkdtempSync(join(dir, 'state-'));
    const sandbox = await createSandbox({
      operations,
      seed: exampleSeed(operations),
      now: () => NOW,
      stateFile: join(stateDir, 'state.json'),
    });
    const token = 'alerts.kept';
    const registered = await sandbox.answer({
      operation: createWebhook,
      pathParams: {},
      query: {},
      headers: { authorization: `Bearer ${token}` },
      // An example host: accepted and recorded, never contacted.
      body: { events: ['credentialsUnauthenticated'], name: 'kept', secret: 's3cret', url: 'https://example.com/hook' },
    });
    expect(registered.statusCode).toBe(201);
    if (!writable) rmSync(stateDir, { recursive: true });
    const path = `/users/${leafUserId}/${provider.name}/status`;
    expect((await control(sandbox, token, 'PUT', path, { status: 'UNAUTHENTICATED' })).statusCode).toBe(status);
    const { deliveries } = (await control(sandbox, token, 'GET', '/webhooks/deliveries')).body as {
      deliveries: Array<{ event: string }>;
    };
    expect(deliveries.map((delivery) => delivery.event).filter((event) => event !== 'webhookRegistered')).toEqual(
      alerts,
    );
    if (!writable) mkdirSync(stateDir);
    await sandbox.close();
  });
});
