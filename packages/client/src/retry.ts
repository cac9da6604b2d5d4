/**
 * When and how long to wait before trying a request again, and the loop that
 * does it. Only requests that are safe to repeat are retried unless the caller
 * opts in; the number of tries is bounded, and so is how fast they come.
 */
import { DEFAULT_RETRY, MAX_RETRY_ATTEMPTS } from './defaults.js';
import { LeafNetworkError, LeafTimeoutError } from './errors.js';
import type { RetryOptions } from './options.js';
import { checkMs, sleep } from './timing.js';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  methods: ReadonlySet<string>;
  statuses: ReadonlySet<number>;
}

/**
 * The policy for `options.retry`: undefined (defaults), `false` (none), or
 * overrides. Throws a RangeError for numbers that would retry forever (NaN,
 * Infinity, more than MAX_RETRY_ATTEMPTS) or never pause as asked.
 */
export function resolveRetryPolicy(retry: RetryOptions | boolean | undefined): RetryPolicy | undefined {
  if (retry === false) return undefined;
  const options = { ...DEFAULT_RETRY, ...(typeof retry === 'object' ? retry : {}) };
  const { attempts } = options;
  if (typeof attempts !== 'number' || !Number.isFinite(attempts) || attempts < 1) {
    throw new RangeError(`retry.attempts must be a finite number of tries, at least 1, not ${String(attempts)}`);
  }
  if (Math.floor(attempts) > MAX_RETRY_ATTEMPTS) {
    throw new RangeError(`retry.attempts must be at most ${MAX_RETRY_ATTEMPTS} tries, not ${String(attempts)}`);
  }
  const baseDelayMs = checkMs('retry.baseDelayMs', options.baseDelayMs);
  const maxDelayMs = checkMs('retry.maxDelayMs', options.maxDelayMs);
  if (attempts < 2) return undefined;
  return {
    attempts: Math.floor(attempts),
    baseDelayMs,
    maxDelayMs,
    methods: new Set(options.methods.map((method) => method.toUpperCase())),
    statuses: new Set(options.statuses),
  };
}

/** The exponential step of an attempt: the base doubled per attempt, capped. */
const stepOf = (policy: RetryPolicy, attempt: number) =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));

/** Exponential backoff with "equal jitter": half the step fixed, half random, so clients spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = stepOf(policy, attempt);
  return step / 2 + random() * (step / 2);
}

/** `Retry-After` in milliseconds (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^-?\d+$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retrying after `response`: the server's
 * `Retry-After` when it sent one — never less than the fixed half of this
 * attempt's backoff, so `Retry-After: 0` cannot make the retries a flood —
 * else backoff. Undefined means do not retry: the server asked for a longer
 * pause than the policy allows.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, response: Response): number | undefined {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  if (retryAfter === undefined) return backoffDelay(policy, attempt);
  return retryAfter <= policy.maxDelayMs ? Math.max(retryAfter, stepOf(policy, attempt) / 2) : undefined;
}

/** What one attempt came to: a final result, or an answer to retry after a pause. */
export type AttemptOutcome<T> = { result: T } | { retryAfterMs: number; after: string };

/** Told before each pause. */
export type OnRetry = (attempt: number, attempts: number, delayMs: number, after: string) => void;

/**
 * Runs `attempt` until it gives a result, a failure that is not transient
 * (network, timeout), or the policy's last try; pauses between tries as the
 * outcome or the backoff says. `attempt` learns whether it is the last, so it
 * can keep a final answer rather than ask for a retry.
 */
export async function withRetries<T>(
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  onRetry: OnRetry | undefined,
  attempt: (attemptNumber: number, last: boolean) => Promise<AttemptOutcome<T>>,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    const last = attemptNumber >= policy.attempts;
    let delayMs: number;
    let after: string;
    try {
      const outcome = await attempt(attemptNumber, last);
      if ('result' in outcome) return outcome.result;
      ({ retryAfterMs: delayMs, after } = outcome);
    } catch (error) {
      const transient = error instanceof LeafNetworkError || error instanceof LeafTimeoutError;
      if (last || !transient) throw error;
      delayMs = backoffDelay(policy, attemptNumber);
      after = error.name;
    }
    onRetry?.(attemptNumber, policy.attempts, delayMs, after);
    await sleep(delayMs, signal);
  }
}
