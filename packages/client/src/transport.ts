/**
 * The `fetch` openapi-fetch calls: adds the bearer token when it comes from a
 * function, runs the per-attempt deadline, retries what may be retried, and
 * turns transport failures into typed errors. On the success path with a
 * string token and no timeout it adds one function frame and no allocations.
 */
import { bearer, IssuedTokens, isValidToken } from './auth.js';
import { LeafAuthError, LeafError, LeafNetworkError, LeafTimeoutError, requestIdOf } from './errors.js';
import { OPERATIONS } from './generated/operations.js';
import { backoffDelay, retryDelay, type RetryPolicy } from './retry.js';
import { sleep, type AttemptDeadline } from './timing.js';

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
  logger: LeafLogger | undefined;
}

export interface Transport {
  /**
   * Sends `request`; with a deadline (the call's, whose signal the request
   * carries) each attempt gets its time. openapi-fetch passes a second
   * argument only with `requestInitExt`, which the client never sets.
   */
  fetch(request: Request, deadline?: AttemptDeadline): Promise<Response>;
  /** Secret values the transport has handled (the bearer tokens), to scrub from errors. */
  secrets(): string[];
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
  const { fetch: send, token, retry, logger } = options;
  const tokenProvider = typeof token === 'function' ? token : undefined;
  const issuedTokens = new IssuedTokens();
  if (typeof token === 'string') issuedTokens.remember(token);
  const debug = logger?.debug?.bind(logger);
  const basePath = new URL(options.baseUrl, 'http://localhost').pathname.replace(/\/$/, '');
  let matchers: OperationMatcher[] | undefined;

  const secrets = () => issuedTokens.list();

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
    // The caller aborted, or the deadline did (its reason is a LeafTimeoutError): hand back the reason, as fetch does.
    if (request.signal.aborted) return request.signal.reason;
    return new LeafNetworkError(describe(request), error, secrets());
  }

  async function attempt(request: Request, attemptNumber: number, deadline: AttemptDeadline | undefined): Promise<Response> {
    const started = debug ? performance.now() : 0;
    let response: Response;
    deadline?.start();
    try {
      response = await send(request);
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
        requestId: requestIdOf(response),
      });
    }
    return response;
  }

  async function attemptWithRetries(first: Request, policy: RetryPolicy, deadline: AttemptDeadline | undefined): Promise<Response> {
    let request = first;
    for (let attemptNumber = 1; ; attemptNumber++) {
      const last = attemptNumber >= policy.attempts;
      // A body can be sent once: keep the original for the next attempt. Bodiless requests are reused as they are.
      const outgoing = last || request.body === null ? request : request.clone();
      let delayMs: number | undefined;
      let after: string;
      try {
        const response = await attempt(outgoing, attemptNumber, deadline);
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
      // The pause is no attempt's time. An expired deadline aborted the request's signal: the next attempt needs a fresh one.
      deadline?.stop();
      if (deadline?.expired) request = new Request(request, { signal: deadline.renew() });
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

  function dispatch(request: Request, deadline?: AttemptDeadline): Promise<Response> {
    return retry?.methods.has(request.method) ? attemptWithRetries(request, retry, deadline) : attempt(request, 1, deadline);
  }

  async function authorizeThenDispatch(
    request: Request,
    deadline: AttemptDeadline | undefined,
    provide: () => string | Promise<string>,
  ): Promise<Response> {
    let token: unknown;
    try {
      token = await provide();
    } catch (error) {
      throw new LeafAuthError(describe(request), 'token-function-failed', error, secrets());
    }
    // Headers.set would throw a TypeError quoting the whole token.
    if (!isValidToken(token)) throw new LeafAuthError(describe(request), 'invalid-token');
    issuedTokens.remember(token);
    request.headers.set('Authorization', bearer(token));
    return dispatch(request, deadline);
  }

  // Not async itself: with a string token, no extra promise per call.
  const leafFetch = tokenProvider
    ? (request: Request, deadline?: AttemptDeadline) => authorizeThenDispatch(request, deadline, tokenProvider)
    : dispatch;

  return { fetch: leafFetch, secrets };
}
