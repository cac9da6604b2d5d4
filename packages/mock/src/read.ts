/**
 * The read stage: the request's method, its target as a URL, and its whole
 * body (refused past MAX_BODY_BYTES before anything parses it).
 */
import type { IncomingMessage } from 'node:http';
import type { IHttpResponse } from '@stoplight/prism-http';
import { problem } from './problem.js';
import { problemResponse } from './reply.js';
import { readBody, TOO_LARGE, tooLargeProblem } from './request-checks.js';

export interface Received {
  request: IncomingMessage;
  /** Lower-case, as sent (`head` included). */
  method: string;
  url: URL;
  /** `url.pathname` (still percent-encoded), with any dot segment kept as sent (see pathAsSent). */
  path: string;
  raw: Buffer;
}

const ORIGIN = 'http://mock.invalid';

export async function read(request: IncomingMessage): Promise<Received | IHttpResponse> {
  const method = (request.method ?? 'GET').toLowerCase();
  const target = request.url ?? '/';
  let url: URL;
  try {
    // Origin-form ("/users/...") is the norm; absolute-form is legal too.
    url = new URL(target.startsWith('/') ? ORIGIN + target : target);
  } catch {
    return problemResponse(problem('MALFORMED', target, `The request target ${target} is not a URL path.`));
  }
  const raw = await readBody(request);
  if (raw === TOO_LARGE) return problemResponse(tooLargeProblem(url.pathname));
  return { request, method, url, path: pathAsSent(target, url), raw };
}

/** A segment WHATWG URL parsing resolves away: `.`, `..`, also percent-encoded (`%2e`, `.%2E`, …). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * The path as sent. URL parsing resolves dot segments, so `/users/%2e/x-credentials` would
 * become `/users/x-credentials` and be routed (or 404) as another resource; kept, the segment
 * reaches validation as the value of its path parameter and is refused naming it.
 */
function pathAsSent(target: string, url: URL): string {
  if (!target.startsWith('/')) return url.pathname;
  const end = target.search(/[?#]/);
  const segments = (end === -1 ? target : target.slice(0, end)).split('/');
  if (!segments.some((segment) => DOT_SEGMENT.test(segment))) return url.pathname;
  // Only the dot segments stay raw; every other one is serialized as URL parsing would.
  return segments
    .map((segment) =>
      DOT_SEGMENT.test(segment) || segment === '' ? segment : new URL(`${ORIGIN}/${segment}`).pathname.slice(1),
    )
    .join('/');
}

export function isReceived(value: Received | IHttpResponse): value is Received {
  return 'raw' in value;
}

export function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** Header name → value, repeated headers joined with `, ` (lower-case names, as node gives them). */
export function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
