/**
 * JSON as Leaf's alerts service writes the bodies it signs: Python's
 * `json.dumps` defaults, so `: ` after a key, `, ` between members, and every
 * character outside printable ASCII as a `\uXXXX` escape. Leaf's documented
 * check signs this text of the parsed body, so a receiver whose framework
 * re-encoded the body can still verify it. Numbers are written as JavaScript
 * writes them (credential alerts carry none).
 *
 * Its one home: the sandbox signs with it, the client verifies with it. Kept free
 * of imports so the client's bundler can inline it (`@leaf-credentials/spec/leaf-json`).
 */

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A string literal with Python's ensure_ascii escapes (per UTF-16 unit, so astral characters are surrogate pairs). */
function quote(text: string): string {
  return `"${text.replace(/["\\]|[^\x20-\x7e]/g, (char) => NAMED_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/** `value` (parsed JSON) written as Leaf writes a signed body. */
export function leafJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(leafJson).join(', ')}]`;
  if (typeof value === 'object') {
    const members = Object.entries(value).filter(([, member]) => member !== undefined);
    return `{${members.map(([key, member]) => `${quote(key)}: ${leafJson(member)}`).join(', ')}}`;
  }
  return 'null';
}
