/**
 * createLeafCredentialsClient: every provider's helpers, which return the
 * body or throw a `LeafError`, plus openapi-fetch's typed client (`raw`),
 * signed in with a token or a Leaf account. `createLeafCredentialsClientFor`
 * builds only what it is given, so an app bundles only that.
 */
import type { Client } from 'openapi-fetch';
import { DEFAULT_TIMEOUT_MS } from './defaults.js';
import { LeafApiError, LeafAuthError, LeafError, LeafInvalidResponseError, LeafRequestError } from './errors.js';
import { PRODUCTION_BASE_URL } from './generated/constants.js';
import { PROVIDERS, RESOURCES } from './generated/providers.js';
import {
  buildProviderHelpers,
  buildResourceHelpers,
  type CallOperation,
  isResourceDefinition,
  type OperationRef,
  operationName,
  type ProviderDefinition,
  type ProviderHelpers,
  type ResourceDefinition,
  type ResourceHelpers,
} from './helpers.js';
import { createLog } from './logging.js';
import type { CallOptions, LeafCredentialsClientOptions } from './options.js';
import { checkPathParameters } from './path-parameters.js';
import { createPipeline, readText } from './pipeline.js';
import { type ClientContext, type RawFactory, raw } from './raw.js';
import { secretsIn } from './redact.js';
import { checkedResponse } from './response-checks.js';
import { resolveRetryPolicy } from './retry.js';
import { type IssuedToken, TokenSession } from './session.js';
import { AUTHENTICATE_OPERATION, authenticateUrl, isAccount, signInWith } from './sign-in.js';
import { anySignal, checkMs } from './timing.js';
import { bearer, isValidToken, tokenSourceOf } from './token-source.js';
import type { RawPaths } from './types.js';

/** What a client is made of: providers and resources (their helpers) and `raw` (openapi-fetch's typed client). */
export type ClientParts = Record<string, ProviderDefinition | ResourceDefinition | RawFactory>;

/** A client with the helpers of the given providers (and `raw` when given), by the names they were given under. */
export type LeafClientFor<Parts extends ClientParts> = {
  readonly [Name in keyof Parts]: Parts[Name] extends RawFactory
    ? Client<RawPaths>
    : Parts[Name] extends ResourceDefinition
      ? ResourceHelpers<Parts[Name]>
      : Parts[Name] extends ProviderDefinition
        ? ProviderHelpers<Parts[Name]>
        : never;
} & {
  /**
   * With `auth`: signs in now (or joins the sign-in under way) and tells until when the token
   * is kept. Optional: the client signs in on first use anyway. Without `auth`, a `LeafAuthError`.
   */
  authenticate(): Promise<{ expiresAt: Date }>;
};

/** The client with every provider and resource (Leaf users, webhooks) of the spec, and `raw`. */
export type LeafCredentialsClient = LeafClientFor<typeof PROVIDERS & typeof RESOURCES & { raw: RawFactory }>;

const CREATE = 'createLeafCredentialsClient';

function checkCredentials({ token, auth }: LeafCredentialsClientOptions): void {
  // Exactly one of token and auth, checked here rather than at the first request.
  if ((token === undefined) === (auth === undefined) || (auth !== undefined && !isAccount(auth))) {
    throw new LeafAuthError(CREATE, 'invalid-options');
  }
  // Checked here, not at the first request: Headers would throw a TypeError quoting the token.
  if (token !== undefined && typeof token !== 'function' && !isValidToken(token))
    throw new LeafAuthError(CREATE, 'invalid-token');
}

/** `?page=1&size=20&sort=…` as openapi-fetch writes it (arrays repeat their key); empty without values. */
/**
 * The operation's URL: the base URL, or, for an operation on a server path of its own (the alerts
 * service), the base URL's origin and that path, unless the base URL already points at it; then
 * its path with the values in, each path parameter checked first (the one rule of helpers and raw).
 */
function operationUrl(ref: OperationRef, values: Readonly<Record<string, unknown>>, base: string): string {
  const operation = operationName(ref);
  checkPathParameters(operation, ref.path, values);
  const path = ref.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => encodeURIComponent(String(values[name])));
  if (ref.basePath === undefined || new URL(base).pathname.endsWith(ref.basePath)) return base + path;
  return new URL(ref.basePath + path, base).href;
}

function queryString(query: object | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== undefined) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * A client of just the given parts: providers from the generated tables, and `raw` if an app
 * wants openapi-fetch's client too. What an app that uses one or two providers imports, so its
 * bundle holds no other provider's table (and no openapi-fetch without `raw`).
 *
 * ```ts
 * import { createLeafCredentialsClientFor, trimble } from '@leaf-credentials/client';
 * const leaf = createLeafCredentialsClientFor({ trimble }, { auth: { username, password } });
 * ```
 */
export function createLeafCredentialsClientFor<Parts extends ClientParts>(
  parts: Parts,
  options: LeafCredentialsClientOptions,
): LeafClientFor<Parts> {
  checkCredentials(options);
  const { baseUrl = PRODUCTION_BASE_URL, token, auth, signal: clientSignal } = options;
  const timeoutMs = checkMs('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1);
  // The session signs in through the pipeline, which sends with the session's token: signIn is set once both exist.
  let signIn: (() => Promise<IssuedToken>) | undefined;
  const session = auth ? new TokenSession(() => signIn!()) : undefined;
  const tokens = tokenSourceOf(token ?? session!, auth ? [auth.password] : []);
  const log = createLog(options.logger);
  const pipeline = createPipeline({
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    tokens,
    retry: resolveRetryPolicy(options.retry),
    timeoutMs,
    log,
  });
  if (auth)
    signIn = signInWith({
      auth,
      url: auth.url ?? authenticateUrl(baseUrl),
      pipeline,
      signal: clientSignal,
      secrets: tokens.secrets,
    });
  // A string token goes into every request's headers; others are applied by the pipeline.
  const headers = typeof token === 'string' ? { ...options.headers, Authorization: bearer(token) } : options.headers;
  const base = baseUrl.replace(/\/$/, '');

  /** The secrets to scrub from an error about a request with this body. Only called on failure. */
  const secretsOf = (body: unknown) => [...tokens.secrets(), ...secretsIn(body)];

  /** Any failure of a call as a redacted LeafError; the caller's own abort reason is handed back as it is, as fetch does. */
  function asLeafError(operation: string, error: unknown, body: unknown, signal: AbortSignal | undefined): unknown {
    if (signal?.aborted && error === signal.reason) return error;
    const leafError = error instanceof LeafError ? error : new LeafRequestError(operation, error, tokens.secrets());
    // The pipeline never sees the body as an object, so its errors learn the body's secrets here.
    return leafError.redactSecrets(secretsIn(body));
  }

  const context: ClientContext = {
    baseUrl,
    headers,
    pipeline,
    clientSignal,
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

  /**
   * One helper call (a provider's or a resource's) at `url()`, which checks the path parameters
   * before anything is sent: a non-2xx thrown as a LeafApiError, the body parsed and checked.
   */
  function callAt(
    ref: OperationRef,
    url: () => string,
    { body, query }: { body?: unknown; query?: object },
    callOptions: CallOptions | undefined,
  ): Promise<{ data: unknown; response: Response }> {
    const operation = operationName(ref);
    const signal = anySignal(clientSignal, callOptions?.signal);
    return context.guard(operation, signal, body, true, async () => {
      const target = url() + queryString(query);
      const requestHeaders = new Headers(body === undefined ? undefined : { 'Content-Type': 'application/json' });
      for (const extra of [headers, callOptions?.headers])
        for (const [name, value] of Object.entries(extra ?? {})) requestHeaders.set(name, value);
      const init: RequestInit = {
        method: ref.method,
        headers: requestHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
      };
      // No signal unless the caller gave one: wiring a signal into a Request is most of its cost.
      if (signal) init.signal = signal;
      const { response, body: text } = await pipeline.send(new Request(target, init), operation, readText);
      if (!response.ok) {
        let problem: unknown = text;
        try {
          problem = JSON.parse(text);
        } catch {}
        throw new LeafApiError(operation, response, problem, secretsOf(body));
      }
      return {
        data: ref.responseBody ? context.successBody(operation, ref.response, response, text, body) : undefined,
        response,
      };
    });
  }

  const callOperation: CallOperation = (ref, values, init, callOptions) =>
    callAt(ref, () => operationUrl(ref, values, base), init, callOptions);

  async function authenticateNow(): Promise<{ expiresAt: Date }> {
    return context.guard(AUTHENTICATE_OPERATION, undefined, undefined, true, async () => {
      if (!session) throw new LeafAuthError(AUTHENTICATE_OPERATION, 'invalid-options');
      return { expiresAt: new Date((await session.authenticate()).expiresAt) };
    });
  }

  const client: Record<string, unknown> = { authenticate: authenticateNow };
  for (const [name, part] of Object.entries(parts)) {
    client[name] =
      typeof part === 'function'
        ? part(context)
        : isResourceDefinition(part)
          ? buildResourceHelpers(part, callOperation)
          : buildProviderHelpers(name, part as ProviderDefinition, callOperation);
  }
  return client as LeafClientFor<Parts>;
}

/** The client with every provider of the spec (`client.trimble`, … see `PROVIDERS`), `client.webhooks` (`RESOURCES`) and `raw`. */
export function createLeafCredentialsClient(options: LeafCredentialsClientOptions): LeafCredentialsClient {
  return createLeafCredentialsClientFor({ ...PROVIDERS, ...RESOURCES, raw }, options);
}
