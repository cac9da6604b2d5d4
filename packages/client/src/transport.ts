/**
 * The `fetch` openapi-fetch calls: adds the bearer token when it comes from a
 * function, applies the per-attempt timeout, retries what may be retried, and
 * turns transport failures into typed errors. On the success path with a
 * string token it adds one function frame and no allocations.
 */
import { LeafError, LeafNetworkError, LeafTimeoutError } from './errors.js';
import { OPERATIONS } from './generated/operations.js';
import { backoffDelay, retryDelay, type RetryPolicy } from './retry.js';
import { deadlineSignal, sleep } from './timing.js';

export type FetchLike = (request: Request) => Promise<Response>;

/** A Leaf JWT, or a function returning the current one (called before every request). */
export type TokenSource = string | (() => string | Promise<string>);

/** Where the client reports what it does. `console` fits. Fields never hold secrets. */
export interface LeafLogger {
  /** Every response: operation, status, attempt, duration. */
  debug?(message: string, fields: Record<string, unknown>): void;
  /** A retry about to happen. */
  warn?(message: string, fields: Record<string, unknown>): void;
  /** A helper call that failed, with the error's redacted `toJSON()`. */
  error?(message: string, fields: Record<string, unknown>): void;
}

export interface TransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  token: TokenSource;
  retry: RetryPolicy | undefined;
  timeoutMs: number | undefined;
  logger: LeafLogger | undefined;
}

export interface Transport {
  fetch: FetchLike;
  /** Secret values the transport has handled (the bearer token), to scrub from errors. */
  secrets(): (string | undefined)[];
}

interface OperationMatcher {
  method: string;
  path: string;
  pattern: RegExp;
}

function operationMatchers(): OperationMatcher[] {
  return Object.values(OPERATIONS).map(({ method, path }) => ({
    method,
    path,
    // Escape everything but the `{param}` braces, then let each param match one segment.
    pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
}

export function createTransport(options: TransportOptions): Transport {
  const { fetch: send, token, retry, timeoutMs, logger } = options;
  const tokenProvider = typeof token === 'function' ? token : undefined;
  let currentToken = typeof token === 'string' ? token : undefined;
  const debug = logger?.debug?.bind(logger);
  const basePath = new URL(options.baseUrl, 'http://localhost').pathname.replace(/\/$/, '');
  let matchers: OperationMatcher[] | undefined;

  const secrets = () => [currentToken];

  /** `METHOD /path/{template}` for a request, for messages and logs (not on the success path). */
  function describe(request: Request): string {
    const pathname = new URL(request.url).pathname;
    const path = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
    matchers ??= operationMatchers();
    const match = matchers.find((matcher) => matcher.method === request.method && matcher.pattern.test(path));
    return `${request.method} ${match?.path ?? path}`;
  }

  function failure(request: Request, error: unknown): unknown {
    if (error instanceof LeafError) return error;
    // The caller aborted: hand back their reason, as fetch does.
    if (request.signal.aborted) return request.signal.reason;
    return new LeafNetworkError(describe(request), error, secrets());
  }

  async function sendWithTimeout(request: Request, ms: number): Promise<Response> {
    const deadline = deadlineSignal(ms, request.signal);
    try {
      return await send(new Request(request, { signal: deadline.signal }));
    } catch (error) {
      if (deadline.timedOut()) throw new LeafTimeoutError(describe(request), ms);
      throw error;
    } finally {
      deadline.dispose();
    }
  }

  async function attempt(request: Request, attemptNumber: number): Promise<Response> {
    const started = debug ? performance.now() : 0;
    let response: Response;
    try {
      response = await (timeoutMs === undefined ? send(request) : sendWithTimeout(request, timeoutMs));
    } catch (error) {
      throw failure(request, error);
    }
    if (debug) {
      const operation = describe(request);
      debug(`${operation} → ${response.status}`, {
        operation,
        status: response.status,
        attempt: attemptNumber,
        durationMs: Math.round(performance.now() - started),
        requestId: response.headers.get('x-request-id') ?? undefined,
      });
    }
    return response;
  }

  async function attemptWithRetries(request: Request, policy: RetryPolicy): Promise<Response> {
    for (let attemptNumber = 1; ; attemptNumber++) {
      const last = attemptNumber >= policy.attempts;
      // A body can be sent once: keep the original for the next attempt. Bodiless requests are reused as they are.
      const outgoing = last || request.body === null ? request : request.clone();
      let delayMs: number | undefined;
      let after: string;
      try {
        const response = await attempt(outgoing, attemptNumber);
        if (last || !policy.statuses.has(response.status)) return response;
        delayMs = retryDelay(policy, attemptNumber, response);
        if (delayMs === undefined) return response;
        after = `${response.status}`;
        // Free the connection; not awaited, since cancelling a tee'd (cloned) body waits for its twin.
        response.body?.cancel().catch(() => {});
      } catch (error) {
        const transient = error instanceof LeafNetworkError || error instanceof LeafTimeoutError;
        if (last || !transient) throw error;
        delayMs = backoffDelay(policy, attemptNumber);
        after = error.name;
      }
      if (logger?.warn) {
        const operation = describe(request);
        logger.warn(`${operation} retrying in ${Math.round(delayMs)} ms after ${after}`, {
          operation,
          attempt: attemptNumber,
          attempts: policy.attempts,
          delayMs: Math.round(delayMs),
          after,
        });
      }
      await sleep(delayMs, request.signal);
    }
  }

  function dispatch(request: Request): Promise<Response> {
    return retry?.methods.has(request.method) ? attemptWithRetries(request, retry) : attempt(request, 1);
  }

  async function authorizeThenDispatch(request: Request, provide: () => string | Promise<string>): Promise<Response> {
    currentToken = await provide();
    request.headers.set('Authorization', `Bearer ${currentToken}`);
    return dispatch(request);
  }

  // Not async itself: with a string token, no extra promise per call.
  const leafFetch: FetchLike = tokenProvider ? (request) => authorizeThenDispatch(request, tokenProvider) : dispatch;

  return { fetch: leafFetch, secrets };
}
