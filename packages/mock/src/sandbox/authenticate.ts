/**
 * The authenticate operation (`x-leaf-helper: authenticate`): any username and
 * password get a sandbox token (see token-keys.ts) lasting as rememberMe says
 * (the operation's `x-leaf-token-lifetime-seconds`),
 * except the refused password (magic-values.ts), which gets Leaf's 401.
 */

import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { REFUSED_PASSWORD } from './magic-values.js';
import { fieldProblem, jsonResponse } from './responses.js';
import { issueToken, TOKEN_LIFETIME_SECONDS, type TokenLifetimes } from './token-keys.js';

export function authenticate(operation: IHttpOperation, body: unknown, path: string, now: Date): IHttpResponse {
  const { username, password, rememberMe } = (body ?? {}) as Record<string, unknown>;
  if (typeof username !== 'string' || username === '')
    return fieldProblem('VIOLATION', path, 'body', 'username', 'username must be a non-empty string');
  if (typeof password !== 'string' || password === '')
    return fieldProblem('VIOLATION', path, 'body', 'password', 'password must be a non-empty string');
  if (password === REFUSED_PASSWORD) {
    return fieldProblem(
      'UNAUTHORIZED',
      path,
      'body',
      'password',
      'Bad credentials: the username or password was refused',
    );
  }
  return jsonResponse(200, { id_token: issueToken(username, rememberMe, now, lifetimesOf(operation)) });
}

/** The lifetimes the spec states on the operation (`x-leaf-token-lifetime-seconds`), else Leaf's documented ones. */
function lifetimesOf(operation: IHttpOperation): TokenLifetimes {
  const stated = (operation.extensions as Record<string, unknown> | undefined)?.['x-leaf-token-lifetime-seconds'] as
    | Partial<TokenLifetimes>
    | undefined;
  return {
    rememberMe: typeof stated?.rememberMe === 'number' ? stated.rememberMe : TOKEN_LIFETIME_SECONDS.rememberMe,
    otherwise: typeof stated?.otherwise === 'number' ? stated.otherwise : TOKEN_LIFETIME_SECONDS.otherwise,
  };
}
