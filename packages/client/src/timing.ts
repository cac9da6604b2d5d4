/**
 * Pauses and deadlines that an AbortSignal can cut short (timers are the
 * global ones, so tests fake them).
 */
import { LeafTimeoutError } from './errors.js';

/** setTimeout fires at once for longer delays. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * `value` if it is a finite number of milliseconds from `min` to `max`; else a
 * RangeError naming the option. NaN or Infinity would wait forever or not at
 * all, and a timer fires at once past MAX_TIMER_DELAY_MS.
 */
export function checkMs(name: string, value: unknown, min = 0, max = MAX_TIMER_DELAY_MS): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return value;
  const range = max === Infinity ? `at least ${min}` : `from ${min} to ${max}`;
  throw new RangeError(`${name} must be a finite number of milliseconds ${range}, not ${String(value)}`);
}

/** One signal for two optional ones; AbortSignal.any only when there really are two. */
export function anySignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  return a && b ? AbortSignal.any([a, b]) : (a ?? b);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * An AbortSignal that fires when `parent` does or after `ms`, whichever comes
 * first; `timedOut()` tells which. Call `dispose()` when done with it.
 */
export function deadlineSignal(ms: number, parent?: AbortSignal | null) {
  const controller = new AbortController();
  let expired = false;
  const onParentAbort = () => controller.abort(parent!.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  // setTimeout fires at once for delays past 2^31 - 1 ms; such a deadline never comes.
  const timer =
    ms <= MAX_TIMER_DELAY_MS
      ? setTimeout(() => {
          expired = true;
          controller.abort();
        }, ms)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => expired,
    dispose() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}

/**
 * The per-attempt deadline of one call. Its signal goes into the request, so
 * an attempt out of time aborts whether it is waiting for the headers or
 * reading the body, with a LeafTimeoutError as the reason. The transport
 * starts it for each attempt and stops it between attempts; the caller stops
 * it once the body is read.
 */
export class AttemptDeadline {
  /** The caller's signals and this deadline's, for the request. */
  signal: AbortSignal;
  /** Whether the current signal aborted because time ran out. */
  expired = false;
  private controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly operation: string,
    private readonly ms: number,
    private readonly parent: AbortSignal | undefined,
  ) {
    this.signal = anySignal(parent, this.controller.signal)!;
  }

  start(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort(new LeafTimeoutError(this.operation, this.ms));
    }, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A fresh signal once this one expired: an aborted signal cannot be reused for the next attempt. */
  renew(): AbortSignal {
    this.stop();
    this.expired = false;
    this.controller = new AbortController();
    this.signal = anySignal(this.parent, this.controller.signal)!;
    return this.signal;
  }
}
