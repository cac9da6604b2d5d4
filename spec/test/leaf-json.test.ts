/**
 * leafJson writes what Python's `json.dumps` writes with its defaults, the text
 * Leaf signs: `: ` and `, ` separators, everything outside printable ASCII as
 * `\uXXXX` (per UTF-16 unit). The expected texts are json.dumps' own output.
 */
import { describe, expect, it } from 'vitest';
import { leafJson } from '../src/leaf-json.js';

describe('leafJson', () => {
  it.each([
    [
      'an alert',
      {
        credential: 'client-1',
        provider: 'JohnDeere',
        message: 'Bad credentials: ünïcode – and "quotes"\n',
        status: 'UNAUTHENTICATED',
      },
      '{"credential": "client-1", "provider": "JohnDeere", "message": "Bad credentials: \\u00fcn\\u00efcode \\u2013 and \\"quotes\\"\\n", "status": "UNAUTHENTICATED"}',
    ],
    [
      'the confirmation',
      { message: 'confirmation of webhook upon registration' },
      '{"message": "confirmation of webhook upon registration"}',
    ],
    ['nesting, numbers, literals', { a: [1, 2.5, true, null], b: {} }, '{"a": [1, 2.5, true, null], "b": {}}'],
    ['control characters by name and by code', { t: '\b\f\r\t\\\u0001' }, '{"t": "\\b\\f\\r\\t\\\\\\u0001"}'],
    ['an astral character as a surrogate pair, DEL escaped', { e: '😀\u007f' }, '{"e": "\\ud83d\\ude00\\u007f"}'],
    ['a non-ASCII key', { café: 1 }, '{"caf\\u00e9": 1}'],
    ['an undefined member left out, as JSON.parse never makes one', { a: undefined, b: 1 }, '{"b": 1}'],
    ['a number JSON cannot write as null', [Number.NaN, Number.POSITIVE_INFINITY], '[null, null]'],
    ['a top-level string', 'x', '"x"'],
  ])('writes %s', (_name, value, text) => {
    expect(leafJson(value)).toBe(text);
  });
});
