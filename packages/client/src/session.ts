/**
 * Signing in with a Leaf account: one authentication shared by every call
 * waiting for a token, and the token kept until shortly before it expires.
 */
import { RENEW_BEFORE_MS } from './defaults.js';
import { TOKEN_LIFETIME_SECONDS } from './generated/constants.js';

export interface IssuedToken {
  token: string;
  expiresAt: number;
}

/**
 * When a JWT expires, from its `exp` claim, read without verifying the
 * token (only Leaf can); undefined when it has none or is not a JWT.
 */
function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const exp = (JSON.parse(atob(base64)) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** When a token issued now expires: its `exp`, else the lifetime the spec documents for `rememberMe`. */
export function expiryOf(token: string, rememberMe: boolean, now: number): number {
  return (
    jwtExpiry(token) ?? now + (rememberMe ? TOKEN_LIFETIME_SECONDS.rememberMe : TOKEN_LIFETIME_SECONDS.otherwise) * 1000
  );
}

/** Rejects with the signal's reason as soon as it aborts; else settles as `promise` does. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class TokenSession {
  private current: (IssuedToken & { renewAt: number }) | undefined;
  private pending: Promise<IssuedToken> | undefined;

  constructor(private readonly signIn: () => Promise<IssuedToken>) {}

  /** Signs in now (or joins the sign-in under way), whatever the current token. */
  authenticate(): Promise<IssuedToken> {
    this.pending ??= this.signIn()
      .then((issued) => {
        // A token that lives less than twice the margin is renewed halfway through its life instead.
        const margin = Math.min(RENEW_BEFORE_MS, (issued.expiresAt - Date.now()) / 2);
        this.current = { ...issued, renewAt: issued.expiresAt - margin };
        return issued;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** The token to send: the kept one until shortly before it expires, else one sign-in shared by every caller. */
  async token(signal?: AbortSignal | null): Promise<string> {
    if (this.current && Date.now() < this.current.renewAt) return this.current.token;
    return (await untilAborted(this.authenticate(), signal)).token;
  }

  /** Leaf refused `token` (a 401): forget it, unless another call already replaced it. */
  refused(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }
}
