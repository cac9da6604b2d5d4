/**
 * Pauses and deadlines (timers are the global ones, so tests fake them).
 */
import { MAX_TIMER_DELAY_MS } from './defaults.js';
import { LeafTimeoutError } from './errors.js';

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
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
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

/** A rejection handler for promises whose failure no one awaits. */
export const ignore = () => {};

/**
 * The deadline of one attempt, headers and body: `within(promise)` rejects with a
 * LeafTimeoutError once `ms` have passed since the attempt started. A timer and a
 * promise per attempt, and no AbortSignal in the request: wiring a signal into every
 * Request costs more than the rest of a call (see the README's Performance). The
 * attempt abandoned at the deadline is closed by cancelling its body: at once when
 * its headers came, else as soon as they come.
 */
export class AttemptDeadline {
  expired = false;
  private readonly expiry: Promise<never>;
  private timer!: ReturnType<typeof setTimeout>;

  constructor(operation: string, ms: number) {
    this.expiry = new Promise<never>((_resolve, reject) => {
      this.timer = setTimeout(() => {
        this.expired = true;
        reject(new LeafTimeoutError(operation, ms));
      }, ms);
    });
    // Handled here as well: the deadline can pass while no race is listening.
    this.expiry.catch(ignore);
  }

  /** `promise`, or a LeafTimeoutError once the deadline has passed. */
  within<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.expiry]);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
