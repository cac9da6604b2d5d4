/**
 * The authenticate operation (`x-leaf-helper: authenticate`): any username and
 * password get a sandbox token (see token-keys.ts) lasting as rememberMe says,
 * except the refused password (magic-values.ts), which gets Leaf's 401.
 */
import type { IHttpResponse } from '@stoplight/prism-http';
import { REFUSED_PASSWORD } from './magic-values.js';
import { fieldProblem, jsonResponse } from './responses.js';
import { issueToken } from './token-keys.js';

export function authenticate(body: unknown, path: string, now: Date): IHttpResponse {
  const { username, password, rememberMe } = (body ?? {}) as Record<string, unknown>;
  if (typeof username !== 'string' || username === '') return fieldProblem(400, path, 'body', 'username', 'username must be a non-empty string');
  if (typeof password !== 'string' || password === '') return fieldProblem(400, path, 'body', 'password', 'password must be a non-empty string');
  if (password === REFUSED_PASSWORD) {
    return fieldProblem(401, path, 'body', 'password', 'Bad credentials: the username or password was refused');
  }
  return jsonResponse(200, { id_token: issueToken(username, rememberMe, now) });
}

