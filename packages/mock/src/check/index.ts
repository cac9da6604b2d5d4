/**
 * The check stage: what Prism does not check on a routed request (path
 * encoding, header rules, codings, Accept, query integers, the body's bytes
 * and Content-Type), and the request as Prism's validator is to see it.
 */
import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { namedProblem, type Problem, problemResponse } from '../problem.js';
import { flattenHeaders, queryOf, type Received } from '../read/index.js';
import type { Route } from '../route/index.js';
import { checkAccept, checkHeaders, checkPathEncoding, parseRequestBody } from './rules.js';

export interface Checked {
  /** What Prism validates: the path without its base path, headers as the mock means them. */
  input: IHttpRequest;
  /** A problem with the body's encoding, answered after the token check. */
  bodyProblem?: Problem;
}

export function check(received: Received, route: Route, produced: readonly string[]): Checked | IHttpResponse {
  const { path, raw, url, headers } = received;
  const query = queryOf(url);
  const early =
    checkPathEncoding(route.operation.path, route.path) ??
    checkHeaders(received) ??
    checkAccept(headers.get('accept') ?? undefined, produced, path) ??
    checkQueryIntegers(route.operation, query, path);
  if (early) return problemResponse(early);

  const accepted = route.operation.request?.body?.contents?.map((content) => content.mediaType.toLowerCase());
  const parsed = parseRequestBody(raw, headers.get('content-type') ?? undefined, accepted, path);
  const flat = flattenHeaders(headers);
  // Prism gets only a content type it can parse, and no body when the mock has already refused it.
  delete flat['content-type'];
  if (parsed.contentType) flat['content-type'] = parsed.contentType;
  // The mock has checked Accept itself; Prism's reading of it ignores q-values.
  delete flat.accept;
  const method = (received.method === 'head' ? 'get' : received.method) as IHttpRequest['method'];
  return {
    input: { method, url: { path: route.path, query }, headers: flat, body: parsed.body },
    ...(parsed.problem ? { bodyProblem: parsed.problem } : {}),
  };
}

/** Decimal digits, perhaps signed: Prism would take `0x10`, `1e2` and an empty value as numbers. */
const DECIMAL_INTEGER = /^-?\d+$/;

/** An integer query parameter is written in plain decimal digits (its bounds are Prism's to check). */
function checkQueryIntegers(
  operation: IHttpOperation,
  query: Record<string, string | string[]>,
  path: string,
): Problem | undefined {
  for (const parameter of operation.request?.query ?? []) {
    if ((parameter.schema as { type?: unknown } | undefined)?.type !== 'integer') continue;
    const values = query[parameter.name];
    for (const value of values === undefined ? [] : [values].flat()) {
      if (DECIMAL_INTEGER.test(value)) continue;
      const message = `query parameter ${parameter.name}: must be an integer written in decimal digits`;
      return namedProblem('VIOLATION', path, 'query', parameter.name, message);
    }
  }
  return undefined;
}

export function isChecked(value: Checked | IHttpResponse): value is Checked {
  return 'input' in value;
}
