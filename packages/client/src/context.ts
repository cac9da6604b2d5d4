/**
 * What the client shares with its parts (each provider's and resource's
 * helpers, `raw`): where and how to send, and the two rules every call ends
 * with — any failure becomes a redacted `LeafError`, and a success body is
 * parsed and checked against its operation's generated response check.
 */
import { LeafError, LeafInvalidResponseError, LeafRequestError } from './errors.js';
import type { Log } from './logging.js';
import type { Pipeline } from './pipeline.js';
import { secretsIn } from './redact.js';
import { checkedResponse, type ResponseCheck } from './response-checks.js';
import type { TokenSource } from './token-source.js';

export interface ClientContext {
  baseUrl: string;
  /** Headers of every request (with a string token, its Authorization). */
  headers: Record<string, string> | undefined;
  pipeline: Pipeline;
  clientSignal: AbortSignal | undefined;
  /** Runs one call, turning any failure into a redacted LeafError; `log` also reports it to the logger. */
  guard<T>(
    operation: string,
    signal: AbortSignal | undefined,
    body: unknown,
    log: boolean,
    call: () => Promise<T>,
  ): Promise<T>;
  /** A success body read as text: parsed, and checked against its operation's generated response check. */
  successBody(
    operation: string,
    check: ResponseCheck | undefined,
    response: Response,
    text: string,
    body: unknown,
  ): unknown;
  /** The secrets to scrub from an error about a request with this body. Only called on failure. */
  secretsOf(body: unknown): string[];
}

export interface ContextOptions {
  baseUrl: string;
  headers: Record<string, string> | undefined;
  pipeline: Pipeline;
  clientSignal: AbortSignal | undefined;
  tokens: TokenSource;
  log: Log;
}

export function createContext({ tokens, log, ...shared }: ContextOptions): ClientContext {
  const secretsOf = (body: unknown) => [...tokens.secrets(), ...secretsIn(body)];

  /** Any failure of a call as a redacted LeafError; the caller's own abort reason is handed back as it is, as fetch does. */
  function asLeafError(operation: string, error: unknown, body: unknown, signal: AbortSignal | undefined): unknown {
    if (signal?.aborted && error === signal.reason) return error;
    const leafError = error instanceof LeafError ? error : new LeafRequestError(operation, error, tokens.secrets());
    // The pipeline never sees the body as an object, so its errors learn the body's secrets here.
    return leafError.redactSecrets(secretsIn(body));
  }

  return {
    ...shared,
    secretsOf,
    async guard(operation, signal, body, logFailure, call) {
      try {
        return await call();
      } catch (error) {
        const failure = asLeafError(operation, error, body, signal);
        if (logFailure) log.failed(failure);
        throw failure;
      }
    },
    successBody(operation, check, response, text, body) {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        throw new LeafInvalidResponseError(operation, response, error, secretsOf(body));
      }
      return checkedResponse(operation, check, response, data, secretsOf(body));
    },
  };
}
