/**
 * What a bearer token may look like: RFC 6750 §2.1's b64token (letters, digits
 * and `-._~+/`, then optional `=` padding). The one rule both sides use: the
 * client refuses any other token before it sends anything, and the mock answers
 * any other token with a 401, so a token the client accepts is never refused by
 * the mock for its shape. Leaf's tokens are JWTs, which always fit.
 *
 * Kept free of imports so the client's bundler can inline it.
 */
export const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export function isBearerToken(token: unknown): token is string {
  return typeof token === 'string' && BEARER_TOKEN.test(token);
}

/**
 * The token of an `Authorization: Bearer <token>` header, or undefined when the
 * header is not that. The scheme name is case-insensitive (RFC 9110 §11.1), so
 * `bearer tok` names the token `tok` as `Bearer tok` does.
 */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const match = /^bearer +(.*)$/i.exec(authorization ?? '');
  return match && isBearerToken(match[1]) ? match[1] : undefined;
}
