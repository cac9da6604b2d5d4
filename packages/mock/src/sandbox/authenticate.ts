/**
 * The authenticate operation (`x-leaf-helper: authenticate`): a username's
 * first sign-in sets its password; the same password then gets a sandbox token
 * (see token-keys.ts) lasting as rememberMe says (the spec model's
 * `tokenLifetimes()`), and another password gets Leaf's 401, as
 * does the refused password (magic-values.ts). Usernames are not secrets: the
 * password is what keeps one suite out of another's user state.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { modelOf } from '../model.js';
import type { Clocks } from './clock.js';
import { REFUSED_PASSWORD } from './magic-values.js';
import { fieldProblem, jsonResponse } from './responses.js';
import { type TokenKeys, userKey } from './token-keys.js';

/**
 * The password each username signed in with first, hashed (scrypt, a salt of
 * its own). Kept in memory: a restart, or a reset of the user's state, forgets them.
 */
export class Passwords {
  private readonly hashes = new Map<string, { salt: Buffer; hash: Buffer }>();

  /** Whether `password` is the username's (remembering it when the username has none yet). */
  admit(username: string, password: string): boolean {
    const known = this.hashes.get(username);
    if (!known) {
      const salt = randomBytes(16);
      this.hashes.set(username, { salt, hash: hashOf(password, salt) });
      return true;
    }
    return timingSafeEqual(known.hash, hashOf(password, known.salt));
  }

  /** Forgets one username's password, or every one. */
  forget(username?: string): void {
    if (username === undefined) this.hashes.clear();
    else this.hashes.delete(username);
  }
}

/** Cheap on purpose (N=2^12): sandbox passwords are test passwords, and tests sign in often. */
const hashOf = (password: string, salt: Buffer) => scryptSync(password, salt, 32, { N: 1 << 12 });

export interface SignInContext {
  clocks: Clocks;
  tokens: TokenKeys;
  passwords: Passwords;
}

export function authenticate(
  operation: IHttpOperation,
  body: unknown,
  path: string,
  context: SignInContext,
): IHttpResponse {
  const { username, password, rememberMe } = (body ?? {}) as Record<string, unknown>;
  if (typeof username !== 'string' || username === '')
    return fieldProblem('VIOLATION', path, 'body', 'username', 'username must be a non-empty string');
  if (typeof password !== 'string' || password === '')
    return fieldProblem('VIOLATION', path, 'body', 'password', 'password must be a non-empty string');
  if (password === REFUSED_PASSWORD || !context.passwords.admit(username, password)) {
    return fieldProblem(
      'UNAUTHORIZED',
      path,
      'body',
      'password',
      'Bad credentials: the username or password was refused',
    );
  }
  // The token's times are its user's clock's, which expires it.
  const now = context.clocks.now(userKey(username));
  return jsonResponse(200, {
    id_token: context.tokens.issue(username, rememberMe, now, modelOf([operation]).tokenLifetimes()),
  });
}
