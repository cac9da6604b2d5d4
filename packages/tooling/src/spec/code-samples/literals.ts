/**
 * A JSON value written as a sample language's literal: a Python dict, a
 * JavaScript object (curl's body is Leaf's own JSON writer, `leafJson`, quoted
 * for sh). Multi-line, indented the way a person writes them, with a trailing
 * comma after each entry.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Single-quoted for sh: a `'` inside closes, escapes and reopens the quotes. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

interface LiteralStyle {
  indent: string;
  string(text: string): string;
  key(name: string): string;
  scalar(value: null | boolean | number): string;
}

function singleQuoted(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
}

const PYTHON: LiteralStyle = {
  indent: '    ',
  string: singleQuoted,
  key: singleQuoted,
  scalar: (value) => (value === null ? 'None' : value === true ? 'True' : value === false ? 'False' : String(value)),
};

const JAVASCRIPT: LiteralStyle = {
  indent: '  ',
  string: singleQuoted,
  key: (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : singleQuoted(name)),
  scalar: (value) => String(value),
};

function literal(value: Json, style: LiteralStyle, depth: number): string {
  if (typeof value === 'string') return style.string(value);
  if (value === null || typeof value !== 'object') return style.scalar(value);
  const inner = style.indent.repeat(depth + 1);
  const outer = style.indent.repeat(depth);
  const entries = Array.isArray(value)
    ? value.map((item) => literal(item, style, depth + 1))
    : Object.entries(value).map(([key, item]) => `${style.key(key)}: ${literal(item, style, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  return `${open}\n${entries.map((entry) => `${inner}${entry},\n`).join('')}${outer}${close}`;
}

export const pythonLiteral = (value: unknown): string => literal(value as Json, PYTHON, 0);
export const javascriptLiteral = (value: unknown): string => literal(value as Json, JAVASCRIPT, 0);

/** A flat object as a one-line JavaScript literal, `{ page: 0, sort: 'createdDate,desc' }`. */
export function inlineJavascriptLiteral(value: Record<string, unknown>): string {
  const entries = Object.entries(value).map(
    ([key, item]) => `${JAVASCRIPT.key(key)}: ${literal(item as Json, JAVASCRIPT, 0)}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}
