/** A seed's `statusChanges`: read, refused naming the field, and played on the sandbox clock. */
import { describe, expect, it } from 'vitest';
import { createSandbox, exampleSeed, SeedError } from '../../src/sandbox/index.js';
import { statusChangesOf } from '../../src/sandbox/webhooks-seed.js';
import { operations, table } from './support.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const leafUserId = table.leafUserIdExample!;
const provider = table.providers[0]!;

describe('statusChangesOf', () => {
  it('reads each change as due afterSeconds from now, for the provider the entry names', () => {
    const [change] = statusChangesOf(
      { statusChanges: [{ leafUserId, provider: provider.segment, status: 'UNAUTHENTICATED', afterSeconds: 90 }] },
      table,
      NOW,
    );
    expect(change).toEqual({
      slot: { leafUserId, provider: provider.name },
      status: 'UNAUTHENTICATED',
      at: new Date('2030-01-01T00:01:30Z'),
    });
  });

  it.each([
    ['leafUserId', { leafUserId: 'nope' }],
    ['provider', { provider: 'acme' }],
    ['status', { status: 'BROKEN' }],
    ['afterSeconds', { afterSeconds: -1 }],
    ['afterSeconds', { afterSeconds: 10 ** 9 }],
  ])('refuses a bad %s, naming it', (field, change) => {
    const entry = { leafUserId, provider: provider.name, status: 'UNAUTHENTICATED', afterSeconds: 1, ...change };
    expect(() => statusChangesOf({ statusChanges: [entry] }, table, NOW)).toThrow(SeedError);
    expect(() => statusChangesOf({ statusChanges: [entry] }, table, NOW)).toThrow(`statusChanges[0]: field ${field}`);
  });
});

describe('a seed that schedules a change', () => {
  it('changes the seeded credential for every token once the sandbox clock gets there', async () => {
    const seed = {
      ...exampleSeed(operations),
      statusChanges: [{ leafUserId, provider: provider.name, status: 'MISSING_PERMISSION', afterSeconds: 3_600 }],
    };
    const sandbox = await createSandbox({ operations, seed, now: () => NOW });
    const statusSeen = async () => {
      const answer = await sandbox.control({
        method: 'GET',
        path: '/__sandbox/credentials',
        query: {},
        headers: { authorization: 'Bearer seed.test' },
        body: undefined,
      });
      const entries = (answer.body as { credentials: Array<{ provider: string; credentials: { status: string } }> })
        .credentials;
      return entries.find((entry) => entry.provider === provider.name)?.credentials.status;
    };
    expect(await statusSeen()).not.toBe('MISSING_PERMISSION');
    await sandbox.control({
      method: 'PUT',
      path: '/__sandbox/clock',
      query: {},
      // The sandbox clock (every token's until it sets its own) is the admin token's to move.
      headers: { authorization: `Bearer ${sandbox.adminToken}` },
      body: '{"now": "2030-01-01T02:00:00Z"}',
    });
    expect(await statusSeen()).toBe('MISSING_PERMISSION');
    await sandbox.close();
  });
});
