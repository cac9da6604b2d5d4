/**
 * The `fetch` openapi-fetch calls: adds the bearer token when it comes from a
 * function or a sign-in, runs the per-attempt deadline, retries what may be
 * retried, signs in again once after a 401, and turns transport failures into
 * typed errors. On the success path with a string token and no timeout it adds
 * one function frame and no allocations.
 */
import type { Middleware } from 'openapi-fetch';
import { bearer, IssuedTokens, isValidToken } from './auth.js';
import {
  LeafAuthError,
  LeafError,
  LeafNetworkError,
  LeafRequestError,
  LeafTimeoutError,
  requestIdOf,
} from './errors.js';
import { OWN_SERVER_PATHS } from './generated/constants.js';
import type { FetchLike, LeafLogger, TokenSource } from './options.js';
import { backoffDelay, type RetryPolicy, retryDelay } from './retry.js';
import type { TokenSession } from './session.js';
import { type AttemptDeadline, sleep } from './timing.js';

export interface TransportOptions {
  baseUrl: string;
  fetch: FetchLike;
  /** A token, a token function, or a sign-in session. */
  token: TokenSource | TokenSession;
  retry: RetryPolicy | undefined;
  logger: LeafLogger | undefined;
  /** Secrets the client holds from the start (the password), to scrub from errors. */
  secrets?: readonly string[];
}

export interface Transport {
  /**
   * Sends `request`; with a deadline (the call's, whose signal the request
   * carries) each attempt gets its time. openapi-fetch passes a second
   * argument only with `requestInitExt`, which the client never sets.
   */
  fetch(request: Request, deadline?: AttemptDeadline): Promise<Response>;
  /** Tells the transport which operation `request` is (for messages and logs); returns it. */
  named(request: Request, operation: string): Request;
  /** Sends `request` as `operation` without a bearer token (authenticate): deadline, retries, logging, typed errors. */
  fetchUnauthorized(request: Request, operation: string, deadline?: AttemptDeadline): Promise<Response>;
  /**
   * Tells the transport which operation each request is, from the schema path openapi-fetch
   * hands its middleware; refuses path parameters that would change the request's target; and
   * sends an operation with its own server (authenticate) there.
   */
  middleware: Middleware;
  /** Secret values the transport has handled (the bearer tokens, the password), to scrub from errors. */
  secrets(): string[];
}

/** Path parameter values the URL parser would resolve away (`.`, `..`) or that empty a segment. */
const TARGET_CHANGING_VALUES: ReadonlySet<string> = new Set(['', '.', '..']);

/** The path parameter whose value would change the request's target, if any. */
function targetChangingParameter(pathParams: Record<string, unknown> | undefined): string | undefined {
  for (const [name, value] of Object.entries(pathParams ?? {})) {
    if (TARGET_CHANGING_VALUES.has(String(value))) return name;
  }
  return undefined;
}

/** A LeafRequestError naming a path parameter and what was wrong with its value. */
export function badPathParameter(operation: string, name: string, problem: string): LeafRequestError {
  return new LeafRequestError(operation, new Error(`path parameter ${name} ${problem}`), []);
}

export function createTransport(options: TransportOptions): Transport {
  const { fetch: send, token, retry, logger } = options;
  const issuedTokens = new IssuedTokens();
  if (typeof token === 'string') issuedTokens.remember(token);
  const debug = logger?.debug?.bind(logger);
  const basePath = new URL(options.baseUrl, 'http://localhost').pathname.replace(/\/$/, '');
  /** `METHOD /path/{template}` of each request openapi-fetch made, told by the middleware. */
  const operations = new WeakMap<Request, string>();
  const knownSecrets = options.secrets ?? [];

  const secrets = () => [...knownSecrets, ...issuedTokens.list()];

  /** Remembers which operation `request` is. */
  const named = (request: Request, operation: string) => {
    operations.set(request, operation);
    return request;
  };

  /** `METHOD /path/{template}` for a request, for messages and logs. */
  function describe(request: Request): string {
    return operations.get(request) ?? `${request.method} ${new URL(request.url).pathname}`;
  }

  const middleware: Middleware = {
    onRequest({ request, schemaPath, params }) {
      const operation = `${request.method} ${schemaPath}`;
      const bad = targetChangingParameter(params.path as Record<string, unknown> | undefined);
      if (bad !== undefined)
        throw badPathParameter(operation, bad, `must not be empty, "." or ".." (it would change the request's target)`);
      const ownServer = OWN_SERVER_PATHS[schemaPath];
      let outgoing = request;
      const url = ownServer === undefined ? undefined : new URL(request.url);
      // Already there when the call gave its own baseUrl under that path.
      if (url && !url.pathname.startsWith(`${ownServer}/`)) {
        url.pathname = ownServer + url.pathname.slice(basePath.length);
        outgoing = new Request(url, request);
      }
      return named(outgoing, operation);
    },
  };

  function failure(request: Request, operation: string, error: unknown): unknown {
    if (error instanceof LeafError) return error;
    // The caller aborted, or the deadline did (its reason is a LeafTimeoutError): hand back the reason, as fetch does.
    if (request.signal.aborted) return request.signal.reason;
    return new LeafNetworkError(operation, error, secrets());
  }

  async function attempt(
    request: Request,
    operation: string,
    attemptNumber: number,
    deadline: AttemptDeadline | undefined,
  ): Promise<Response> {
    const started = debug ? performance.now() : 0;
    let response: Response;
    deadline?.start();
    try {
      response = await send(request);
    } catch (error) {
      throw failure(request, operation, error);
    }
    debug?.(`${operation} → ${response.status}`, {
      operation,
      status: response.status,
      attempt: attemptNumber,
      durationMs: Math.round(performance.now() - started),
      requestId: requestIdOf(response),
    });
    return response;
  }

  async function attemptWithRetries(
    first: Request,
    operation: string,
    policy: RetryPolicy,
    deadline: AttemptDeadline | undefined,
  ): Promise<Response> {
    let request = first;
    for (let attemptNumber = 1; ; attemptNumber++) {
      const last = attemptNumber >= policy.attempts;
      // A body can be sent once: keep the original for the next attempt. Bodiless requests are reused as they are.
      const outgoing = last || request.body === null ? request : request.clone();
      let delayMs: number | undefined;
      let after: string;
      try {
        const response = await attempt(outgoing, operation, attemptNumber, deadline);
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
      logger?.warn?.(`${operation} retrying in ${Math.round(delayMs)} ms after ${after}`, {
        operation,
        attempt: attemptNumber,
        attempts: policy.attempts,
        delayMs: Math.round(delayMs),
        after,
      });
      await sleep(delayMs, request.signal);
    }
  }

  function dispatchAs(request: Request, operation: string, deadline?: AttemptDeadline): Promise<Response> {
    return retry?.methods.has(request.method)
      ? attemptWithRetries(request, operation, retry, deadline)
      : attempt(request, operation, 1, deadline);
  }

  const dispatch = (request: Request, deadline?: AttemptDeadline) => dispatchAs(request, describe(request), deadline);

  /** The token from a function, checked: Headers.set would throw a TypeError quoting the whole token. */
  async function tokenFrom(provide: () => string | Promise<string>, operation: string): Promise<string> {
    let value: unknown;
    try {
      value = await provide();
    } catch (error) {
      throw new LeafAuthError(operation, 'token-function-failed', error, secrets());
    }
    if (!isValidToken(value)) throw new LeafAuthError(operation, 'invalid-token');
    return value;
  }

  function authorize(request: Request, value: string): Request {
    issuedTokens.remember(value);
    request.headers.set('Authorization', bearer(value));
    return request;
  }

  async function authorizeThenDispatch(
    request: Request,
    deadline: AttemptDeadline | undefined,
    provide: () => string | Promise<string>,
  ) {
    return dispatch(authorize(request, await tokenFrom(provide, describe(request))), deadline);
  }

  /** With a sign-in: the kept token, and after a 401 one fresh sign-in and one more try of this request. */
  async function signInThenDispatch(request: Request, deadline: AttemptDeadline | undefined, session: TokenSession) {
    const operation = describe(request);
    // A body can be sent once: keep a copy for the retry after a 401.
    const spare = request.body === null ? request : request.clone();
    const used = await session.token(request.signal);
    const response = await dispatchAs(authorize(request, used), operation, deadline);
    if (response.status !== 401) return response;
    session.refused(used);
    deadline?.stop();
    const fresh = await session.token(request.signal);
    response.body?.cancel().catch(() => {});
    return dispatchAs(authorize(spare, fresh), operation, deadline);
  }

  // Not async itself: with a string token, no extra promise per call.
  const leafFetch =
    typeof token === 'string'
      ? dispatch
      : typeof token === 'function'
        ? (request: Request, deadline?: AttemptDeadline) => authorizeThenDispatch(request, deadline, token)
        : (request: Request, deadline?: AttemptDeadline) => signInThenDispatch(request, deadline, token);

  return { fetch: leafFetch, named, fetchUnauthorized: dispatchAs, middleware, secrets };
}
