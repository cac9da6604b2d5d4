/**
 * The read stage: a web-standard Request as the later stages see it — its
 * method, its target as a URL with the path as sent, its headers, and its
 * whole body (refused past MAX_BODY_BYTES before anything parses it).
 */
import type { IHttpResponse } from '@stoplight/prism-http';
import { problem, problemResponse } from '../problem.js';
import { MAX_BODY_BYTES, readBody, TOO_LARGE, tooLargeProblem } from './body.js';

export { MAX_BODY_BYTES, UnreadableBodyError } from './body.js';

/**
 * What the socket saw that a Request does not keep. The node:http adapter
 * passes it; through fetch there is no socket and none of it exists.
 */
export interface Wire {
  /** The request target as sent: a Request's URL has already resolved dot segments. */
  target?: string;
  /** Name/value pairs as they arrived: a Request joins repeated headers into one. */
  rawHeaders?: readonly string[];
  /** `1.1`, `1.0`: HTTP/1.1 requires Host. */
  httpVersion?: string;
  /** A method a Request cannot carry (TRACE, TRACK): routing still answers it with a 405. */
  method?: string;
  /** The bytes a GET or HEAD carried: a Request cannot, and the check stage refuses them by name. */
  body?: Uint8Array;
}

/**
 * A request whose parts an adapter already holds: the node:http door has read
 * the whole body, and a Request built around it (a stream, an abort signal)
 * only to be read back cost about a tenth of each request's time, by the profile.
 */
export interface HeldRequest {
  method: string;
  url: string;
  headers: Headers;
  /** The whole body as received, up to one byte past MAX_BODY_BYTES. */
  wholeBody: Uint8Array;
}

/** What the read stage takes: a web-standard Request, or one an adapter holds. */
export type Incoming = Request | HeldRequest;

export interface Received {
  /** Lower-case, as sent (`head` included). */
  method: string;
  url: URL;
  /** `url.pathname` (still percent-encoded), with any dot segment kept as sent (see pathAsSent). */
  path: string;
  headers: Headers;
  wire: Wire;
  raw: Uint8Array;
}

const ORIGIN = 'http://mock.invalid';

export async function read(request: Incoming, wire: Wire = {}): Promise<Received | IHttpResponse> {
  const method = (wire.method ?? request.method).toLowerCase();
  const target = wire.target ?? targetOf(request.url);
  let url: URL;
  try {
    // Origin-form ("/users/...") is the norm; absolute-form is legal too.
    url = new URL(target.startsWith('/') ? ORIGIN + target : target);
  } catch {
    return problemResponse(problem('MALFORMED', target, 'The request target is not a URL path.'));
  }
  const raw = wire.body ?? ('wholeBody' in request ? heldBody(request) : await readBody(request));
  if (raw === TOO_LARGE) return problemResponse(tooLargeProblem(url.pathname));
  return { method, url, path: pathAsSent(target, url), headers: request.headers, wire, raw };
}

function heldBody({ wholeBody }: HeldRequest): Uint8Array | typeof TOO_LARGE {
  return wholeBody.byteLength > MAX_BODY_BYTES ? TOO_LARGE : wholeBody;
}

/** A Request's URL is absolute; the stages route its path and query (origin-form), whatever host it names. */
function targetOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
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

/** Header name → value, repeated headers joined with `, ` (lower-case names). */
export function flattenHeaders(headers: Headers): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of headers) flat[name] = value;
  return flat;
}
