/**
 * When and how long to wait before trying a request again. Only requests that
 * are safe to repeat are retried unless the caller opts in.
 */
import type { RetryOptions } from './options.js';
import { checkMs } from './timing.js';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  methods: ReadonlySet<string>;
  statuses: ReadonlySet<number>;
}

export const DEFAULT_RETRY = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  methods: ['GET', 'DELETE'],
  statuses: [429, 502, 503, 504],
} as const satisfies Required<RetryOptions>;

/**
 * The policy for `options.retry`: undefined (defaults), `false` (none), or
 * overrides. Throws a RangeError for numbers that would retry forever (NaN,
 * Infinity) or never pause as asked.
 */
export function resolveRetryPolicy(retry: RetryOptions | boolean | undefined): RetryPolicy | undefined {
  if (retry === false) return undefined;
  const options = { ...DEFAULT_RETRY, ...(typeof retry === 'object' ? retry : {}) };
  const { attempts } = options;
  if (typeof attempts !== 'number' || !Number.isFinite(attempts) || attempts < 1) {
    throw new RangeError(`retry.attempts must be a finite number of tries, at least 1, not ${String(attempts)}`);
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

/** Exponential backoff with "equal jitter": half the step fixed, half random, so clients spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return step / 2 + random() * (step / 2);
}

/** `Retry-After` in milliseconds (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retrying after `response`: the server's
 * `Retry-After` when it sent one, else backoff. Undefined means do not retry:
 * the server asked for a longer pause than the policy allows.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, response: Response): number | undefined {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  if (retryAfter === undefined) return backoffDelay(policy, attempt);
  return retryAfter <= policy.maxDelayMs ? retryAfter : undefined;
}
