import { describe, expect, it } from 'vitest';
import { createCredential, MAX_EVENTS_PER_CREDENTIAL, withStatus } from '../../src/sandbox/credentials.js';
import { EVENT_RETENTION_MS } from '../../src/sandbox/events.js';
import { createBody, providers, stringField } from './support.js';

const provider = providers[0]!;
const now = new Date('2030-01-01T00:00:00Z');

describe('what happens to a credential', () => {
  it.each([
    { value: 'ordinary', status: 'OK', statusCode: 200 },
    { value: 'sandbox-unauthenticated', status: 'UNAUTHENTICATED', statusCode: 401 },
  ])('a create with $value starts $status, logging a $statusCode token fetch', ({ value, status, statusCode }) => {
    const credential = createCredential(provider, createBody(provider, { [stringField(provider)]: value }), now);
    expect(credential.resource.status).toBe(status);
    expect(credential.log.map((entry) => entry.statusCode)).toEqual([statusCode]);
  });

  it.each([
    { from: 'OK', to: 'OK', events: 1 },
    { from: 'OK', to: 'MISSING_PERMISSION', events: 2 },
  ] as const)('a change from $from to $to leaves $events events', ({ to, events }) => {
    const credential = createCredential(provider, createBody(provider), now);
    expect(withStatus(credential, to, now).log).toHaveLength(events);
  });

  it('drops entries past the retention window when it logs a change', () => {
    const credential = createCredential(provider, createBody(provider), now);
    const later = new Date(now.getTime() + EVENT_RETENTION_MS + 1);
    const changed = withStatus(credential, 'TEMPORARILY_UNAVAILABLE', later);
    expect(changed.log.map((entry) => entry.statusCode)).toEqual([503]);
    expect(credential.log).toHaveLength(1);
  });

  it('keeps the newest MAX_EVENTS_PER_CREDENTIAL events, however often the status changes within 30 days', () => {
    let credential = createCredential(provider, createBody(provider), now);
    for (let change = 0; change < MAX_EVENTS_PER_CREDENTIAL + 10; change += 1)
      credential = withStatus(
        credential,
        change % 2 === 0 ? 'UNAUTHENTICATED' : 'OK',
        new Date(now.getTime() + change),
      );
    expect(credential.log).toHaveLength(MAX_EVENTS_PER_CREDENTIAL);
    expect(credential.log.at(-1)!.at).toBe(now.getTime() + MAX_EVENTS_PER_CREDENTIAL + 9);
  });
});
