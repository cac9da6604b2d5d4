/**
 * createLeafCredentialsClient: every provider's helpers, which return the
 * body or throw a `LeafError`, plus openapi-fetch's typed client (`raw`),
 * signed in with a token or a Leaf account. `createLeafCredentialsClientFor`
 * builds only what it is given, so an app bundles only that. The factory only
 * wires the parts: token source and sign-in, pipeline (retries, deadline,
 * logging), the shared context, and each part's helpers.
 */
import type { Client } from 'openapi-fetch';
import { createContext } from './context.js';
import { DEFAULT_TIMEOUT_MS } from './defaults.js';
import { LeafAuthError } from './errors.js';
import { PRODUCTION_BASE_URL } from './generated/constants.js';
import { PROVIDERS, RESOURCES } from './generated/providers.js';
import type { paths } from './generated/schema.js';
import { helperCall } from './helper-call.js';
import {
  buildHelpers,
  type ProviderDefinition,
  type ProviderHelpers,
  type ResourceDefinition,
  type ResourceHelpers,
} from './helpers.js';
import { createLog } from './logging.js';
import type { LeafCredentialsClientOptions } from './options.js';
import { createPipeline } from './pipeline.js';
import { type RawFactory, raw } from './raw.js';
import { resolveRetryPolicy } from './retry.js';
import { type IssuedToken, TokenSession } from './session.js';
import { AUTHENTICATE_OPERATION, authenticateUrl, isAccount, signInWith } from './sign-in.js';
import { checkMs } from './timing.js';
import { bearer, isValidToken, tokenSourceOf } from './token-source.js';

/** What a client is made of: providers and resources (their helpers) and `raw` (openapi-fetch's typed client). */
export type ClientParts = Record<string, ProviderDefinition | ResourceDefinition | RawFactory>;

/** A client with the helpers of the given providers (and `raw` when given), by the names they were given under. */
export type LeafClientFor<Parts extends ClientParts> = {
  readonly [Name in keyof Parts]: Parts[Name] extends RawFactory
    ? Client<paths>
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
  const context = createContext({ baseUrl, headers, pipeline, clientSignal, tokens, log });
  const call = helperCall(context);

  async function authenticateNow(): Promise<{ expiresAt: Date }> {
    return context.guard(AUTHENTICATE_OPERATION, undefined, undefined, true, async () => {
      if (!session) throw new LeafAuthError(AUTHENTICATE_OPERATION, 'invalid-options');
      return { expiresAt: new Date((await session.authenticate()).expiresAt) };
    });
  }

  const client: Record<string, unknown> = { authenticate: authenticateNow };
  for (const [name, part] of Object.entries(parts)) {
    client[name] = typeof part === 'function' ? part(context) : buildHelpers(name, part, call);
  }
  return client as LeafClientFor<Parts>;
}

/** The client with every provider of the spec (`client.trimble`, … see `PROVIDERS`), `client.webhooks` (`RESOURCES`) and `raw`. */
export function createLeafCredentialsClient(options: LeafCredentialsClientOptions): LeafCredentialsClient {
  return createLeafCredentialsClientFor({ ...PROVIDERS, ...RESOURCES, raw }, options);
}
