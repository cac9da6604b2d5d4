import { describe, expect, it } from 'vitest';
import { createClock, leafTimestamp } from '../../src/sandbox/clock.js';

describe('the sandbox clock', () => {
  it('runs on from a time it is set to, and back to its source when reset', () => {
    let real = new Date('2030-01-01T00:00:00Z');
    const clock = createClock(() => real);
    clock.set(new Date('2040-01-01T00:00:00Z'));
    real = new Date(real.getTime() + 5_000);
    expect(clock.now().toISOString()).toBe('2040-01-01T00:00:05.000Z');
    expect(clock.moved).toBe(true);
    clock.reset();
    expect(clock.now()).toEqual(real);
    expect(clock.moved).toBe(false);
  });

  it.each([
    ['2030-01-02T03:04:05.678Z', '2030-01-02T03:04:05.678000Z'],
    ['2030-01-02T03:04:05.000Z', '2030-01-02T03:04:05.000000Z'],
  ])('writes %s with microseconds as Leaf does: %s', (iso, leaf) => {
    expect(leafTimestamp(new Date(iso))).toBe(leaf);
  });
});
