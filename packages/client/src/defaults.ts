/**
 * Every default and bound of the client, in one place. Options override the
 * defaults; the bounds hold whatever the options say.
 */

/** How long one attempt may take, headers and body, unless `timeoutMs` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The longest delay a timer can wait: setTimeout fires at once for longer ones. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** Retries when `retry` is not given: idempotent methods, transient statuses, exponential backoff. */
export const DEFAULT_RETRY = {
  /** Tries in all, the first included. */
  attempts: 3,
  /** The first backoff; each later one doubles, "equal jitter" keeping it between half and all of that step. */
  baseDelayMs: 250,
  /** The longest backoff, and the longest `Retry-After` honoured (a longer one is not retried). */
  maxDelayMs: 30_000,
  methods: ['GET', 'DELETE'],
  statuses: [429, 502, 503, 504],
} as const;

/** The most tries `retry.attempts` may ask for: more would hammer a server that is down. */
export const MAX_RETRY_ATTEMPTS = 10;

/** `waitUntilHealthy`: how long to wait in all, and the first and longest pause between polls. */
export const WAIT_DEFAULTS = { timeoutMs: 120_000, intervalMs: 1_000, maxIntervalMs: 15_000 } as const;

/** `allEvents` stops after this many pages: at Leaf's largest page size, 100,000 events. */
export const DEFAULT_MAX_PAGES = 1_000;

/** Sign in again this long before the token expires, so a request never leaves with a token about to lapse. */
export const RENEW_BEFORE_MS = 60_000;

/**
 * How many tokens from a token function to remember for redaction: a call can fail
 * after the token rotated, and the server may echo the one that call sent.
 */
export const REMEMBERED_TOKENS = 8;
