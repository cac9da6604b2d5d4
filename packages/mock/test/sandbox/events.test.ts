import { describe, expect, it } from 'vitest';
import {
  EVENT_RETENTION_MS,
  eventId,
  orderedEvents,
  renderEvent,
  retained,
  statusEvent,
} from '../../src/sandbox/events.js';

const at = new Date('2030-01-01T00:00:00Z');

describe('the event log', () => {
  it.each([
    { status: 'OK', statusCode: 200 },
    { status: 'UNAUTHENTICATED', statusCode: 401 },
    { status: 'MISSING_PERMISSION', statusCode: 403 },
    { status: 'TEMPORARILY_UNAVAILABLE', statusCode: 503 },
  ] as const)(
    'logs the provider answering $statusCode for a token fetch that leaves the credential $status',
    ({ status, statusCode }) => {
      const event = renderEvent(statusEvent(status, at));
      expect(event).toMatchObject({
        statusCode,
        createdDate: '2030-01-01T00:00:00.000000Z',
        headers: '{"content-type":"application/json"}',
      });
      expect(() => JSON.parse(event.body as string)).not.toThrow();
    },
  );

  it('gives events distinct 24-hex-digit ids that start with their time', () => {
    const ids = Array.from({ length: 1000 }, () => eventId(at));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(new RegExp(`^${Math.floor(at.getTime() / 1000).toString(16)}[0-9a-f]{16}$`));
  });

  it.each([
    { ageMs: 0, kept: true },
    { ageMs: EVENT_RETENTION_MS, kept: true },
    { ageMs: EVENT_RETENTION_MS + 1, kept: false },
  ])('keeps an event $ageMs ms old: $kept', ({ ageMs, kept }) => {
    const entry = statusEvent('OK', new Date(at.getTime() - ageMs));
    expect(retained([entry], at)).toHaveLength(kept ? 1 : 0);
  });

  it.each([
    { order: undefined, codes: [503, 401, 200] },
    { order: { field: 'createdDate', descending: false }, codes: [200, 401, 503] },
    { order: { field: 'statusCode', descending: true }, codes: [503, 401, 200] },
    { order: { field: 'statusCode', descending: false }, codes: [200, 401, 503] },
  ])('orders the log by $order', ({ order, codes }) => {
    const log = [
      statusEvent('OK', at),
      statusEvent('UNAUTHENTICATED', new Date(at.getTime() + 1)),
      statusEvent('TEMPORARILY_UNAVAILABLE', new Date(at.getTime() + 2)),
    ];
    expect(orderedEvents(log, order).map((event) => event.statusCode)).toEqual(codes);
  });

  it('keeps same-time events in log order, newest (last logged) first', () => {
    const log = [statusEvent('OK', at), statusEvent('UNAUTHENTICATED', at)];
    expect(orderedEvents(log).map((event) => event.statusCode)).toEqual([401, 200]);
  });
});
