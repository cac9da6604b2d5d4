/**
 * Whose state a request sees: the token-keying rule, in one place.
 *
 * - A token the sandbox issued (from the authenticate operation) is keyed by
 *   its username, so authenticating again, or with rememberMe changed, keeps
 *   your data. It expires at its `exp`, read on the sandbox clock.
 * - Any other bearer token is keyed by the token itself: two suites with two
 *   tokens never see each other's data.
 *
 * Sandbox tokens are JWT-shaped (base64url header.payload.signature, HS256)
 * so clients that read `exp` work with them. The key is public: it only tells
 * the sandbox's own tokens from others, it protects nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const SANDBOX_TOKEN_ISSUER = 'leaf-credentials-sandbox';
const SIGNING_KEY = 'leaf-credentials-sandbox: not a secret';

/** How long a token lasts, in the shape of the authenticate operation's `x-leaf-token-lifetime-seconds`. */
export interface TokenLifetimes {
  rememberMe: number;
  otherwise: number;
}

/**
 * Leaf's lifetimes (authentication page: 30 days with rememberMe "true", 24
 * hours with "false"), for a spec whose authenticate operation does not state them.
 */
export const TOKEN_LIFETIME_SECONDS: TokenLifetimes = { rememberMe: 30 * 24 * 60 * 60, otherwise: 24 * 60 * 60 };

export interface SandboxTokenClaims {
  iss: string;
  sub: string;
  username: string;
  iat: number;
  exp: number;
}

export type StateKey = string;

export type TokenCheck = { key: StateKey } | { expired: SandboxTokenClaims } | { missing: true };

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (unsigned: string) => createHmac('sha256', SIGNING_KEY).update(unsigned).digest('base64url');

/** rememberMe as Leaf takes it: the boolean or its string form; anything else is a 24-hour token. */
export function lifetimeSeconds(rememberMe: unknown, lifetimes: TokenLifetimes = TOKEN_LIFETIME_SECONDS): number {
  return rememberMe === true || rememberMe === 'true' ? lifetimes.rememberMe : lifetimes.otherwise;
}

export function issueToken(
  username: string,
  rememberMe: unknown,
  now: Date,
  lifetimes: TokenLifetimes = TOKEN_LIFETIME_SECONDS,
): string {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + lifetimeSeconds(rememberMe, lifetimes);
  const claims: SandboxTokenClaims = { iss: SANDBOX_TOKEN_ISSUER, sub: username, username, iat, exp };
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${sign(unsigned)}`;
}

/** The claims of a token this sandbox issued, or undefined for any other token. */
export function readSandboxToken(token: string): SandboxTokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as SandboxTokenClaims;
    return claims.iss === SANDBOX_TOKEN_ISSUER && typeof claims.username === 'string' && typeof claims.exp === 'number'
      ? claims
      : undefined;
  } catch {
    return undefined;
  }
}

/** The bearer token of an Authorization header value, if it has one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/** The state key of a token, expired or not (control requests and the request log use it). */
export function stateKeyOf(token: string): StateKey {
  const claims = readSandboxToken(token);
  return claims ? `user:${claims.username}` : `token:${token}`;
}

/** Which state an API request sees, or why it sees none. */
export function checkToken(authorization: string | undefined, now: Date): TokenCheck {
  const token = bearerToken(authorization);
  if (token === undefined) return { missing: true };
  const claims = readSandboxToken(token);
  if (!claims) return { key: `token:${token}` };
  if (claims.exp * 1000 <= now.getTime()) return { expired: claims };
  return { key: `user:${claims.username}` };
}
