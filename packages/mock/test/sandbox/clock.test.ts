import { describe, expect, it } from 'vitest';
import { createClocks, leafTimestamp, readInstant } from '../../src/sandbox/clock.js';

describe('the sandbox clock', () => {
  it('runs on from a time it is set to, and back to its source when reset', () => {
    let real = new Date('2030-01-01T00:00:00Z');
    const clocks = createClocks(() => real);
    clocks.set(undefined, new Date('2040-01-01T00:00:00Z'));
    real = new Date(real.getTime() + 5_000);
    expect(clocks.now().toISOString()).toBe('2040-01-01T00:00:05.000Z');
    expect(clocks.moved()).toBe(true);
    clocks.reset();
    expect(clocks.now()).toEqual(real);
    expect(clocks.moved()).toBe(false);
  });

  it("gives each key its own clock once it sets one; the sandbox's resets them all", () => {
    const real = new Date('2030-01-01T00:00:00Z');
    const clocks = createClocks(() => real);
    clocks.set('token:a', new Date('2040-01-01T00:00:00Z'));
    expect(clocks.now('token:a').toISOString()).toBe('2040-01-01T00:00:00.000Z');
    expect(clocks.now('token:b')).toEqual(real);
    expect(clocks.moved('token:b')).toBe(false);
    clocks.set(undefined, new Date('2035-01-01T00:00:00Z'));
    expect(clocks.now('token:a').toISOString()).toBe('2035-01-01T00:00:00.000Z');
    clocks.set('token:a', new Date('2040-01-01T00:00:00Z'));
    clocks.reset('token:a');
    expect(clocks.now('token:a').toISOString()).toBe('2035-01-01T00:00:00.000Z');
  });

  it.each([
    { text: '2030-01-01T00:00:00Z', reason: undefined },
    { text: '2030-01-01T00:00:00.123456789Z', reason: undefined },
    { text: '1970-01-01T00:00:00Z', reason: undefined },
    { text: '2016-12-31T23:59:60Z', reason: 'not a time on the calendar' },
    { text: '2030-02-30T00:00:00Z', reason: 'not a time on the calendar' },
    { text: '2030-01-01T24:00:00Z', reason: 'not a time on the calendar' },
    { text: '2030-01-01T00:00:00+02:00', reason: 'in UTC' },
    { text: '2030-01-01t00:00:00z', reason: 'in UTC' },
    { text: '+275760-09-13T00:00:00Z', reason: 'in UTC' },
    { text: '9999-12-31T23:59:59Z', reason: 'before 2100' },
    { text: '2100-01-01T00:00:00Z', reason: 'before 2100' },
    { text: '1969-12-31T23:59:59Z', reason: 'from 1970' },
  ])('reads $text as an instant the sandbox can go by, or says why not ($reason)', ({ text, reason }) => {
    const read = readInstant(text);
    if (reason === undefined) expect(read).toBeInstanceOf(Date);
    else expect((read as { reason: string }).reason).toContain(reason);
  });

  it.each([
    ['2030-01-02T03:04:05.678Z', '2030-01-02T03:04:05.678000Z'],
    ['2030-01-02T03:04:05.000Z', '2030-01-02T03:04:05.000000Z'],
  ])('writes %s with microseconds as Leaf does: %s', (iso, leaf) => {
    expect(leafTimestamp(new Date(iso))).toBe(leaf);
  });
});
