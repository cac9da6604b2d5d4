/**
 * The sandbox clock: real time, or a time a test set. Token expiry, event
 * retention and `createdTime` all read it, so a test can move past an expiry
 * or a retention window without waiting.
 */
export interface Clock {
  now(): Date;
  /** Pins the clock to `at` (it then runs on from there at real speed). */
  set(at: Date): void;
  /** Back to the time the sandbox was created with. */
  reset(): void;
  /** Whether a test has moved the clock. */
  readonly moved: boolean;
}

export function createClock(base: () => Date = () => new Date()): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(base().getTime() + offsetMs),
    set(at) {
      offsetMs = at.getTime() - base().getTime();
    },
    reset() {
      offsetMs = 0;
    },
    get moved() {
      return offsetMs !== 0;
    },
  };
}

/** Leaf's timestamps carry microseconds (`2023-05-10T14:03:11.123456Z`); a Date has milliseconds. */
export function leafTimestamp(at: Date): string {
  return at.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
