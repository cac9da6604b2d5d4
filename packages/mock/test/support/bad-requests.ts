/**
 * fast-check generators of requests to one operation: valid ones built from
 * its schemas, and bad ones that break exactly one thing of a valid request.
 * Each bad request carries what the mock must answer, derived from the
 * mutation: the status, and the header, parameter, field or method the
 * problem must name.
 */

import { METHODS } from 'node:http';
import { exampleOf, type JsonSchema, type OperationModel } from '@leaf-credentials/spec';
import { BEARER_TOKEN } from '@leaf-credentials/spec/bearer-token';
import fc from 'fast-check';
import { MAX_HEADER_VALUE_BYTES } from '../../src/check/rules.js';
import { fillPath, pathParametersOf } from '../../src/example-requests.js';
import { MAX_BODY_BYTES } from '../../src/read/body.js';
import { isWellFormedBearer } from '../../src/validate/index.js';
import type { RawRequest } from './send.js';

interface Expectation {
  status: number;
  /** What the problem's `detail` must mention. */
  names: string;
  /** When set, `fieldErrors` must hold `{ objectName, field: names }`. */
  objectName?: string;
}

export interface BadRequest {
  /** The mutation, for the counts and for a readable counterexample. */
  kind: string;
  request: RawRequest;
  expected: Expectation;
}

interface ValidParts {
  pathValues: Record<string, string>;
  token: string;
  body?: Record<string, unknown>;
  accept?: string;
}

/** Accept headers that leave the mock something to send (application/json or problem+json). */
export const ACCEPTABLE = [
  'application/json',
  '*/*',
  'application/*',
  'application/problem+json',
  'text/html, application/json;q=0.9',
  'text/html;q=0.9, */*;q=0.1',
  'application/json, */*;q=0',
  'not a media type',
];

/** Accept headers that rule out everything the mock sends. */
export const UNACCEPTABLE = [
  'text/html',
  'text/plain',
  'image/png',
  'application/xml',
  'text/*',
  'application/json;q=0',
  '*/*;q=0',
  'text/html, application/json;q=0, application/problem+json;q=0',
];

// ---------------------------------------------------------------- valid input

const validToken = fc.stringMatching(BEARER_TOKEN);

/** Strings `schema` allows: any Unicode (counted in code points, as the validator counts), or a URL, held to its pattern. */
function arbitraryString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 64, 64);
  const length = (text: string) => [...text].length;
  const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
  const base =
    schema.format === 'uri'
      ? fc.webUrl({ withQueryParameters: true, withFragments: true })
      : pattern
        ? fc.stringMatching(pattern, { size: 'small' })
        : fc.string({ unit: 'binary', minLength, maxLength });
  // A pattern or format narrows what may be generated; the bounds still hold.
  return base.filter(
    (text) =>
      length(text) >= minLength && length(text) <= (schema.maxLength ?? Infinity) && (!pattern || pattern.test(text)),
  );
}

/** Numbers within `minimum` and `maximum`. */
function arbitraryNumber(schema: JsonSchema): fc.Arbitrary<number> {
  const bounds = {
    ...(schema.minimum === undefined ? {} : { min: schema.minimum }),
    ...(schema.maximum === undefined ? {} : { max: schema.maximum }),
  };
  return schema.type === 'integer'
    ? fc.integer(bounds)
    : fc.double({ ...bounds, noNaN: true, noDefaultInfinity: true });
}

/** Arrays of `minItems` to `maxItems` (at most 3 over the minimum) items, distinct when `uniqueItems`. */
function arbitraryArray(schema: JsonSchema): fc.Arbitrary<unknown[]> {
  const minLength = (schema.minItems as number | undefined) ?? 0;
  const maxLength = Math.min((schema.maxItems as number | undefined) ?? Infinity, minLength + 3);
  const items = arbitraryValue(schema.items ?? {});
  return schema.uniqueItems === true
    ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) })
    : fc.array(items, { minLength, maxLength });
}

/** Values that satisfy `schema`: its type, enum, format, pattern, length, range and item bounds. */
function arbitraryValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.format === 'uuid') return fc.uuid();
  switch (schema.type) {
    case 'string':
      return arbitraryString(schema);
    case 'integer':
    case 'number':
      return arbitraryNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return arbitraryArray(schema);
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, arbitraryValue(property)]),
      );
      return fc.record(shape, { requiredKeys: [...required] });
    }
    default:
      return fc.constant(exampleOf(schema) ?? null);
  }
}

function validParts(shape: OperationModel): fc.Arbitrary<ValidParts> {
  const pathValues = fc.record(
    Object.fromEntries(pathParametersOf(shape).map(({ name, schema }) => [name, arbitraryValue(schema).map(String)])),
  );
  const body = shape.requestBody
    ? arbitraryValue(shape.requestBody.schema).map((value) => value as Record<string, unknown>)
    : fc.constant(undefined);
  const accept = fc.option(fc.constantFrom(...ACCEPTABLE), { nil: undefined });
  return fc.record({ pathValues, token: validToken, body, accept });
}

function assemble(shape: OperationModel, parts: ValidParts): RawRequest {
  const headers: Array<[string, string]> = [['authorization', `Bearer ${parts.token}`]];
  if (parts.accept !== undefined) headers.push(['accept', parts.accept]);
  if (parts.body === undefined || !shape.requestBody)
    return { method: shape.method, path: fillPath(shape, parts.pathValues), headers };
  headers.push(['content-type', shape.requestBody.mediaType]);
  return { method: shape.method, path: fillPath(shape, parts.pathValues), headers, body: JSON.stringify(parts.body) };
}

export function validRequest(shape: OperationModel): fc.Arbitrary<RawRequest> {
  return validParts(shape).map((parts) => assemble(shape, parts));
}

// ---------------------------------------------------------------- helpers

/** Header values travel as bytes: send Unicode as its UTF-8 bytes, minus what HTTP forbids. */
function asHeaderValue(text: string): string {
  return Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, '');
}

/** What the server sees: HTTP trims spaces and tabs around a header value. */
function trimOws(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

function withoutHeader(request: RawRequest, name: string): RawRequest {
  return { ...request, headers: request.headers.filter(([header]) => header.toLowerCase() !== name.toLowerCase()) };
}

function withHeader(request: RawRequest, name: string, value: string): RawRequest {
  return { ...withoutHeader(request, name), headers: [...withoutHeader(request, name).headers, [name, value]] };
}

const TOKEN_CHARS = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-.+'.split(''));
const token = fc.string({ unit: TOKEN_CHARS, minLength: 1, maxLength: 20 }).filter((text) => /^[a-z0-9]/.test(text));

/** Broken percent-encodings: not hex, cut short, or not UTF-8 once decoded. */
const BROKEN_ESCAPES = ['%', '%z', '%zz', '%G1', '%C3%28', '%E0%A4%A', '%FF', '%ED%A0%80', '%C0%AF'];

const WRONG_JSON_TYPES: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 2 }),
    fc.object({ maxDepth: 1 }),
  ),
};

/** A lone surrogate has no UTF-8 form, so it cannot be percent-encoded into a URL. */
function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

// ---------------------------------------------------------------- mutations

/**
 * Every way this generator breaks a request to `shape`. `allowedMethods` are
 * the methods the spec documents on the same path.
 */
export function badRequest(shape: OperationModel, allowedMethods: readonly string[]): fc.Arbitrary<BadRequest> {
  const valid = validParts(shape).map((parts) => ({ parts, request: assemble(shape, parts) }));
  const mutation = (kind: string, arbitrary: fc.Arbitrary<Omit<BadRequest, 'kind'>>) =>
    arbitrary.map((bad) => ({ kind, ...bad }));
  const auth: Expectation = { status: 401, names: 'Authorization', objectName: 'header' };

  const authFamilies: Array<fc.Arbitrary<BadRequest>> = [
    mutation(
      'no Authorization',
      valid.map(({ request }) => ({ request: withoutHeader(request, 'authorization'), expected: auth })),
    ),

    mutation(
      'malformed Authorization',
      fc
        .tuple(
          valid,
          fc.oneof(
            fc
              .tuple(fc.constantFrom('Basic', 'Digest', 'Token', 'Negotiate', 'JWT'), validToken)
              .map(([scheme, value]) => `${scheme} ${value}`),
            fc.constantFrom('Bearer', 'Bearer ', 'Bearer  ', ''),
            fc
              .tuple(validToken, fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), validToken)
              .map(([before, junk, after]) => `Bearer ${before}${asHeaderValue(junk)}${after}`),
            fc.string({ unit: 'binary', maxLength: 200 }).map(asHeaderValue),
          ),
        )
        .filter(([, value]) => !isWellFormedBearer(trimOws(value)))
        .map(([{ request }, value]) => ({ request: withHeader(request, 'authorization', value), expected: auth })),
    ),

    mutation(
      'Authorization twice',
      fc.tuple(valid, validToken).map(([{ request }, second]) => ({
        request: { ...request, headers: [...request.headers, ['authorization', `Bearer ${second}`]] },
        expected: { status: 400, names: 'Authorization', objectName: 'header' },
      })),
    ),
  ];
  const families: Array<fc.Arbitrary<BadRequest>> = [
    ...(shape.security.required ? authFamilies : []),
    mutation(
      'undocumented method',
      fc
        .tuple(
          valid,
          fc.constantFrom(
            ...METHODS.filter((method) => !['CONNECT', 'HEAD', 'OPTIONS', ...allowedMethods].includes(method)),
          ),
        )
        .map(([{ request }, method]) => ({
          request: { ...request, method },
          expected: { status: 405, names: method },
        })),
    ),

    mutation(
      'unknown method',
      fc
        .tuple(
          valid,
          fc.stringMatching(/^[A-Z][A-Z_-]{2,11}$/).filter((method) => !METHODS.includes(method)),
        )
        .map(([{ request }, method]) => ({
          request: { ...withoutHeader(request, 'content-type'), method, body: undefined },
          expected: { status: 400, names: method },
        })),
    ),

    mutation(
      'Expect other than 100-continue',
      fc
        .tuple(
          valid,
          token.filter((value) => value !== '100-continue'),
        )
        .map(([{ request }, value]) => ({
          request: withHeader(request, 'expect', value),
          expected: { status: 417, names: 'Expect', objectName: 'header' },
        })),
    ),

    mutation(
      'oversized header',
      fc
        .tuple(
          valid,
          fc.constantFrom('Authorization', 'Accept', 'User-Agent', 'X-Request-Id', 'Cookie'),
          fc.integer({ min: MAX_HEADER_VALUE_BYTES + 1, max: 4 * MAX_HEADER_VALUE_BYTES }),
        )
        .map(([{ request }, name, size]) => ({
          request: withHeader(
            request,
            name,
            name === 'Authorization' ? `Bearer ${'a'.repeat(size)}` : 'v'.repeat(size),
          ),
          expected: { status: 431, names: name, objectName: 'header' },
        })),
    ),

    mutation(
      'no Host',
      valid.map(({ request }) => ({
        request: { ...request, omitHost: true },
        expected: { status: 400, names: 'Host', objectName: 'header' },
      })),
    ),

    mutation(
      'Accept ruling out JSON',
      fc.tuple(valid, fc.constantFrom(...UNACCEPTABLE)).map(([{ request }, accept]) => ({
        request: withHeader(request, 'accept', accept),
        expected: { status: 406, names: 'Accept', objectName: 'header' },
      })),
    ),

    mutation(
      'unusable Prefer',
      fc
        .tuple(
          valid,
          fc.oneof(
            // Like Prism: an undocumented code or example is a 404, an unreadable preference a 422.
            fc
              .integer({ min: 100, max: 599 })
              .filter((code) => !shape.documentedStatuses.includes(code))
              .map((code) => [`code=${code}`, 404] as const),
            token.filter((name) => name !== 'default').map((name) => [`example=${name}`, 404] as const),
            fc
              .constantFrom('code=abc', 'code=2000', 'code=', 'dynamic=yes', 'dynamic=')
              .map((value) => [value, 422] as const),
          ),
        )
        .map(([{ request }, [prefer, status]]) => ({
          request: withHeader(request, 'prefer', prefer),
          expected: { status, names: 'Prefer', objectName: 'header' },
        })),
    ),
  ];

  for (const parameter of pathParametersOf(shape)) {
    const expected: Expectation = { status: 400, names: parameter.name, objectName: 'path' };
    families.push(
      mutation(
        `non-${parameter.schema.format ?? 'valid'} ${parameter.name}`,
        fc
          .tuple(
            validParts(shape),
            fc
              .oneof(
                fc.string({ unit: 'binary', minLength: 1, maxLength: 1000 }),
                // Long enough that a problem quoting it must be cut to the spec's limits.
                fc.string({ unit: 'grapheme-ascii', minLength: 2_000, maxLength: 8_000 }),
              )
              // Not 36 characters of hex and dashes, so never a uuid; "." and ".." are path syntax, not values.
              .filter((value) => (value.length !== 36 || /[^0-9a-f-]/i.test(value)) && value !== '.' && value !== '..')
              .filter(isWellFormed),
          )
          .map(([parts, value]) => ({
            request: assemble(shape, { ...parts, pathValues: { ...parts.pathValues, [parameter.name]: value } }),
            expected,
          })),
      ),
      mutation(
        `broken percent-encoding in ${parameter.name}`,
        fc
          .tuple(
            validParts(shape),
            fc.constantFrom(...BROKEN_ESCAPES),
            fc.stringMatching(/^[a-z0-9-]{0,8}$/),
            fc.stringMatching(/^[a-z0-9-]{0,8}$/),
          )
          .map(([parts, brokenEscape, before, after]) => {
            const request = assemble(shape, parts);
            const placeholder = encodeURIComponent(parts.pathValues[parameter.name]!);
            return {
              request: { ...request, path: request.path.replace(placeholder, `${before}${brokenEscape}${after}`) },
              expected,
            };
          }),
      ),
    );
  }

  if (!shape.requestBody) {
    families.push(
      mutation(
        'body on a body-less operation',
        fc
          .tuple(
            valid,
            fc.oneof(fc.json(), fc.string({ unit: 'binary', minLength: 1, maxLength: 200 })),
            fc.option(fc.constantFrom('application/json', 'text/plain')),
          )
          .map(([{ request }, body, contentType]) => ({
            request: { ...(contentType ? withHeader(request, 'content-type', contentType) : request), body },
            expected: { status: 400, names: 'body', objectName: 'body' },
          })),
      ),
    );
    return fc.oneof(...families);
  }

  const body = shape.requestBody;
  const properties = Object.entries(body.schema.properties ?? {});
  const bodyProblem: Expectation = { status: 400, names: 'body', objectName: 'body' };
  const contentTypeProblem: Expectation = { status: 415, names: 'Content-Type', objectName: 'header' };
  const withBody = (request: RawRequest, text: string | Buffer): RawRequest => ({ ...request, body: text });
  const field = (name: string): Expectation => ({ status: 400, names: name, objectName: 'body' });

  families.push(
    mutation(
      'missing required field',
      fc.tuple(valid, fc.constantFrom(...(body.schema.required ?? []))).map(([{ parts, request }, name]) => {
        const { [name]: _removed, ...rest } = parts.body!;
        return { request: withBody(request, JSON.stringify(rest)), expected: field(name) };
      }),
    ),
    mutation(
      'unknown field',
      fc
        .tuple(
          valid,
          fc.string({ unit: 'binary', maxLength: 60 }).filter((name) => !(name in (body.schema.properties ?? {}))),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([{ parts, request }, name, value]) => {
          const mutated = { ...parts.body };
          // A plain assignment would set the prototype for "__proto__": define the property instead.
          Object.defineProperty(mutated, name, { value, enumerable: true, configurable: true, writable: true });
          return { request: withBody(request, JSON.stringify(mutated)), expected: field(name) };
        }),
    ),
    mutation(
      'field of the wrong type',
      fc.tuple(valid, fc.constantFrom(...properties)).chain(([{ parts, request }, [name, schema]]) =>
        (WRONG_JSON_TYPES[String(schema.type)] ?? fc.constant(null)).map((value) => ({
          request: withBody(request, JSON.stringify({ ...parts.body, [name]: value })),
          expected: field(name),
        })),
      ),
    ),
    mutation(
      'field nested thousands deep',
      fc
        .tuple(valid, fc.constantFrom(...properties), fc.integer({ min: 1_000, max: 100_000 }))
        .map(([{ parts, request }, [name], depth]) => {
          const json = JSON.stringify({ ...parts.body, [name]: 0 }).replace(
            `${JSON.stringify(name)}:0`,
            `${JSON.stringify(name)}:${nested(depth)}`,
          );
          return { request: withBody(request, json), expected: field(name) };
        }),
    ),
    mutation(
      'string longer than maxLength',
      fc
        .tuple(
          valid,
          fc.constantFrom(...properties.filter(([, schema]) => schema.maxLength !== undefined)),
          fc.integer({ min: 1, max: 100_000 }),
          fc.constantFrom('a', 'é', '😀', '\u0000'),
        )
        .map(([{ parts, request }, [name, schema], extra, char]) => ({
          request: withBody(request, JSON.stringify({ ...parts.body, [name]: char.repeat(schema.maxLength! + extra) })),
          expected: field(name),
        })),
    ),
    mutation(
      'empty string under minLength',
      fc
        .tuple(valid, fc.constantFrom(...properties.filter(([, schema]) => (schema.minLength ?? 0) > 0)))
        .map(([{ parts, request }, [name]]) => ({
          request: withBody(request, JSON.stringify({ ...parts.body, [name]: '' })),
          expected: field(name),
        })),
    ),
    mutation(
      'body not an object',
      fc
        .tuple(
          valid,
          fc.oneof(
            fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
            fc.string(),
            fc.double({ noNaN: true, noDefaultInfinity: true }),
            fc.boolean(),
            fc.constant(null),
          ),
        )
        .map(([{ request }, value]) => ({ request: withBody(request, JSON.stringify(value)), expected: bodyProblem })),
    ),
    mutation(
      'malformed JSON',
      fc
        .tuple(valid, fc.nat(), fc.constantFrom('', '}', ',', '{', '"', "'", 'undefined', 'NaN', '\u0000', '//'))
        .map(([{ request }, cut, junk]) => {
          const text = String(request.body);
          return withBody(request, text.slice(0, cut % text.length) + junk);
        })
        .filter((request) => {
          try {
            JSON.parse(String(request.body));
            return false;
          } catch {
            return String(request.body).length > 0;
          }
        })
        .map((request) => ({ request, expected: bodyProblem })),
    ),
    mutation(
      'body not UTF-8',
      fc
        .tuple(
          valid,
          fc.constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]),
        )
        .map(([{ request }, bytes]) => {
          const text = String(request.body);
          const at = text.indexOf('"', 2) + 1; // inside the first string value or key
          const raw = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]);
          return { request: withBody(request, raw), expected: bodyProblem };
        }),
    ),
    mutation(
      'body over the size limit',
      fc.tuple(valid, fc.integer({ min: 1, max: 64 * 1024 })).map(([{ request }, extra]) => ({
        request: withBody(request, JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES + extra) })),
        expected: { status: 413, names: 'body', objectName: 'body' },
      })),
    ),
    mutation(
      'wrong Content-Type',
      fc
        .tuple(
          valid,
          fc.oneof(
            fc.constantFrom(
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/xml',
              'application/vnd.leaf+json',
              'application/json-patch+json',
            ),
            fc.tuple(token, token).map(([type, subtype]) => `${type}/${subtype}`),
          ),
        )
        .filter(([, contentType]) => contentType.split(';')[0]!.toLowerCase() !== body.mediaType)
        .map(([{ request }, contentType]) => ({
          request: withHeader(request, 'content-type', contentType),
          expected: contentTypeProblem,
        })),
    ),
    mutation(
      'malformed Content-Type',
      fc
        .tuple(
          valid,
          fc.oneof(
            token,
            fc.constantFrom(
              ';;;',
              '/',
              `/${body.mediaType.split('/')[1]}`,
              `${body.mediaType.split('/')[0]}/`,
              `${body.mediaType}/x`,
              `${body.mediaType}; charset`,
              `${body.mediaType}; =utf-8`,
              `${body.mediaType}; charset="utf-8`,
              `"${body.mediaType}"`,
            ),
            fc
              .string({ unit: 'binary', minLength: 1, maxLength: 40 })
              .map((junk) => `${body.mediaType.replace('/', asHeaderValue(junk))}`),
          ),
        )
        .filter(([, contentType]) => !contentType.includes('/') || trimOws(contentType) !== body.mediaType)
        .map(([{ request }, contentType]) => ({
          request: withHeader(request, 'content-type', contentType),
          expected: contentTypeProblem,
        })),
    ),
    mutation(
      'charset other than UTF-8',
      fc
        .tuple(
          valid,
          fc.constantFrom('latin1', 'iso-8859-1', 'utf-16', 'utf-16le', 'us-ascii', 'utf8mb4', '"windows-1252"'),
        )
        .map(([{ request }, charset]) => ({
          request: withHeader(request, 'content-type', `${body.mediaType}; charset=${charset}`),
          expected: contentTypeProblem,
        })),
    ),
    mutation(
      'no Content-Type',
      valid.map(({ request }) => ({ request: withoutHeader(request, 'content-type'), expected: contentTypeProblem })),
    ),
    mutation(
      'Content-Type twice',
      valid.map(({ request }) => ({
        request: { ...request, headers: [...request.headers, ['content-type', body.mediaType]] },
        expected: { status: 400, names: 'Content-Type', objectName: 'header' },
      })),
    ),
  );
  return fc.oneof(...families);
}

// ---------------------------------------------------------------- sandbox control requests

/** Clock values the sandbox's date arithmetic cannot represent, or that are not RFC 3339 UTC. */
const UNREPRESENTABLE_INSTANTS = fc.oneof(
  fc.constantFrom(
    '2016-12-31T23:59:60Z',
    '2030-02-30T00:00:00Z',
    '2030-01-01T24:00:00Z',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '2030-01-01T00:00:00+02:00',
    '2030-01-01T00:00:00-00:00',
  ),
  fc
    .date({ min: new Date(Date.UTC(2100, 0, 1)), max: new Date(8.64e15), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc.string({ maxLength: 40 }).filter((text) => !/^\d{4}-\d\d-\d\dT/.test(text)),
);

/** A control request (`path` under /__sandbox) with a well-formed token of its own. */
function controlRequest(method: string, path: string, token: string, body?: string): RawRequest {
  const headers: Array<[string, string]> = [['authorization', `Bearer ${token}`]];
  if (body !== undefined) headers.push(['content-type', 'application/json']);
  return { method, path: `/__sandbox${path}`, headers, body };
}

/** `{"a":…}` nested `depth` deep, as JSON text (JSON.stringify would overflow the stack first). */
function nestedObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;
}

/**
 * Bad control requests to the sandbox, each with one thing wrong: a clock value
 * it cannot represent, a body that is not JSON, a seed nested too deep, or no
 * usable Authorization; any of them may also carry a hundred or so extra headers.
 */
export function badControlRequest(): fc.Arbitrary<BadRequest> {
  const body = (field: string): Expectation => ({ status: 400, names: field, objectName: 'body' });
  const families: Array<fc.Arbitrary<BadRequest>> = [
    fc.tuple(validToken, UNREPRESENTABLE_INSTANTS).map(([owner, now]) => ({
      kind: 'control: clock value',
      request: controlRequest('PUT', '/clock', owner, JSON.stringify({ now })),
      expected: body('now'),
    })),
    fc
      .tuple(validToken, fc.constantFrom('/clock', '/seed'), fc.integer({ min: 1, max: 29 }))
      .map(([owner, path, cut]) => ({
        kind: 'control: body not JSON',
        request: controlRequest(
          path === '/clock' ? 'PUT' : 'POST',
          path,
          owner,
          '{"now":"2030-01-01T00:00:00Z"}'.slice(0, cut),
        ),
        expected: body('body'),
      })),
    fc.tuple(validToken, fc.integer({ min: 40, max: 100_000 })).map(([owner, depth]) => ({
      kind: 'control: nested seed',
      request: controlRequest(
        'POST',
        '/seed',
        owner,
        `{"credentials":[{"leafUserId":"5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f","provider":"any","credentials":{"status":"OK","extra":${nestedObject(depth)}}}]}`,
      ),
      expected: { status: 400, names: 'credentials[0]' },
    })),
    fc
      .tuple(
        fc.constantFrom('/reset', '/requests', '/credentials', '/clock'),
        fc.constantFrom(undefined, '', 'Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer a b'),
      )
      .map(([path, authorization]) => {
        const request = controlRequest(path === '/reset' ? 'POST' : 'GET', path, 'x');
        return {
          kind: 'control: no usable Authorization',
          request:
            authorization === undefined
              ? withoutHeader(request, 'authorization')
              : withHeader(request, 'authorization', authorization),
          expected: { status: 401, names: 'Authorization', objectName: 'header' },
        };
      }),
  ];
  const padding = fc.array(fc.string({ unit: TOKEN_CHARS, minLength: 100, maxLength: 200 }), {
    minLength: 50,
    maxLength: 150,
  });
  return fc.tuple(fc.oneof(...families), fc.boolean(), padding).map(([bad, heavy, values]) =>
    heavy
      ? {
          ...bad,
          kind: `${bad.kind}, header-heavy`,
          request: {
            ...bad.request,
            headers: [
              ...bad.request.headers,
              ['cookie', 'session=not-for-the-log'],
              ['x-api-key', 'not-for-the-log'],
              ...values.map((value, index): [string, string] => [`x-pad-${index}`, value]),
            ],
          },
        }
      : bad,
  );
}
