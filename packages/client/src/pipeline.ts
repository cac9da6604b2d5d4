/**
 * The one request path of helpers, `raw` and the sign-in: the token, then each
 * attempt — send, and read the whole body — within its deadline, retried by
 * the policy, and once more after a 401 with a fresh sign-in. Failures before
 * the headers and while reading the body are alike: the caller's abort reason,
 * a LeafTimeoutError, or a LeafNetworkError. With a string token it adds no
 * await of its own before the request leaves.
 */
import { LeafError, LeafNetworkError } from './errors.js';
import type { Log } from './logging.js';
import type { FetchLike } from './options.js';
import { type AttemptOutcome, type RetryPolicy, retryDelay, withRetries } from './retry.js';
import { AttemptDeadline, ignore } from './timing.js';
import type { TokenSource } from './token-source.js';

/** A response and its body, read within the attempt's deadline. */
interface Exchange<Body> {
  response: Response;
  body: Body;
}

export type ReadBody<Body> = (response: Response) => Promise<Body>;

export const readText: ReadBody<string> = (response) => response.text();

export interface PipelineOptions {
  fetch: FetchLike;
  tokens: TokenSource;
  retry: RetryPolicy | undefined;
  timeoutMs: number;
  log: Log;
}

export interface Pipeline {
  /** Sends `request` as `operation` with the client's token, and reads its body with `read`. */
  send<Body>(request: Request, operation: string, read: ReadBody<Body>): Promise<Exchange<Body>>;
  /** The same without a token (authenticate). */
  sendUnauthorized<Body>(request: Request, operation: string, read: ReadBody<Body>): Promise<Exchange<Body>>;
}

/** Frees a connection whose answer will not be read; not awaited, since cancelling a tee'd (cloned) body waits for its twin. */
const discard = (response: Response) => void response.body?.cancel().catch(ignore);

export function createPipeline({ fetch: send, tokens, retry, timeoutMs, log }: PipelineOptions): Pipeline {
  /** Any failure of an attempt as what the caller gets: its own abort reason, a timeout, or a network error. */
  function failure(request: Request, operation: string, error: unknown): unknown {
    if (error instanceof LeafError) return error;
    // The caller aborted: hand back the reason, as fetch does.
    if (request.signal.aborted) return request.signal.reason;
    return new LeafNetworkError(operation, error, tokens.secrets());
  }

  /**
   * One attempt: send, then — unless `retryAfter` says to try again — read the body, all
   * within the deadline. A late answer to an attempt given up on has its body cancelled.
   */
  async function attempt<Body>(
    request: Request,
    operation: string,
    read: ReadBody<Body>,
    attemptNumber: number,
    retryAfter: ((response: Response) => number | undefined) | undefined,
  ): Promise<AttemptOutcome<Exchange<Body>>> {
    const startedAt = log.response ? performance.now() : 0;
    const deadline = new AttemptDeadline(operation, timeoutMs);
    const sent = send(request);
    let response: Response | undefined;
    try {
      response = await deadline.within(sent);
      log.response?.(operation, response, attemptNumber, startedAt);
      const delayMs = retryAfter?.(response);
      if (delayMs !== undefined) {
        discard(response);
        return { retryAfterMs: delayMs, after: String(response.status) };
      }
      return { result: { response, body: await deadline.within(read(response)) } };
    } catch (error) {
      if (deadline.expired) {
        if (response) discard(response);
        else sent.then(discard, ignore);
      }
      throw failure(request, operation, error);
    } finally {
      deadline.stop();
    }
  }

  function attempts<Body>(first: Request, operation: string, read: ReadBody<Body>): Promise<Exchange<Body>> {
    const policy = retry;
    if (!policy?.methods.has(first.method)) return attempt(first, operation, read, 1, undefined).then(resultOf);
    return withRetries(policy, first.signal, log.retrying(operation), (attemptNumber, last) => {
      // A body can be sent once: keep the original for the next attempt. Bodiless requests are reused as they are.
      const outgoing = last || first.body === null ? first : first.clone();
      const retryAfter = last
        ? undefined
        : (response: Response) =>
            policy.statuses.has(response.status) ? retryDelay(policy, attemptNumber, response) : undefined;
      return attempt(outgoing, operation, read, attemptNumber, retryAfter);
    });
  }

  /** With a token from a function or a sign-in: the token first, and after a 401 (a sign-in) one fresh token and one more try. */
  async function authorized<Body>(
    request: Request,
    operation: string,
    read: ReadBody<Body>,
    authorize: NonNullable<TokenSource['authorize']>,
  ): Promise<Exchange<Body>> {
    // A body can be sent once: keep a copy for the try after a 401.
    const spare = tokens.refused && request.body !== null ? request.clone() : request;
    const used = await authorize(request, operation);
    const exchange = await attempts(request, operation, read);
    if (exchange.response.status !== 401 || !tokens.refused?.(used)) return exchange;
    await authorize(spare, operation);
    return attempts(spare, operation, read);
  }

  const { authorize } = tokens;
  return {
    send: authorize
      ? (request, operation, read) => authorized(request, operation, read, authorize)
      : (request, operation, read) => attempts(request, operation, read),
    sendUnauthorized: (request, operation, read) => attempts(request, operation, read),
  };
}

function resultOf<T>(outcome: AttemptOutcome<T>): T {
  // Without a retry policy an attempt never asks for another.
  return (outcome as { result: T }).result;
}
