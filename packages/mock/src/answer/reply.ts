/**
 * The last step of every request: the stages' IHttpResponse as a web-standard
 * Response, with CORS headers, a problem body cut to the spec's Problem schema
 * and stating the status it is sent with, and an exact Content-Length.
 */
import type { IHttpResponse } from '@stoplight/prism-http';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../problem.js';

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, prefer',
  'access-control-expose-headers': 'www-authenticate, preference-applied, x-total-count, link',
};

/** A reply as it goes out: status, lower-case headers, and the payload (absent for 204 and HEAD). */
export interface Outgoing {
  status: number;
  headers: Record<string, string>;
  payload?: string;
}

export function outgoing(
  reply: IHttpResponse,
  method: string,
  cors: Record<string, string>,
  fit: (body: Problem) => Problem,
): Outgoing {
  const headers: Record<string, string> = { ...cors, ...lowercaseKeys(reply.headers ?? {}) };
  if (reply.body === undefined || reply.statusCode === 204) {
    // Prism labels an empty reply (a 204) text/plain; there is no content to have a type.
    delete headers['content-type'];
    return { status: reply.statusCode, headers };
  }
  const body =
    headers['content-type'] === PROBLEM_CONTENT_TYPE ? fit(statingStatus(reply.body, reply.statusCode)) : reply.body;
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  headers['content-type'] ??= 'application/json';
  headers['content-length'] = String(Buffer.byteLength(payload));
  // HEAD is answered like GET, Content-Length included, without the body (RFC 9110 §9.3.2).
  return method === 'head' ? { status: reply.statusCode, headers } : { status: reply.statusCode, headers, payload };
}

export function toResponse({ status, headers, payload }: Outgoing): Response {
  return new Response(payload ?? null, { status, headers });
}

/**
 * A problem states the status it is sent with (RFC 9457 §3.1.2). Prism's body for
 * `Prefer: dynamic=true` is generated from the schema, so its `status` is random.
 */
function statingStatus(body: unknown, status: number): Problem {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body as Problem;
  return { ...(body as Problem), status };
}

function lowercaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
