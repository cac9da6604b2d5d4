/**
 * The sandbox clocks: real time, or a time a test set. Token expiry, event
 * retention and `createdTime` all read them, so a test can move past an expiry
 * or a retention window without waiting.
 *
 * Each state key (token-keys.ts) has a clock of its own once it sets one, so a
 * suite moving time never expires another suite's tokens or events. A key that
 * set none follows the sandbox clock, which only the admin token moves.
 */
import { StateVersion } from './kept-state.js';
import type { StateKey } from './token-keys.js';

/**
 * The instants the sandbox's date arithmetic represents: event ids carry the
 * seconds in 8 hex digits (up to 2106), answers carry RFC 3339 years of 4
 * digits, and tokens and retention add up to 30 days to a time.
 */
const EARLIEST_INSTANT = '1970-01-01T00:00:00Z';
const LATEST_INSTANT = '2100-01-01T00:00:00Z';
const EARLIEST_MS = Date.parse(EARLIEST_INSTANT);
const LATEST_MS = Date.parse(LATEST_INSTANT);

/** RFC 3339 in UTC: a `Z`, no offset, up to nanoseconds (a Date keeps milliseconds). */
const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;

/** `text` as an instant the sandbox can go by, or why it cannot (a sentence to follow the field's name). */
export function readInstant(text: string): Date | { reason: string } {
  const parts = UTC_INSTANT.exec(text);
  if (!parts) return { reason: 'must be an RFC 3339 date-time in UTC, such as 2030-01-01T00:00:00Z' };
  const at = new Date(text);
  // Date.parse takes 2030-02-30 as March 2nd and refuses a leap second: both are refused here, by name.
  const [, year, month, day, hour, minute, second] = parts.map(Number) as number[];
  const fields = [
    at.getUTCFullYear(),
    at.getUTCMonth() + 1,
    at.getUTCDate(),
    at.getUTCHours(),
    at.getUTCMinutes(),
    at.getUTCSeconds(),
  ];
  if (Number.isNaN(at.getTime()) || fields.join() !== [year, month, day, hour, minute, second].join())
    return { reason: 'is not a time on the calendar (the sandbox has no leap seconds)' };
  if (at.getTime() < EARLIEST_MS || at.getTime() >= LATEST_MS)
    return { reason: `must be from ${EARLIEST_INSTANT} and before ${LATEST_INSTANT}` };
  return at;
}

export interface Clocks {
  /** The time `key` goes by (its own once set, else the sandbox's); without a key, the sandbox's. */
  now(key?: StateKey): Date;
  /** Pins `key`'s clock (without a key: the sandbox's, and every key's back to it) to `at`; it runs on from there. */
  set(key: StateKey | undefined, at: Date): void;
  /** `key`'s clock back to the sandbox's; without a key, every clock back to real time. */
  reset(key?: StateKey): void;
  /** Whether `key`'s clock (without a key: the sandbox's) is not real time. */
  moved(key?: StateKey): boolean;
}

/**
 * What the state file keeps of the clocks: how far each is from the clocks' source, in
 * milliseconds. Kept as offsets, a moved clock runs on across a restart as it would have.
 */
export interface ClocksSnapshot {
  sandboxOffsetMs: number;
  offsetsMs: Map<StateKey, number>;
}

export interface KeptClocks extends Clocks {
  snapshot(): ClocksSnapshot;
  restore(snapshot: ClocksSnapshot): void;
}

/** `changes` counts each clock set or reset (the state file keeps them). */
export function createClocks(base: () => Date = () => new Date(), changes = new StateVersion()): KeptClocks {
  let sandboxOffsetMs = 0;
  let offsets = new Map<StateKey, number>();
  const offsetOf = (key?: StateKey) => (key === undefined ? undefined : offsets.get(key)) ?? sandboxOffsetMs;
  return {
    now: (key) => new Date(base().getTime() + offsetOf(key)),
    set(key, at) {
      changes.changed();
      const offset = at.getTime() - base().getTime();
      if (key !== undefined) {
        offsets.set(key, offset);
        return;
      }
      sandboxOffsetMs = offset;
      offsets.clear();
    },
    reset(key) {
      changes.changed();
      if (key !== undefined) {
        offsets.delete(key);
        return;
      }
      sandboxOffsetMs = 0;
      offsets.clear();
    },
    moved: (key) => offsetOf(key) !== 0,
    snapshot: () => ({ sandboxOffsetMs, offsetsMs: new Map(offsets) }),
    restore(snapshot) {
      sandboxOffsetMs = snapshot.sandboxOffsetMs;
      offsets = new Map(snapshot.offsetsMs);
    },
  };
}

/** Leaf's timestamps carry microseconds (`2023-05-10T14:03:11.123456Z`); a Date has milliseconds. */
export function leafTimestamp(at: Date): string {
  return at.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
