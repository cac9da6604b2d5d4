/**
 * What the client tells its logger: each response (debug), each retry (warn),
 * each failed helper call (error). Bodies and headers are never logged; the
 * failure is the error's redacted `toJSON()`.
 */
import { LeafError, requestIdOf } from './errors.js';
import type { LeafLogger } from './options.js';
import type { OnRetry } from './retry.js';

export interface Log {
  /** Set only when the logger takes debug: the caller skips the clock read without it. */
  response?(operation: string, response: Response, attempt: number, startedAt: number): void;
  retrying(operation: string): OnRetry | undefined;
  failed(error: unknown): void;
}

export function createLog(logger: LeafLogger | undefined): Log {
  const debug = logger?.debug?.bind(logger);
  const warn = logger?.warn?.bind(logger);
  return {
    response: debug
      ? (operation, response, attempt, startedAt) =>
          debug(`${operation} → ${response.status}`, {
            operation,
            status: response.status,
            attempt,
            durationMs: Math.round(performance.now() - startedAt),
            requestId: requestIdOf(response),
          })
      : undefined,
    retrying: (operation) =>
      warn &&
      ((attempt, attempts, delayMs, after) =>
        warn(`${operation} retrying in ${Math.round(delayMs)} ms after ${after}`, {
          operation,
          attempt,
          attempts,
          delayMs: Math.round(delayMs),
          after,
        })),
    failed(error) {
      if (error instanceof LeafError) logger?.error?.(error.message, error.toJSON());
    },
  };
}
