/**
 * The client trusts no response shape: a success body must be what its
 * generated check says (src/generated/response-checks.ts, from the spec's
 * success schemas; each operation's is in its entry of the operation table) — an object carrying the required properties, each of its
 * JSON type, or for a list an array of such objects. Only the top level is
 * checked: enough that the helpers never read a field that is not there or
 * not what it claims, small enough for a browser bundle.
 */
import { LeafInvalidResponseError } from './errors.js';

/** Required property → the JSON types it may have (empty: any). */
export type ResponseShape = Readonly<Record<string, readonly string[]>>;

export interface ResponseCheck {
  readonly list: boolean;
  readonly shape: ResponseShape;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, types: readonly string[]): boolean {
  const type = jsonTypeOf(value);
  return (
    types.length === 0 ||
    types.includes(type) ||
    (type === 'number' && types.includes('integer') && Number.isInteger(value))
  );
}

/** What is wrong with `value` for `shape`, named by property (never quoting a value), or undefined. */
function mismatch(value: unknown, shape: ResponseShape): string | undefined {
  if (jsonTypeOf(value) !== 'object') return `must be an object, not ${jsonTypeOf(value)}`;
  for (const [name, types] of Object.entries(shape)) {
    const field = (value as Record<string, unknown>)[name];
    if (field === undefined) return `${name} is missing`;
    if (!hasType(field, types))
      return `${name} must be ${types.map((type) => `a${/^[aeiou]/.test(type) ? 'n' : ''} ${type}`).join(' or ')}`;
  }
  return undefined;
}

/** What is wrong with a success body for `check`, or undefined when it matches. */
function responseMismatch(check: ResponseCheck, body: unknown): string | undefined {
  if (!check.list) return mismatch(body, check.shape);
  if (!Array.isArray(body)) return `must be an array, not ${jsonTypeOf(body)}`;
  for (let index = 0; index < body.length; index++) {
    const problem = mismatch(body[index], check.shape);
    if (problem) return `item ${index}: ${problem}`;
  }
  return undefined;
}

/** `body` if it matches `check` (or there is none); else a LeafInvalidResponseError saying what does not. */
export function checkedResponse(
  operation: string,
  check: ResponseCheck | undefined,
  response: Response,
  body: unknown,
  secrets: readonly string[],
): unknown {
  const problem = check && responseMismatch(check, body);
  if (problem === undefined) return body;
  throw new LeafInvalidResponseError(operation, response, undefined, secrets, `does not match the spec: ${problem}`);
}
