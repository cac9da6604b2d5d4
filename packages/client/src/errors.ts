/**
 * Every failure the client reports is a `LeafError`: one readable line naming
 * the operation, with secrets scrubbed from the message, the cause, `toJSON()`
 * and `util.inspect` output.
 */
import { redactError, redactValue, scrubText } from './redact.js';
import type { CredentialStatus, Problem } from './types.js';

// util.inspect looks this symbol up; using the registry key keeps the browser build free of node:util.
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

type Secrets = readonly (string | undefined)[];

/** The header a Leaf response names its request with, for support. */
const REQUEST_ID_HEADER = 'x-request-id';

/** The request id the server sent, to quote to Leaf support. */
export function requestIdOf(response: Response): string | undefined {
  return response.headers.get(REQUEST_ID_HEADER) ?? undefined;
}

/** Messages are one line: a server's title or an echoed body can hold line breaks that would split a log entry. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface InspectOptions {
  depth?: number | null;
}
type Inspect = (value: unknown, options?: InspectOptions) => string;

export abstract class LeafError extends Error {
  /** What failed: `METHOD /path/{template}`, or the helper's name. */
  declare readonly operation: string;

  protected constructor(operation: string, reason: string, cause: unknown, secrets: Secrets) {
    // Scrubbed before collapsing, so a secret with a line break in it is still found whole.
    super(oneLine(scrubText(`${operation} failed: ${reason}`, secrets)));
    this.operation = operation;
    if (cause !== undefined) {
      Object.defineProperty(this, 'cause', {
        value: cause instanceof Error ? redactError(cause, secrets) : redactValue(cause, secrets),
        writable: true,
        configurable: true,
      });
    }
  }

  /** Scrubs values only known after the error was made (a helper's request body). */
  redactSecrets(secrets: Secrets): this {
    // The message was collapsed to one line, so look for each secret collapsed too.
    const collapsed = secrets.map((secret) => secret && oneLine(secret));
    this.message = scrubText(this.message, [...secrets, ...collapsed]);
    if (this.stack !== undefined) this.stack = scrubText(this.stack, [...secrets, ...collapsed]);
    if (this.cause !== undefined) this.cause = redactValue(this.cause, secrets);
    return this;
  }

  /**
   * The subclass's own fields (`status`, `reason`, …), for `toJSON()` and `util.inspect`: read off
   * the instance (`message`, `stack` and `cause` are not enumerable), so no class lists them twice.
   */
  private details(): Record<string, unknown> {
    const { name: _name, operation: _operation, ...fields } = this as unknown as Record<string, unknown>;
    return fields;
  }

  toJSON(): Record<string, unknown> {
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : this.cause;
    return { name: this.name, message: this.message, operation: this.operation, ...this.details(), cause };
  }

  [INSPECT](_depth: number, options: InspectOptions, inspect: Inspect): string {
    const fields = { operation: this.operation, ...this.details(), cause: this.cause };
    return `${this.stack ?? `${this.name}: ${this.message}`} ${inspect(fields, options)}`;
  }
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).status === 'number' &&
    typeof (body as Problem).title === 'string'
  );
}

/** The API answered with a status outside 2xx. */
export class LeafApiError extends LeafError {
  override readonly name = 'LeafApiError';
  /** The HTTP status code. */
  declare readonly status: number;
  /** The problem+json body; made up from the status line when the body was not a problem. */
  declare readonly problem: Problem;
  /** The request id the server sent (`x-request-id`), to quote to Leaf support. */
  declare readonly requestId: string | undefined;

  constructor(operation: string, response: Response, body: unknown, secrets: Secrets) {
    const problem: Problem = isProblem(body)
      ? redactValue(body, secrets)
      : { type: 'about:blank', title: response.statusText || 'HTTP error', status: response.status };
    const detail = problem.detail ? ` — ${problem.detail}` : '';
    super(operation, `${response.status} ${problem.title}${detail}`, undefined, secrets);
    this.status = response.status;
    this.problem = problem;
    this.requestId = requestIdOf(response);
  }
}

/** A non-2xx answer read as text: a LeafApiError with its problem when the text is JSON. */
export function apiErrorOf(operation: string, response: Response, text: string, secrets: Secrets): LeafApiError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {}
  return new LeafApiError(operation, response, body, secrets);
}

/** Whether `error` is Leaf answering 404: no such credentials (or no such user). */
export function isNotFound(error: unknown): error is LeafApiError & { status: 404 } {
  return error instanceof LeafApiError && error.status === 404;
}

/** "fetch failed (connect ECONNREFUSED 127.0.0.1:1)": undici puts the useful part in the cause's cause. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? cause.cause.message : undefined;
  return inner ? `${cause.message} (${inner})` : cause.message;
}

/** The request never got a response: DNS, connection refused or reset, TLS, CORS. */
export class LeafNetworkError extends LeafError {
  override readonly name = 'LeafNetworkError';

  constructor(operation: string, cause: unknown, secrets: Secrets) {
    super(operation, `network error: ${describeCause(cause)}`, cause, secrets);
  }
}

/** No response within `timeoutMs`, or a wait did not finish before its deadline. */
export class LeafTimeoutError extends LeafError {
  override readonly name = 'LeafTimeoutError';
  /** The time allowed, in milliseconds. */
  declare readonly timeoutMs: number;
  /** For a wait: the last credential status seen before the deadline. */
  declare readonly lastStatus: CredentialStatus | undefined;

  constructor(operation: string, timeoutMs: number, lastStatus?: CredentialStatus) {
    const last = lastStatus ? ` (last status ${lastStatus})` : '';
    super(operation, `timed out after ${timeoutMs} ms${last}`, undefined, []);
    this.timeoutMs = timeoutMs;
    this.lastStatus = lastStatus;
  }
}

/**
 * V8 quotes a slice of the text it failed to parse (`Unexpected token 'x', "…" is
 * not valid JSON`); the slice can cut a secret in half, where no scrubbing finds it.
 */
function withoutJsonExcerpt(cause: unknown): unknown {
  if (!(cause instanceof SyntaxError)) return cause;
  return new SyntaxError(cause.message.replace(/,\s*(?:\.\.\.)?".*$/s, ''));
}

/** What a LeafAuthError says, by reason. */
const AUTH_FAILURES = {
  'invalid-token': () => 'the token is not a bearer token (RFC 6750: letters, digits, -._~+/ and = padding)',
  'token-function-failed': (cause: unknown) => `the token function failed: ${describeCause(cause)}`,
  'credentials-refused': (cause: unknown) =>
    `Leaf refused the username or password (${cause instanceof LeafApiError ? cause.status : 'no token'}); check both`,
  'invalid-options': () => 'give exactly one of `token` and `auth` (with a non-empty `username` and `password`)',
} as const;

/** The client could not authenticate: no usable token, or Leaf refused the username or password. Never quotes a secret. */
export class LeafAuthError extends LeafError {
  override readonly name = 'LeafAuthError';
  /**
   * `invalid-token`: not an RFC 6750 bearer token (the mock would refuse it, a header may not hold it);
   * `token-function-failed`: the token function threw; `credentials-refused`: authenticate
   * answered 401 or 403 (`cause` is that answer); `invalid-options`: not exactly one of
   * `token` and `auth`.
   */
  declare readonly reason: keyof typeof AUTH_FAILURES;

  constructor(operation: string, reason: LeafAuthError['reason'], cause?: unknown, secrets: Secrets = []) {
    super(operation, AUTH_FAILURES[reason](cause), cause, secrets);
    this.reason = reason;
  }
}

/** The request could not be made for a reason other than the network: a header or body fetch refused, say. */
export class LeafRequestError extends LeafError {
  override readonly name = 'LeafRequestError';

  constructor(operation: string, cause: unknown, secrets: Secrets) {
    super(operation, `could not make the request: ${describeCause(cause)}`, cause, secrets);
  }
}

/** A success response whose body is not the JSON the spec promises. */
export class LeafInvalidResponseError extends LeafError {
  override readonly name = 'LeafInvalidResponseError';
  declare readonly status: number;
  declare readonly requestId: string | undefined;

  constructor(operation: string, response: Response, cause: unknown, secrets: Secrets, what = 'is not valid JSON') {
    super(operation, `${response.status} response ${what}`, withoutJsonExcerpt(cause), secrets);
    this.status = response.status;
    this.requestId = requestIdOf(response);
  }
}

/** Credentials a wait gave up on: the provider refuses them and polling will not change that. */
export class LeafCredentialStatusError extends LeafError {
  override readonly name = 'LeafCredentialStatusError';
  declare readonly credentialStatus: CredentialStatus;

  constructor(operation: string, credentialStatus: CredentialStatus) {
    super(operation, `the credentials are ${credentialStatus}`, undefined, []);
    this.credentialStatus = credentialStatus;
  }
}
