/**
 * The bearer token: checked before it goes into a header (Headers would throw
 * a TypeError quoting it), and remembered so errors can scrub it.
 */

import { isBearerToken } from '@leaf-credentials/spec/bearer-token';

/**
 * How many issued tokens to remember: with a token function, a call can fail
 * after the token rotated, and the server may echo the one that call sent.
 */
const REMEMBERED_TOKENS = 8;

/** The one token rule the mock applies too (RFC 6750 b64token): a token it would refuse is never sent. */
export const isValidToken = isBearerToken;

export function bearer(token: string): string {
  return `Bearer ${token}`;
}

/** The last few distinct tokens issued, oldest first. */
export class IssuedTokens {
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
