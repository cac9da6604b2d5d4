/**
 * Keeps secrets inside the client: everything that leaves it through an
 * error, `toJSON()`, `util.inspect` or the logger goes through here first.
 */
import { SECRET_FIELDS } from './generated/constants.js';
import type { FieldError } from './types.js';

// Which fields are secret is the spec's to say (`x-sensitive: true`); generated from it.
export { SECRET_FIELDS };

export const REDACTED = '[redacted]';

/** A key as compared with SECRET_FIELDS: `access-token`, `ACCESS_TOKEN` and `accessToken` are one field. */
function normalizeKey(key: string): string {
  return key.replace(/[-_]/g, '').toLowerCase();
}

const SECRET_FIELD_SET: ReadonlySet<string> = new Set(SECRET_FIELDS.map(normalizeKey));
/** The keys of a field error that describe it rather than quote the value. */
const FIELD_ERROR_DESCRIPTORS: ReadonlySet<string> = new Set<keyof FieldError>(['objectName', 'field', 'message']);

// A secret field written in text in any case, its words joined or split by `_` or `-`
// (providers answer with `access_token`), followed by `:` or `=` and its value, quoted or not.
const SECRET_FIELD_PATTERN = SECRET_FIELDS.map((name) => name.replace(/[A-Z]/g, (c) => `[-_]?${c.toLowerCase()}`)).join(
  '|',
);
const SECRET_ASSIGNMENT = new RegExp(
  `(["']?\\b(?:${SECRET_FIELD_PATTERN})\\b["']?\\s*[:=]\\s*)("(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^\\s,;&}"']+)`,
  'gi',
);
const BEARER_CREDENTIAL = /(\bbearer\s+)[^\s"',;]+/gi;

function replaceAssignment(_match: string, prefix: string, value: string): string {
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
  return `${prefix}${quote}${REDACTED}${quote}`;
}

function isSecretField(key: string): boolean {
  return SECRET_FIELD_SET.has(normalizeKey(key));
}

/**
 * The forms a secret can come back in: as it is, URL- and form-encoded (a server quoting a query
 * or a form), base64 and base64url with and without padding (a Basic header, a token's part), and
 * JSON-escaped (a body quoting it).
 */
function formsOf(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const base64 = btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
  const unpadded = base64.replace(/=+$/, '');
  const url = encodeURIComponent(secret);
  return [
    secret,
    url,
    url.replace(/%20/g, '+'),
    base64,
    unpadded,
    unpadded.replace(/\+/g, '-').replace(/\//g, '_'),
    JSON.stringify(secret).slice(1, -1),
  ];
}

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for every form of every secret, longest first: a single pass, so a short secret
 * never cuts a longer one apart, nor the `[redacted]` put in place of another. Any length counts:
 * a short password is still a password (it may cost a few letters of ordinary words).
 */
function secretPattern(secrets: readonly (string | undefined)[]): RegExp | undefined {
  const forms = new Set<string>();
  for (const secret of secrets) if (secret) for (const form of formsOf(secret)) forms.add(form);
  if (forms.size === 0) return undefined;
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeForPattern);
  return new RegExp(alternatives.join('|'), 'g');
}

type Scrub = (text: string) => string;

function scrubberOf(secrets: readonly (string | undefined)[]): Scrub {
  const pattern = secretPattern(secrets);
  return (text) =>
    (pattern ? text.replace(pattern, REDACTED) : text)
      .replace(SECRET_ASSIGNMENT, replaceAssignment)
      .replace(BEARER_CREDENTIAL, `$1${REDACTED}`);
}

/** Removes the given secret values (in every form), secret-field assignments and bearer credentials from text. */
export function scrubText(text: string, secrets: readonly (string | undefined)[]): string {
  return scrubberOf(secrets)(text);
}

/** A field error about a secret field (`{ field: 'clientSecret', rejectedValue: … }`) quotes the secret in its other members. */
function isAboutSecret(value: object): boolean {
  const field = (value as { field?: unknown }).field;
  return typeof field === 'string' && isSecretField(field);
}

/**
 * A copy of `value` with secret fields' values replaced and every string scrubbed, at any depth:
 * walked with a stack of its own (a body nested 100,000 levels deep cannot overflow the call
 * stack), and each object copied once (a cycle stays a cycle).
 */
function redactWith(value: unknown, scrub: Scrub): unknown {
  const copies = new Map<object, unknown>();
  let result: unknown;
  const work: [unknown, (copy: unknown) => void][] = [[value, (copy) => (result = copy)]];
  for (let next = work.pop(); next; next = work.pop()) {
    const [source, assign] = next;
    if (typeof source === 'string') assign(scrub(source));
    else if (!source || typeof source !== 'object') assign(source);
    else if (copies.has(source)) assign(copies.get(source));
    else if (source instanceof Error) assign(redactErrorWith(source, scrub, copies));
    else if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      copies.set(source, copy);
      assign(copy);
      for (let index = 0; index < source.length; index++)
        work.push([source[index], (redacted) => (copy[index] = redacted)]);
    } else {
      const copy: Record<string, unknown> = {};
      copies.set(source, copy);
      assign(copy);
      // A field error's message stays readable, scrubbed like any text.
      const aboutSecret = isAboutSecret(source);
      for (const [key, item] of Object.entries(source)) {
        const secret = isSecretField(key) || (aboutSecret && !FIELD_ERROR_DESCRIPTORS.has(key));
        if (secret && item != null) copy[key] = REDACTED;
        else work.push([item, (redacted) => (copy[key] = redacted)]);
      }
    }
  }
  return result;
}

/** A copy of `value` with secret fields' values replaced and every string scrubbed, at any depth. */
export function redactValue<T>(value: T, secrets: readonly (string | undefined)[]): T {
  return redactWith(value, scrubberOf(secrets)) as T;
}

function redactErrorWith(error: Error, scrub: Scrub, copies: Map<object, unknown>): Error {
  const cause = (error as { cause?: unknown }).cause;
  const copy = new Error(scrub(error.message));
  copies.set(error, copy);
  // The cause chain is the error's own: redacted as deep as it goes, a cycle in it kept a cycle.
  if (cause !== undefined)
    Object.assign(copy, {
      cause: copies.has(cause as object) ? copies.get(cause as object) : redactWith(cause, scrub),
    });
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : scrub(error.stack);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  return copy;
}

/**
 * A redacted stand-in for an error: same name, message and stack with secrets
 * removed, its `code` kept and its own cause redacted in turn. The original is
 * not kept because its other properties could hold anything.
 */
export function redactError(error: Error, secrets: readonly (string | undefined)[]): Error {
  return redactErrorWith(error, scrubberOf(secrets), new Map());
}

/** The secret values a request body carries, at any depth, to scrub from anything about that request. */
export function secretsIn(body: unknown): string[] {
  const secrets: string[] = [];
  const work: unknown[] = [body];
  const seen = new Set<object>();
  for (let next = work.pop(); next !== undefined || work.length > 0; next = work.pop()) {
    if (!next || typeof next !== 'object' || seen.has(next)) continue;
    seen.add(next);
    for (const [key, value] of Object.entries(next)) {
      if (typeof value === 'string' && isSecretField(key)) secrets.push(value);
      else work.push(value);
    }
  }
  return secrets;
}
