/**
 * createLeafCredentialsClient: openapi-fetch's typed client (`raw`) plus
 * per-provider helpers that return the body or throw a `LeafError`.
 */
import createClient, { type Client } from 'openapi-fetch';
import { bearer, isValidToken } from './auth.js';
import { LeafApiError, LeafAuthError, LeafError, LeafInvalidResponseError, LeafRequestError } from './errors.js';
import { PRODUCTION_BASE_URL } from './generated/constants.js';
import { OPERATIONS } from './generated/operations.js';
import type { paths } from './generated/schema.js';
import { secretsIn } from './redact.js';
import { resolveRetryPolicy, type RetryOptions } from './retry.js';
import { AttemptDeadline, anySignal, checkMs } from './timing.js';
import { createTransport, type FetchLike, type LeafLogger, type TokenSource } from './transport.js';
import type { OperationId, RequestBody, ResponseBody } from './types.js';
import { withWaitUntilHealthy, type WaitUntilHealthy } from './wait.js';

export interface LeafCredentialsClientOptions {
  /** Where the API lives. Default: Leaf's production server, from the spec. */
  baseUrl?: string;
  /** A Leaf JWT, or a (possibly async) function returning the current one: it is called before every request. */
  token: TokenSource;
  /** The fetch to send requests with. Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Retry policy for transient failures, or `false` for none. Default: GET and DELETE, 3 attempts. */
  retry?: RetryOptions | false;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Receives debug, retry and failure reports, with secrets redacted. */
  logger?: LeafLogger;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** Gives up on an attempt whose response (headers and body) has not arrived after this many milliseconds. */
  timeoutMs?: number;
}

/** Per-call options of every helper. */
export interface CallOptions {
  /** Aborts this call; combined with the client's signal. */
  signal?: AbortSignal;
  /** Headers for this call only. */
  headers?: Record<string, string>;
}

/** A helper for one operation: `(leafUserId, body?, options?)` resolving to the success body. */
export type OperationHelper<Id extends OperationId> = [RequestBody<Id>] extends [never]
  ? (leafUserId: string, options?: CallOptions) => Promise<ResponseBody<Id>>
  : (leafUserId: string, body: RequestBody<Id>, options?: CallOptions) => Promise<ResponseBody<Id>>;

type OperationTable = Readonly<Record<string, OperationId>>;
type ProviderHelpers<Table extends OperationTable> = { readonly [Name in keyof Table]: OperationHelper<Table[Name]> };

/** Which operation each helper calls, per provider: the helpers are built from this table. */
export const PROVIDER_OPERATIONS = {
  trimble: {
    get: 'getTrimbleCredentials',
    create: 'createTrimbleCredentials',
    delete: 'deleteTrimbleCredentials',
    events: 'getTrimbleCredentialEvents',
  },
  climateFieldView: {
    get: 'getClimateFieldViewCredentials',
    create: 'createClimateFieldViewCredentials',
    delete: 'deleteClimateFieldViewCredentials',
    status: 'getClimateFieldViewCredentialStatus',
    events: 'getClimateFieldViewCredentialEvents',
  },
} as const satisfies Record<string, OperationTable>;

/** A provider's helpers: one per operation, plus `waitUntilHealthy` polling its `get`. */
type ProviderClient<Table extends OperationTable & { get: OperationId }> = ProviderHelpers<Table> &
  WaitUntilHealthy<ResponseBody<Table['get']>>;

export type TrimbleHelpers = ProviderClient<typeof PROVIDER_OPERATIONS.trimble>;
export type ClimateFieldViewHelpers = ProviderClient<typeof PROVIDER_OPERATIONS.climateFieldView>;

export interface LeafCredentialsClient {
  trimble: TrimbleHelpers;
  climateFieldView: ClimateFieldViewHelpers;
  /**
   * openapi-fetch's typed client: `GET`/`POST`/`DELETE` resolving to
   * `{ data, error, response }`; it throws only `LeafError`s (and the
   * caller's abort reason).
   */
  raw: Client<paths>;
}

type RawResult = { data?: unknown; error?: unknown; response: Response };
type RawInit = Record<string, unknown> & { body?: unknown; signal?: AbortSignal; parseAs?: string };
type RawCall = (path: string, init?: RawInit) => Promise<RawResult>;

/** The methods of openapi-fetch's client that send a request, each `(path, init)`. */
const RAW_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

const CREATE = 'createLeafCredentialsClient';

export function createLeafCredentialsClient(options: LeafCredentialsClientOptions): LeafCredentialsClient {
  const { baseUrl = PRODUCTION_BASE_URL, token, logger, signal: clientSignal } = options;
  // Checked here, not at the first request: Headers would throw a TypeError quoting the token.
  if (typeof token !== 'function' && !isValidToken(token)) throw new LeafAuthError(CREATE, 'invalid-token');
  const timeoutMs = options.timeoutMs === undefined ? undefined : checkMs('timeoutMs', options.timeoutMs, 1);
  const transport = createTransport({
    baseUrl,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    token,
    retry: resolveRetryPolicy(options.retry),
    logger,
  });
  // A string token goes into the headers openapi-fetch merges anyway; a function token is applied by the transport.
  const headers = typeof token === 'string' ? { ...options.headers, Authorization: bearer(token) } : options.headers;
  const openapi = createClient<paths>({ baseUrl, fetch: transport.fetch, headers });
  const methods = openapi as unknown as Record<string, RawCall>;

  /** The secrets to scrub from an error about a request with this body. Only called on failure. */
  const secretsOf = (body: unknown) => [...transport.secrets(), ...secretsIn(body)];

  /** With timeoutMs, a call's init carries the deadline's signal (the caller's within it) and a fetch that runs the deadline. */
  function withDeadline(init: RawInit, deadline: AttemptDeadline | undefined): RawInit {
    if (deadline) {
      init.signal = deadline.signal;
      init.fetch = (request: Request) => transport.fetch(request, deadline);
    }
    return init;
  }

  /**
   * Any failure of a call as a redacted LeafError; the caller's own abort
   * reason is handed back as it is, as fetch does.
   */
  function asLeafError(operation: string, error: unknown, body: unknown, signal: AbortSignal | undefined): unknown {
    if (signal?.aborted && error === signal.reason) return error;
    const leafError = error instanceof LeafError ? error : new LeafRequestError(operation, error, transport.secrets());
    // The transport never sees the body as an object, so its errors learn the body's secrets here.
    return leafError.redactSecrets(secretsIn(body));
  }

  function fail(operation: string, error: unknown, body: unknown, signal: AbortSignal | undefined): unknown {
    const failure = asLeafError(operation, error, body, signal);
    if (failure instanceof LeafError) logger?.error?.(failure.message, failure.toJSON());
    return failure;
  }

  const deadlineFor = (operation: string, signal: AbortSignal | undefined) =>
    timeoutMs === undefined ? undefined : new AttemptDeadline(operation, timeoutMs, signal);

  /**
   * One request through openapi-fetch's `call` with the call's signal and deadline: what `raw`
   * and the helpers share. A failure comes out as a redacted LeafError; helpers (`log`) also
   * report it to the logger.
   */
  async function send(
    call: RawCall,
    operation: string,
    path: string,
    init: RawInit,
    signal: AbortSignal | undefined,
    log: boolean,
  ): Promise<RawResult> {
    const deadline = deadlineFor(operation, signal);
    // `init` is the caller's own fresh object: set the signal on it rather than copy it again.
    init.signal = signal;
    try {
      return await call(path, withDeadline(init, deadline));
    } catch (error) {
      throw log ? fail(operation, error, init.body, signal) : asLeafError(operation, error, init.body, signal);
    } finally {
      deadline?.stop();
    }
  }

  /** A JSON body read as text (openapi-fetch's parse error would quote the body and lose the status). */
  function parseJson(operation: string, response: Response, text: string, body: unknown): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new LeafInvalidResponseError(operation, response, error, secretsOf(body));
    }
  }

  /** A call through openapi-fetch's `call`, except that JSON parse failures and every other error come out as LeafErrors. */
  async function rawCall(call: RawCall, method: string, path: string, init: RawInit = {}): Promise<RawResult> {
    const operation = `${method} ${path}`;
    const json = (init.parseAs ?? 'json') === 'json';
    const signal = anySignal(clientSignal, init.signal);
    const result = await send(call, operation, path, { ...init, parseAs: json ? 'text' : init.parseAs }, signal, false);
    if (!json || typeof result.data !== 'string') return result;
    // As openapi-fetch does: an empty body is no data.
    result.data = result.data ? parseJson(operation, result.response, result.data, init.body) : undefined;
    return result;
  }

  const raw: Record<string, unknown> = { ...openapi };
  for (const method of RAW_METHODS) raw[method] = (path: string, init?: RawInit) => rawCall(methods[method]!, method, path, init);
  raw.request = (method: string, path: string, init?: RawInit) =>
    rawCall((p, i) => openapi.request(method as never, p as never, i as never), method.toUpperCase(), path, init);

  function helperFor(id: OperationId) {
    const { method, path, requestBody, responseBody } = OPERATIONS[id];
    const operation = `${method} ${path}`;
    const call = methods[method]!;

    async function sendHelper(leafUserId: string, body: unknown, callOptions: CallOptions | undefined): Promise<unknown> {
      const signal = anySignal(clientSignal, callOptions?.signal);
      // parseAs text: the helper parses, so invalid JSON becomes a typed error that knows the status.
      const init: RawInit = { params: { path: { leafUserId } }, body, parseAs: 'text', headers: callOptions?.headers };
      const { response, data, error } = await send(call, operation, path, init, signal, true);
      if (!response.ok) throw fail(operation, new LeafApiError(operation, response, error, secretsOf(body)), body, signal);
      if (!responseBody) return undefined;
      try {
        return parseJson(operation, response, data as string, body);
      } catch (invalid) {
        throw fail(operation, invalid, body, signal);
      }
    }

    return requestBody
      ? (leafUserId: string, body: unknown, callOptions?: CallOptions) => sendHelper(leafUserId, body, callOptions)
      : (leafUserId: string, callOptions?: CallOptions) => sendHelper(leafUserId, undefined, callOptions);
  }

  function providerHelpers<Table extends OperationTable>(table: Table): ProviderHelpers<Table> {
    const helpers: Record<string, unknown> = {};
    for (const [name, id] of Object.entries(table)) helpers[name] = helperFor(id);
    return helpers as ProviderHelpers<Table>;
  }

  const trimble = withWaitUntilHealthy('trimble', providerHelpers(PROVIDER_OPERATIONS.trimble));
  const climateFieldView = withWaitUntilHealthy('climateFieldView', providerHelpers(PROVIDER_OPERATIONS.climateFieldView));
  return { trimble, climateFieldView, raw: raw as unknown as Client<paths> };
}
