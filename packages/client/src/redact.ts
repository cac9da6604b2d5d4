/**
 * Keeps secrets inside the client: everything that leaves it through an
 * error, `toJSON()`, `util.inspect` or the logger goes through here first.
 */
import { SECRET_FIELDS } from './generated/constants.js';
import type { FieldError } from './types.js';

// Which fields are secret is the spec's to say (`x-sensitive: true`); generated from it.
export { SECRET_FIELDS };

export const REDACTED = '[redacted]';

/** Shorter values are not treated as secrets when scrubbing text: they would mangle ordinary words. */
const MIN_SECRET_LENGTH = 4;
const MAX_DEPTH = 10;

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

/** Removes the given secret values, secret-field assignments and bearer credentials from text. */
export function scrubText(text: string, secrets: readonly (string | undefined)[]): string {
  let scrubbed = text;
  for (const secret of secrets) {
    if (secret && secret.length >= MIN_SECRET_LENGTH) scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  return scrubbed.replace(SECRET_ASSIGNMENT, replaceAssignment).replace(BEARER_CREDENTIAL, `$1${REDACTED}`);
}

/** A copy of `value` with secret fields' values replaced and every string scrubbed. */
export function redactValue<T>(value: T, secrets: readonly (string | undefined)[], depth = 0): T {
  if (typeof value === 'string') return scrubText(value, secrets) as T;
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) return redactError(value, secrets, depth) as T;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  // A field error about a secret field (`{ field: 'clientSecret', rejectedValue: … }`) quotes the secret;
  // its message stays readable, scrubbed like any text.
  const field = (value as { field?: unknown }).field;
  const aboutSecret = typeof field === 'string' && isSecretField(field);
  for (const [key, item] of Object.entries(value)) {
    const secret = isSecretField(key) || (aboutSecret && !FIELD_ERROR_DESCRIPTORS.has(key));
    copy[key] = secret && item != null ? REDACTED : redactValue(item, secrets, depth + 1);
  }
  return copy as T;
}

/**
 * A redacted stand-in for an error: same name, message and stack with secrets
 * removed, its `code` kept and its own cause redacted in turn. The original is
 * not kept because its other properties could hold anything.
 */
export function redactError(error: Error, secrets: readonly (string | undefined)[], depth = 0): Error {
  const cause = (error as { cause?: unknown }).cause;
  const copy = new Error(scrubText(error.message, secrets), {
    cause: cause === undefined || depth > MAX_DEPTH ? undefined : redactValue(cause, secrets, depth + 1),
  });
  if (cause === undefined) delete (copy as { cause?: unknown }).cause;
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : scrubText(error.stack, secrets);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  return copy;
}

/** The secret values a request body carries, at any depth, to scrub from anything about that request. */
export function secretsIn(body: unknown, secrets: string[] = [], depth = 0): string[] {
  if (!body || typeof body !== 'object' || depth > MAX_DEPTH) return secrets;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && isSecretField(key)) secrets.push(value);
    else secretsIn(value, secrets, depth + 1);
  }
  return secrets;
}
