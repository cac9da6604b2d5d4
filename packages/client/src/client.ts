/**
 * createLeafCredentialsClient: openapi-fetch's typed client (`raw`) plus
 * per-provider helpers that return the body or throw a `LeafError`.
 */
import createClient, { type Client } from 'openapi-fetch';
import { LeafApiError, LeafError, LeafInvalidResponseError } from './errors.js';
import { PRODUCTION_BASE_URL } from './generated/constants.js';
import { OPERATIONS } from './generated/operations.js';
import type { paths } from './generated/schema.js';
import { secretsIn } from './redact.js';
import { resolveRetryPolicy, type RetryOptions } from './retry.js';
import { createTransport, type FetchLike, type LeafLogger, type TokenSource } from './transport.js';
import type { CredentialStatusReport, OperationId, RequestBody, ResponseBody } from './types.js';
import { pollUntilHealthy, type WaitUntilHealthyOptions } from './wait.js';

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
  /** Gives up on an attempt with no response headers after this many milliseconds. */
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

export type TrimbleHelpers = ProviderHelpers<typeof PROVIDER_OPERATIONS.trimble>;

export interface ClimateFieldViewHelpers extends ProviderHelpers<typeof PROVIDER_OPERATIONS.climateFieldView> {
  /**
   * Polls `status` with backoff until it is `OK`. Rejects with a
   * `LeafCredentialStatusError` on `UNAUTHENTICATED` or `MISSING_PERMISSION`,
   * a `LeafTimeoutError` at the deadline, or the signal's reason on abort.
   */
  waitUntilHealthy(leafUserId: string, options?: WaitUntilHealthyOptions): Promise<CredentialStatusReport>;
}

export interface LeafCredentialsClient {
  trimble: TrimbleHelpers;
  climateFieldView: ClimateFieldViewHelpers;
  /** openapi-fetch's typed client: `GET`/`POST`/`DELETE` resolving to `{ data, error, response }`. */
  raw: Client<paths>;
}

type RawResult = { data?: unknown; error?: unknown; response: Response };
type RawCall = (path: string, init: Record<string, unknown>) => Promise<RawResult>;

function combineSignals(client: AbortSignal | undefined, call: AbortSignal | undefined): AbortSignal | undefined {
  return client && call ? AbortSignal.any([client, call]) : (call ?? client);
}

export function createLeafCredentialsClient(options: LeafCredentialsClientOptions): LeafCredentialsClient {
  const { baseUrl = PRODUCTION_BASE_URL, token, logger, signal: clientSignal } = options;
  const transport = createTransport({
    baseUrl,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    token,
    retry: resolveRetryPolicy(options.retry),
    timeoutMs: options.timeoutMs,
    logger,
  });
  // A string token goes into the headers openapi-fetch merges anyway; a function token is applied by the transport.
  const headers = typeof token === 'string' ? { ...options.headers, Authorization: `Bearer ${token}` } : options.headers;
  const raw = createClient<paths>({ baseUrl, fetch: transport.fetch, headers, signal: clientSignal });

  function fail(error: unknown, body: unknown): unknown {
    if (!(error instanceof LeafError)) return error;
    error.redactSecrets(secretsIn(body));
    logger?.error?.(error.message, error.toJSON());
    return error;
  }

  function helperFor(id: OperationId) {
    const { method, path, requestBody, responseBody } = OPERATIONS[id];
    const operation = `${method} ${path}`;
    const call = (raw as unknown as Record<string, RawCall>)[method]!;

    async function send(leafUserId: string, body: unknown, callOptions: CallOptions | undefined): Promise<unknown> {
      let result: RawResult;
      try {
        // parseAs text: the helper parses, so invalid JSON becomes a typed error that knows the status.
        result = await call(path, {
          params: { path: { leafUserId } },
          body,
          parseAs: 'text',
          signal: combineSignals(clientSignal, callOptions?.signal),
          headers: callOptions?.headers,
        });
      } catch (error) {
        throw fail(error, body);
      }
      const { response, data } = result;
      if (!response.ok) {
        const secrets = [...transport.secrets(), ...secretsIn(body)];
        throw fail(new LeafApiError(operation, response, result.error, secrets), body);
      }
      if (!responseBody) return undefined;
      try {
        return JSON.parse(data as string);
      } catch (error) {
        const secrets = [...transport.secrets(), ...secretsIn(body)];
        throw fail(new LeafInvalidResponseError(operation, response, error, secrets), body);
      }
    }

    return requestBody
      ? (leafUserId: string, body: unknown, callOptions?: CallOptions) => send(leafUserId, body, callOptions)
      : (leafUserId: string, callOptions?: CallOptions) => send(leafUserId, undefined, callOptions);
  }

  function providerHelpers<Table extends OperationTable>(table: Table): ProviderHelpers<Table> {
    const helpers: Record<string, unknown> = {};
    for (const [name, id] of Object.entries(table)) helpers[name] = helperFor(id);
    return helpers as ProviderHelpers<Table>;
  }

  const trimble = providerHelpers(PROVIDER_OPERATIONS.trimble);
  const fieldView = providerHelpers(PROVIDER_OPERATIONS.climateFieldView);
  const waitOperation = 'climateFieldView.waitUntilHealthy';
  const climateFieldView: ClimateFieldViewHelpers = {
    ...fieldView,
    waitUntilHealthy: (leafUserId, waitOptions) =>
      pollUntilHealthy(waitOperation, (poll) => fieldView.status(leafUserId, poll), waitOptions),
  };
  return { trimble, climateFieldView, raw };
}
