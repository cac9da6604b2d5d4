/**
 * Where the bearer token of each request comes from: a string (already in the
 * client's headers), a function called before every request, or a sign-in
 * session. Every token is checked before it goes into a header (Headers would
 * throw a TypeError quoting it) and remembered so errors can scrub it.
 */
import { isBearerToken } from '@leaf-credentials/spec/bearer-token';
import { REMEMBERED_TOKENS } from './defaults.js';
import { LeafAuthError } from './errors.js';
import type { TokenSession } from './session.js';

/** The one token rule the mock applies too (RFC 6750 b64token): a token it would refuse is never sent. */
export const isValidToken = isBearerToken;

export function bearer(token: string): string {
  return `Bearer ${token}`;
}

/** The last few distinct tokens issued, oldest first. */
class IssuedTokens {
  private readonly tokens: string[] = [];

  remember(token: string): void {
    // Checked newest first: a token function usually returns the same token many times.
    if (this.tokens[this.tokens.length - 1] === token || this.tokens.includes(token)) return;
    this.tokens.push(token);
    if (this.tokens.length > REMEMBERED_TOKENS) this.tokens.shift();
  }

  list(): string[] {
    return [...this.tokens];
  }
}

export interface TokenSource {
  /**
   * Puts the token into `request`'s Authorization and resolves to it; absent for a
   * string token, which the client's headers already carry (no await per call).
   */
  authorize?(request: Request, operation: string): Promise<string>;
  /** Leaf answered 401 to a request sent with `used`: whether to sign in again and try once more. */
  refused?(used: string): boolean;
  /** Secret values the source has handled (tokens, the password), to scrub from errors. */
  secrets(): string[];
}

/** The token from a function, checked: Headers.set would throw a TypeError quoting the whole token. */
async function tokenFrom(
  provide: () => string | Promise<string>,
  operation: string,
  secrets: () => string[],
): Promise<string> {
  let value: unknown;
  try {
    value = await provide();
  } catch (error) {
    throw new LeafAuthError(operation, 'token-function-failed', error, secrets());
  }
  if (!isValidToken(value)) throw new LeafAuthError(operation, 'invalid-token');
  return value;
}

/** The token source of a client: `token` as given, or the sign-in session of `auth`. */
export function tokenSourceOf(
  token: string | (() => string | Promise<string>) | TokenSession,
  knownSecrets: readonly string[],
): TokenSource {
  const issued = new IssuedTokens();
  const secrets = () => [...knownSecrets, ...issued.list()];
  const authorizeWith = (request: Request, value: string) => {
    issued.remember(value);
    request.headers.set('Authorization', bearer(value));
    return value;
  };
  if (typeof token === 'string') {
    issued.remember(token);
    return { secrets };
  }
  if (typeof token === 'function')
    return {
      authorize: async (request, operation) => authorizeWith(request, await tokenFrom(token, operation, secrets)),
      secrets,
    };
  return {
    authorize: async (request) => authorizeWith(request, await token.token(request.signal)),
    refused(used) {
      token.refused(used);
      return true;
    },
    secrets,
  };
}
