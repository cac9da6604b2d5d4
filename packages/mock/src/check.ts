/**
 * The check stage: what Prism does not check on a routed request (path
 * encoding, header rules, Accept, the body's bytes and Content-Type), and the
 * request as Prism's validator is to see it.
 */
import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { Problem } from './problem.js';
import { flattenHeaders, queryOf, type Received } from './read.js';
import { problemResponse } from './reply.js';
import { checkAccept, checkHeaders, checkPathEncoding, parseRequestBody } from './request-checks.js';
import type { Route } from './route.js';

export interface Checked {
  /** What Prism validates: the path without its base path, headers as the mock means them. */
  input: IHttpRequest;
  /** A problem with the body's encoding, answered after the token check. */
  bodyProblem?: Problem;
}

export function check(received: Received, route: Route, produced: readonly string[]): Checked | IHttpResponse {
  const { request, path, raw, url } = received;
  const early =
    checkPathEncoding(route.operation.path, route.path) ??
    checkHeaders(request, path) ??
    checkAccept(request.headers.accept, produced, path);
  if (early) return problemResponse(early);

  const accepted = route.operation.request?.body?.contents?.map((content) => content.mediaType.toLowerCase());
  const parsed = parseRequestBody(raw, request.headers['content-type'], accepted, path);
  const headers = flattenHeaders(request);
  // Prism gets only a content type it can parse, and no body when the mock has already refused it.
  delete headers['content-type'];
  if (parsed.contentType) headers['content-type'] = parsed.contentType;
  // The mock has checked Accept itself; Prism's reading of it ignores q-values.
  delete headers.accept;
  const method = (received.method === 'head' ? 'get' : received.method) as IHttpRequest['method'];
  return {
    input: { method, url: { path: route.path, query: queryOf(url) }, headers, body: parsed.body },
    ...(parsed.problem ? { bodyProblem: parsed.problem } : {}),
  };
}

export function isChecked(value: Checked | IHttpResponse): value is Checked {
  return 'input' in value;
}
