/**
 * The bearer token: checked before it goes into a header (Headers would throw
 * a TypeError quoting it), and remembered so errors can scrub it.
 */

/** A header value Headers accepts as it is: visible ASCII, no spaces or line breaks. */
const VALID_TOKEN = /^[\x21-\x7e]+$/;

/**
 * How many issued tokens to remember: with a token function, a call can fail
 * after the token rotated, and the server may echo the one that call sent.
 */
const REMEMBERED_TOKENS = 8;

export function isValidToken(token: unknown): token is string {
  return typeof token === 'string' && VALID_TOKEN.test(token);
}

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
