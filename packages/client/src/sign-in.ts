/**
 * `POST /authenticate` with the account of `auth`: the request goes through
 * the user's fetch (via the transport: deadline, logging, typed errors), and
 * the answer becomes a token with its expiry, or a typed error.
 */
import { isValidToken } from './auth.js';
import { LeafApiError, LeafAuthError, LeafInvalidResponseError } from './errors.js';
import { authenticate } from './generated/operations.js';
import type { AuthOptions } from './options.js';
import { expiryOf, type IssuedToken } from './session.js';
import { AttemptDeadline } from './timing.js';
import type { Transport } from './transport.js';

export const AUTHENTICATE_OPERATION = `${authenticate.method} ${authenticate.path}`;

/** The base URL's origin + the spec's own server path and path for authenticate. */
export function authenticateUrl(baseUrl: string): string {
  return new URL(authenticate.basePath + authenticate.path, baseUrl).href;
}

/** Whether `auth` names a usable account (the check runs before any request). */
export function isAccount(auth: AuthOptions | undefined): auth is AuthOptions {
  return (
    typeof auth?.username === 'string' &&
    auth.username !== '' &&
    typeof auth.password === 'string' &&
    auth.password !== ''
  );
}

export interface SignInContext {
  auth: AuthOptions;
  url: string;
  transport: Transport;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
}

async function readAnswer(response: Response, rememberMe: boolean, secrets: string[]): Promise<IssuedToken> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    if (response.ok) throw new LeafInvalidResponseError(AUTHENTICATE_OPERATION, response, error, secrets);
  }
  if (!response.ok) {
    const answer = new LeafApiError(AUTHENTICATE_OPERATION, response, body, secrets);
    // Never retried: the same username and password would be refused again.
    if (response.status === 401 || response.status === 403)
      throw new LeafAuthError(AUTHENTICATE_OPERATION, 'credentials-refused', answer, secrets);
    throw answer;
  }
  const token = (body as { id_token?: unknown } | undefined)?.id_token;
  if (!isValidToken(token)) {
    throw new LeafInvalidResponseError(
      AUTHENTICATE_OPERATION,
      response,
      undefined,
      secrets,
      'carries no usable id_token',
    );
  }
  return { token, expiresAt: expiryOf(token, rememberMe, Date.now()) };
}

/** A function that signs in once per call. */
export function signInWith({ auth, url, transport, signal, timeoutMs }: SignInContext): () => Promise<IssuedToken> {
  const rememberMe = auth.rememberMe ?? false;
  // As Leaf's own examples send it: rememberMe as the string "true" / "false".
  const body = JSON.stringify({ username: auth.username, password: auth.password, rememberMe: String(rememberMe) });
  return async () => {
    const deadline =
      timeoutMs === undefined ? undefined : new AttemptDeadline(AUTHENTICATE_OPERATION, timeoutMs, signal);
    const request = new Request(url, {
      method: authenticate.method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      signal: deadline?.signal ?? signal,
    });
    try {
      const response = await transport.fetchUnauthorized(request, AUTHENTICATE_OPERATION, deadline);
      return await readAnswer(response, rememberMe, transport.secrets());
    } finally {
      deadline?.stop();
    }
  };
}
