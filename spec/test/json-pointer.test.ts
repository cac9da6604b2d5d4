/**
 * RFC 6901 pointers and local `$ref`s, table by table: the escapes, both
 * pointer forms, arrays, what is missing, and `$ref` chains and cycles.
 */
import { describe, expect, it } from 'vitest';
import {
  escapePointerSegment,
  formatPointer,
  locateRef,
  parsePointer,
  resolvePointer,
  resolveRef,
} from '../src/json-pointer.js';

// RFC 6901 section 5's example document, and its section 6 fragment forms.
const rfc = {
  foo: ['bar', 'baz'],
  '': 0,
  'a/b': 1,
  'c%d': 2,
  'e^f': 3,
  'g|h': 4,
  'i\\j': 5,
  'k"l': 6,
  ' ': 7,
  'm~n': 8,
};

describe('resolvePointer', () => {
  it.each<[string, unknown]>([
    ['', rfc],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
    ['#', rfc],
    ['#/foo', ['bar', 'baz']],
    ['#/foo/0', 'bar'],
    ['#/', 0],
    ['#/a~1b', 1],
    ['#/c%25d', 2],
    ['#/e%5Ef', 3],
    ['#/g%7Ch', 4],
    ['#/i%5Cj', 5],
    ['#/k%22l', 6],
    ['#/%20', 7],
    ['#/m~0n', 8],
  ])('%j names %j', (pointer, expected) => {
    expect(resolvePointer(rfc, pointer)).toEqual(expected);
  });

  it.each([
    ['/missing'],
    ['/foo/2'],
    ['/foo/-'],
    ['/foo/01'],
    ['/foo/0/length'],
    ['/a~1b/deeper'],
    ['/toString'],
    ['/__proto__'],
  ])('%j names nothing', (pointer) => {
    expect(resolvePointer(rfc, pointer)).toBeUndefined();
  });

  it('decodes ~01 as ~1, not /', () => {
    expect(resolvePointer({ '~1': 'tilde one', '/': 'slash' }, '/~01')).toBe('tilde one');
  });

  it.each([['foo'], ['#foo'], ['#/%E0%A4%A']])('rejects %j', (pointer) => {
    expect(() => resolvePointer(rfc, pointer)).toThrow(/JSON pointer|URI fragment/);
  });
});

describe('formatting pointers', () => {
  it.each<[Array<string | number>, string]>([
    [[], ''],
    [[''], '/'],
    [['paths', '/users/{leafUserId}', 'get'], '/paths/~1users~1{leafUserId}/get'],
    [['m~n', 'a/b', '~1'], '/m~0n/a~1b/~01'],
    [['parameters', 0], '/parameters/0'],
  ])('%j is %j, and parses back', (segments, pointer) => {
    expect(formatPointer(segments)).toBe(pointer);
    expect(parsePointer(pointer)).toEqual(segments.map(String));
  });

  it('escapes one segment', () => {
    expect(escapePointerSegment('application/json')).toBe('application~1json');
  });
});

describe('resolveRef', () => {
  const document = {
    components: {
      schemas: {
        Problem: { type: 'object' },
        Alias: { $ref: '#/components/schemas/Problem' },
        'a/b': { type: 'string' },
        Dangling: { $ref: '#/components/schemas/Missing' },
        Loop: { $ref: '#/components/schemas/Loop' },
        Ping: { $ref: '#/components/schemas/Pong' },
        Pong: { $ref: '#/components/schemas/Ping' },
      },
    },
  };
  const { schemas } = document.components;

  it.each<[string, unknown, unknown, string | undefined]>([
    ['a node without $ref is itself', schemas.Problem, schemas.Problem, undefined],
    [
      'a $ref is what it names',
      { $ref: '#/components/schemas/Problem' },
      schemas.Problem,
      '#/components/schemas/Problem',
    ],
    [
      'a chain is followed to its end',
      { $ref: '#/components/schemas/Alias' },
      schemas.Problem,
      '#/components/schemas/Problem',
    ],
    [
      'escaped segments are decoded',
      { $ref: '#/components/schemas/a~1b' },
      schemas['a/b'],
      '#/components/schemas/a~1b',
    ],
    ['a $ref to another document is left alone', { $ref: 'other.yaml#/x' }, { $ref: 'other.yaml#/x' }, undefined],
    ['a primitive is itself', 'text', 'text', undefined],
    ['null is itself', null, null, undefined],
  ])('%s', (_, node, expected, ref) => {
    expect(resolveRef(document, node)).toEqual(expected);
    expect(locateRef(document, node)).toEqual(ref === undefined ? { node: expected } : { node: expected, ref });
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a $ref that names nothing',
      { $ref: '#/components/schemas/Dangling' },
      /"#\/components\/schemas\/Missing" names nothing/,
    ],
    ['a $ref to itself', { $ref: '#/components/schemas/Loop' }, /\$ref cycle: .*Loop → .*Loop$/],
    ['a longer cycle', schemas.Ping, /\$ref cycle: .*Pong → .*Ping → .*Pong$/],
  ])('throws on %s', (_, node, message) => {
    expect(() => resolveRef(document, node)).toThrow(message);
  });
});
