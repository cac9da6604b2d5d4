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
 * so clients that read `exp` work with them. The signing key is random per
 * process unless one is given (`--token-signing-key`), so a token is the
 * sandbox's only if this process (or one given the same key) issued it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenLifetimes } from '@leaf-credentials/spec';
import { isBearerToken } from '@leaf-credentials/spec/bearer-token';
import { modelOf } from '../model.js';

const SANDBOX_TOKEN_ISSUER = 'leaf-credentials-sandbox';

/** The lifetimes the served spec's sign-in states (`x-leaf-token-lifetime-seconds`), by the spec model. */
const servedLifetimes = (): TokenLifetimes => modelOf([]).tokenLifetimes();

interface SandboxTokenClaims {
  iss: string;
  sub: string;
  username: string;
  iat: number;
  exp: number;
}

export type StateKey = string;

/** The state key of a sandbox user (the clock of its tokens is this key's). */
export const userKey = (username: string): StateKey => `user:${username}`;

type TokenCheck = { key: StateKey } | { expired: SandboxTokenClaims } | { missing: true };

/**
 * An Authorization header read: its bearer token, none, or a value that is not `Bearer <b64token>`.
 * The scheme is case-insensitive (RFC 7235 §2.1); the token is RFC 6750's b64token.
 */
export function readAuthorization(
  header: string | undefined,
): { token: string } | { missing: true } | { malformed: true } {
  if (header === undefined) return { missing: true };
  const match = /^bearer +(\S+)$/i.exec(header);
  return match && isBearerToken(match[1]) ? { token: match[1] } : { malformed: true };
}

/** The bearer token of an Authorization header value, if it has a well-formed one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const read = readAuthorization(authorization);
  return 'token' in read ? read.token : undefined;
}

/** rememberMe as Leaf takes it: the boolean or its string form; anything else is a 24-hour token. */
export function lifetimeSeconds(rememberMe: unknown, lifetimes: TokenLifetimes = servedLifetimes()): number {
  return rememberMe === true || rememberMe === 'true' ? lifetimes.rememberMe : lifetimes.otherwise;
}

/** Issues and reads one sandbox's tokens, and says whose state a token keys. */
export interface TokenKeys {
  issue(username: string, rememberMe: unknown, now: Date, lifetimes?: TokenLifetimes): string;
  /** The claims of a token this sandbox issued, or undefined for any other token. */
  read(token: string): SandboxTokenClaims | undefined;
  /** The state key of a token, expired or not (control requests and the request log use it). */
  keyOf(token: string): StateKey;
  /** Which state an API request sees, or why it sees none; a sandbox token's expiry is read on its user's clock. */
  check(authorization: string | undefined, clockOf: (key: StateKey) => Date): TokenCheck;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createTokenKeys(signingKey: string | Buffer = randomBytes(32)): TokenKeys {
  const sign = (unsigned: string) => createHmac('sha256', signingKey).update(unsigned).digest('base64url');
  const read = (token: string): SandboxTokenClaims | undefined => {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as SandboxTokenClaims;
      return claims.iss === SANDBOX_TOKEN_ISSUER &&
        typeof claims.username === 'string' &&
        typeof claims.exp === 'number'
        ? claims
        : undefined;
    } catch {
      return undefined;
    }
  };
  const keyOf = (token: string): StateKey => {
    const claims = read(token);
    return claims ? userKey(claims.username) : `token:${token}`;
  };
  return {
    issue(username, rememberMe, now, lifetimes = servedLifetimes()) {
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + lifetimeSeconds(rememberMe, lifetimes);
      const claims: SandboxTokenClaims = { iss: SANDBOX_TOKEN_ISSUER, sub: username, username, iat, exp };
      const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
      return `${unsigned}.${sign(unsigned)}`;
    },
    read,
    keyOf,
    check(authorization, clockOf) {
      const token = bearerToken(authorization);
      if (token === undefined) return { missing: true };
      const claims = read(token);
      if (!claims) return { key: `token:${token}` };
      const key = userKey(claims.username);
      if (claims.exp * 1000 <= clockOf(key).getTime()) return { expired: claims };
      return { key };
    },
  };
}
