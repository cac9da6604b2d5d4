/**
 * The read stage: the request's method, its target as a URL, and its whole
 * body (refused past MAX_BODY_BYTES before anything parses it).
 */
import type { IncomingMessage } from 'node:http';
import type { IHttpResponse } from '@stoplight/prism-http';
import { problem } from './problem.js';
import { problemResponse } from './reply.js';
import { readBody, tooLargeProblem, TOO_LARGE } from './request-checks.js';

export interface Received {
  request: IncomingMessage;
  /** Lower-case, as sent (`head` included). */
  method: string;
  url: URL;
  /** `url.pathname`: still percent-encoded. */
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
  return { request, method, url, path: url.pathname, raw };
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
