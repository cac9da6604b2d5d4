/**
 * createLeafCredentialsClient: openapi-fetch's typed client (`raw`) plus
 * per-provider helpers that return the body or throw a `LeafError`, signed in
 * with a token or a Leaf account. `createLeafCredentialsClientFor` builds only
 * the providers it is given, so an app bundles only those.
 */
import createClient, { type Client } from 'openapi-fetch';
import { bearer, isValidToken } from './auth.js';
import { LeafApiError, LeafAuthError, LeafError, LeafInvalidResponseError, LeafRequestError } from './errors.js';
import { PRODUCTION_BASE_URL } from './generated/constants.js';
import { PROVIDERS } from './generated/providers.js';
import type { paths } from './generated/schema.js';
import { buildProviderHelpers, checkLeafUserId, operationName, type CallOperation, type ProviderDefinition, type ProviderHelpers } from './helpers.js';
import type { LeafCredentialsClientOptions } from './options.js';
import { secretsIn } from './redact.js';
import { resolveRetryPolicy } from './retry.js';
import { TokenSession, type IssuedToken } from './session.js';
import { AUTHENTICATE_OPERATION, authenticateUrl, isAccount, signInWith } from './sign-in.js';
import { AttemptDeadline, anySignal, checkMs } from './timing.js';
import { createTransport } from './transport.js';

/** What every client has, whatever its providers. */
export interface LeafClientBase {
  /**
   * openapi-fetch's typed client: `GET`/`POST`/`DELETE` resolving to
   * `{ data, error, response }`; it throws only `LeafError`s (and the
   * caller's abort reason).
   */
  raw: Client<paths>;
  /**
   * With `auth`: signs in now (or joins the sign-in under way) and tells until when the token
   * is kept. Optional: the client signs in on first use anyway. Without `auth`, a `LeafAuthError`.
   */
  authenticate(): Promise<{ expiresAt: Date }>;
}

/** A client with the helpers of the given providers, by the names they were given under. */
export type LeafClientFor<Providers extends Record<string, ProviderDefinition>> = LeafClientBase & {
  readonly [Name in keyof Providers]: ProviderHelpers<Providers[Name]>;
};

/** The client with every provider of the spec. */
export type LeafCredentialsClient = LeafClientFor<typeof PROVIDERS>;

type RawResult = { data?: unknown; error?: unknown; response: Response };
type RawInit = Record<string, unknown> & { body?: unknown; signal?: AbortSignal; parseAs?: string };
type RawCall = (path: string, init?: RawInit) => Promise<RawResult>;

/** The methods of openapi-fetch's client that send a request, each `(path, init)`. */
const RAW_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

const CREATE = 'createLeafCredentialsClient';

/**
 * A client with only the given providers' helpers (and `raw`): what an app that uses one or two
 * providers imports, so its bundle holds no other provider's table.
 *
 * ```ts
 * import { createLeafCredentialsClientFor, trimble } from '@leaf-credentials/client';
 * const leaf = createLeafCredentialsClientFor({ trimble }, { auth: { username, password } });
 * ```
 */
export function createLeafCredentialsClientFor<Providers extends Record<string, ProviderDefinition>>(
  providers: Providers,
  options: LeafCredentialsClientOptions,
): LeafClientFor<Providers> {
  const { baseUrl = PRODUCTION_BASE_URL, token, auth, logger, signal: clientSignal } = options;
  // Exactly one of token and auth, checked here rather than at the first request.
  if ((token === undefined) === (auth === undefined) || (auth !== undefined && !isAccount(auth))) {
    throw new LeafAuthError(CREATE, 'invalid-options');
  }
  // Checked here, not at the first request: Headers would throw a TypeError quoting the token.
  if (token !== undefined && typeof token !== 'function' && !isValidToken(token)) throw new LeafAuthError(CREATE, 'invalid-token');
  const timeoutMs = options.timeoutMs === undefined ? undefined : checkMs('timeoutMs', options.timeoutMs, 1);
  // The session signs in through the transport, which sends with the session's token: signIn is set once both exist.
  let signIn: (() => Promise<IssuedToken>) | undefined;
  const session = auth ? new TokenSession(() => signIn!()) : undefined;
  const transport = createTransport({
    baseUrl,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    token: token ?? session!,
    retry: resolveRetryPolicy(options.retry),
    logger,
    secrets: auth ? [auth.password] : [],
  });
  if (auth) signIn = signInWith({ auth, url: auth.url ?? authenticateUrl(baseUrl), transport, signal: clientSignal, timeoutMs });
  // A string token goes into the headers openapi-fetch merges anyway; others are applied by the transport.
  const headers = typeof token === 'string' ? { ...options.headers, Authorization: bearer(token) } : options.headers;
  const openapi = createClient<paths>({ baseUrl, fetch: transport.fetch, headers });
  openapi.use(transport.middleware);
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

  /** One helper call: the id checked before anything is sent, a non-2xx thrown as a LeafApiError, the body parsed. */
  const callOperation: CallOperation = async (ref, leafUserId, { body, query }, callOptions) => {
    const operation = operationName(ref);
    const signal = anySignal(clientSignal, callOptions?.signal);
    try {
      checkLeafUserId(operation, leafUserId);
    } catch (invalid) {
      throw fail(operation, invalid, body, signal);
    }
    // parseAs text: the helper parses, so invalid JSON becomes a typed error that knows the status.
    const params = { path: { leafUserId }, query };
    const init: RawInit = { params, body, parseAs: 'text', headers: callOptions?.headers };
    const { response, data, error } = await send(methods[ref.method]!, operation, ref.path, init, signal, true);
    if (!response.ok) throw fail(operation, new LeafApiError(operation, response, error, secretsOf(body)), body, signal);
    if (!ref.responseBody) return { data: undefined, response };
    try {
      return { data: parseJson(operation, response, data as string, body), response };
    } catch (invalid) {
      throw fail(operation, invalid, body, signal);
    }
  };

  async function authenticateNow(): Promise<{ expiresAt: Date }> {
    if (!session) throw fail(AUTHENTICATE_OPERATION, new LeafAuthError(AUTHENTICATE_OPERATION, 'invalid-options'), undefined, undefined);
    try {
      return { expiresAt: new Date((await session.authenticate()).expiresAt) };
    } catch (error) {
      throw fail(AUTHENTICATE_OPERATION, error, undefined, undefined);
    }
  }

  const client: Record<string, unknown> = { raw, authenticate: authenticateNow };
  for (const [name, definition] of Object.entries(providers)) client[name] = buildProviderHelpers(name, definition, callOperation);
  return client as LeafClientFor<Providers>;
}

/** The client with every provider of the spec: `client.trimble`, `client.johnDeere`, … (see `PROVIDERS`). */
export function createLeafCredentialsClient(options: LeafCredentialsClientOptions): LeafCredentialsClient {
  return createLeafCredentialsClientFor(PROVIDERS, options);
}
