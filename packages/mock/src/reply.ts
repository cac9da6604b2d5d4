/**
 * The last step of every request: an IHttpResponse written to the socket, with
 * CORS headers, a problem body cut to the spec's Problem schema and stating the
 * status it is sent with, and an exact Content-Length.
 */
import type { ServerResponse } from 'node:http';
import type { IHttpResponse } from '@stoplight/prism-http';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';

export function problemResponse(body: Problem): IHttpResponse {
  return { statusCode: body.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body };
}

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, prefer',
  'access-control-expose-headers': 'www-authenticate, preference-applied, x-total-count, link',
};

export function send(
  response: ServerResponse,
  reply: IHttpResponse,
  cors: Record<string, string>,
  fit: (body: Problem) => Problem,
): void {
  const headers: Record<string, string> = { ...cors, ...lowercaseKeys(reply.headers ?? {}) };
  let payload: string | undefined;
  if (reply.body !== undefined && reply.statusCode !== 204) {
    const body =
      headers['content-type'] === PROBLEM_CONTENT_TYPE ? fit(statingStatus(reply.body, reply.statusCode)) : reply.body;
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
    // writeHead fixes the headers before end() sees the body: without this node sends it chunked.
    headers['content-length'] = String(Buffer.byteLength(payload));
  } else {
    // Prism labels an empty reply (a 204) text/plain; there is no content to have a type.
    delete headers['content-type'];
  }
  response.writeHead(reply.statusCode, headers);
  response.end(payload);
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
