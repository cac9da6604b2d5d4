/**
 * A faked clock for retry and polling tests. Only timers and Date are faked:
 * reading a Response body still needs real turns of the event loop, which
 * `settle` lets happen between firing timers.
 */
import { afterEach, beforeEach, vi } from 'vitest';

const realTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

/** Lets the event loop turn until `condition` holds, without moving the fake clock. */
export async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; !condition(); turn++) {
    if (turn > 1_000) throw new Error('condition never held');
    await realTurn();
  }
}

/** Runs `call` to completion, firing each timer as soon as it is set; resolves to its result or error. */
export async function settle<T>(call: Promise<T>): Promise<T | unknown> {
  let done = false;
  const settled = call.then(
    (value) => value,
    (error: unknown) => error,
  );
  void settled.finally(() => (done = true));
  while (!done) {
    await realTurn();
    await vi.runOnlyPendingTimersAsync();
  }
  return settled;
}
