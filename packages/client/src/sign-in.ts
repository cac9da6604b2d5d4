/**
 * `POST /authenticate` with the account of `auth`: the request goes through
 * the user's fetch (via the pipeline: deadline, logging, typed errors), and
 * the answer becomes a token with its expiry, or a typed error.
 */
import { apiErrorOf, LeafAuthError, LeafInvalidResponseError } from './errors.js';
import { authenticate } from './generated/operations.js';
import type { AuthOptions } from './options.js';
import { type Pipeline, readText } from './pipeline.js';
import { expiryOf, type IssuedToken } from './session.js';
import { isValidToken } from './token-source.js';

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
  pipeline: Pipeline;
  signal: AbortSignal | undefined;
  /** The secrets the client holds (the password, issued tokens), to scrub from errors. */
  secrets: () => string[];
}

function readAnswer(response: Response, text: string, rememberMe: boolean, secrets: string[]): IssuedToken {
  if (!response.ok) {
    const answer = apiErrorOf(AUTHENTICATE_OPERATION, response, text, secrets);
    // Never retried: the same username and password would be refused again.
    if (response.status === 401 || response.status === 403)
      throw new LeafAuthError(AUTHENTICATE_OPERATION, 'credentials-refused', answer, secrets);
    throw answer;
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    throw new LeafInvalidResponseError(AUTHENTICATE_OPERATION, response, error, secrets);
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
export function signInWith({ auth, url, pipeline, signal, secrets }: SignInContext): () => Promise<IssuedToken> {
  const rememberMe = auth.rememberMe ?? false;
  // As Leaf's own examples send it: rememberMe as the string "true" / "false".
  const body = JSON.stringify({ username: auth.username, password: auth.password, rememberMe: String(rememberMe) });
  return async () => {
    const request = new Request(url, {
      method: authenticate.method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body,
      signal,
    });
    const { response, body: text } = await pipeline.sendUnauthorized(request, AUTHENTICATE_OPERATION, readText);
    return readAnswer(response, text, rememberMe, secrets());
  };
}
