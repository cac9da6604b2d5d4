/** Pauses that an AbortSignal can cut short (timers are the global ones, so tests fake them). */

const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

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
