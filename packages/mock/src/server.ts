/**
 * The mock server: Prism's HTTP engine (routing, request and security
 * validation, example-based responses) behind a small node:http front that
 * parses bodies itself and answers every invalid request with problem+json
 * naming what was wrong, where Prism alone would answer with the spec's static
 * 400 example and hide the violations in a header.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { IHttpOperation } from '@stoplight/types';
import type { IPrismComponents, IPrismDiagnostic } from '@stoplight/prism-core';
import {
  createInstance,
  getHttpOperationsFromSpec,
  type IHttpConfig,
  type IHttpRequest,
  type IHttpResponse,
} from '@stoplight/prism-http';
import type { BundledSpec } from '@leaf-credentials/spec';
import { silentLogger } from './silent-logger.js';
import {
  describeViolations,
  fitToSchema,
  parameterNamesOf,
  problem,
  PROBLEM_CONTENT_TYPE,
  toFieldError,
  type FieldError,
  type ParameterNames,
  type Problem,
  type SizeSchema,
} from './problem.js';
import {
  checkAccept,
  checkHeaders,
  checkPathEncoding,
  parseRequestBody,
  readBody,
  tooLargeProblem,
  TOO_LARGE,
} from './request-checks.js';
import { answerProtocolErrors, MAX_HEADER_BYTES } from './protocol-errors.js';
import { readPreferences, type Preferences } from './preferences.js';

export { MAX_BODY_BYTES, MAX_HEADER_VALUE_BYTES } from './request-checks.js';
export { MAX_HEADER_BYTES } from './protocol-errors.js';

/** A request still incomplete after this long gets a 408 (a stalled client must not hold the mock). */
export const REQUEST_TIMEOUT_MS = 10_000;

type PrismRoute = IPrismComponents<IHttpOperation, IHttpRequest, unknown, IHttpConfig>['route'];
// Prism's router is not in its package index (5.12.0 is pinned): the mock routes
// first so it knows the operation before Prism validates the request.
const { default: route } = createRequire(import.meta.url)('@stoplight/prism-http/dist/router/index.js') as {
  default: PrismRoute;
};

/** A fresh config per request: Prism's mocker writes the request's Accept into `mock`. */
function prismConfig(preferences: Preferences = {}): IHttpConfig {
  return {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    // Errors are documented as problem+json and as plain JSON (Leaf sends either): the mock's are problem+json.
    mock: { dynamic: false, mediaTypes: [PROBLEM_CONTENT_TYPE, 'application/json'], ...preferences },
  };
}

/** RFC 6750's b64token: what may follow `Bearer ` in an Authorization header. */
export const BEARER_TOKEN_PATTERN = /^Bearer [A-Za-z0-9\-._~+/]+=*$/;

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, prefer',
  'access-control-expose-headers': 'www-authenticate, preference-applied',
};

export interface MockServerOptions {
  /** Called once per answered request, for an access log. */
  onResponse?: (method: string, url: string, status: number) => void;
  /** How long a client may take to send a whole request (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

export async function loadOperations(spec: BundledSpec): Promise<IHttpOperation[]> {
  // Prism dereferences in place: give it a copy so callers keep their document.
  return getHttpOperationsFromSpec(structuredClone(spec) as never);
}

const ORIGIN = 'http://mock.invalid';

export function createMockServer(operations: IHttpOperation[], options: MockServerOptions = {}): Server {
  const { requestTimeoutMs = REQUEST_TIMEOUT_MS } = options;
  const prism = createInstance(prismConfig(), { logger: silentLogger });
  const parameterNames = parameterNamesOf(operations);
  const methods = [...new Set(operations.map((operation) => operation.method.toLowerCase()))];
  // HEAD is answered like GET without the body (RFC 9110 §9.3.2), wherever GET is documented.
  const withHead = (allowed: string[]) => (allowed.includes('get') ? [...allowed, 'head'] : allowed);
  const produced = producedMediaTypes(operations);
  const problemSchema = problemSchemaOf(operations);
  const fit = (body: Problem) => fitToSchema(body, problemSchema);
  // Browsers may call every method the spec documents, plus the preflight itself.
  const cors = { ...CORS_HEADERS, 'access-control-allow-methods': formatMethods([...withHead(methods), 'options']) };
  const reply = (response: ServerResponse, answer: IHttpResponse) => send(response, answer, cors, fit);

  function allowedMethods(path: string): string[] {
    return withHead(methods.filter((method) => route({ resources: operations, input: requestFor(method, path) })._tag === 'Right'));
  }

  async function answer(request: IncomingMessage): Promise<IHttpResponse> {
    const method = (request.method ?? 'GET').toLowerCase();
    if (method === 'options') return { statusCode: 204, headers: {} };
    const operationMethod = method === 'head' ? 'get' : method;

    const target = request.url ?? '/';
    let url: URL;
    try {
      // Origin-form ("/users/...") is the norm; absolute-form is legal too.
      url = new URL(target.startsWith('/') ? ORIGIN + target : target);
    } catch {
      return problemResponse(problem(400, target, `The request target ${target} is not a URL path.`));
    }
    const path = url.pathname;

    const raw = await readBody(request);
    if (raw === TOO_LARGE) return problemResponse(tooLargeProblem(path));

    const routed = route({ resources: operations, input: requestFor(operationMethod, path) });
    if (routed._tag === 'Left') return routingProblem(routed.left, request.method ?? method, path, allowedMethods(path));
    const operation = routed.right;

    const early =
      checkPathEncoding(operation.path, path) ?? checkHeaders(request, path) ?? checkAccept(request.headers.accept, produced, path);
    if (early) return problemResponse(early);

    const accepted = operation.request?.body?.contents?.map((content) => content.mediaType.toLowerCase());
    const parsed = parseRequestBody(raw, request.headers['content-type'], accepted, path);
    const headers = flattenHeaders(request);
    // Prism gets only a content type it can parse, and no body when the mock has already refused it.
    delete headers['content-type'];
    if (parsed.contentType) headers['content-type'] = parsed.contentType;
    // The mock has checked Accept itself; Prism's reading of it ignores q-values.
    delete headers.accept;

    const input: IHttpRequest = { ...requestFor(operationMethod, path), url: { path, query: queryOf(url) }, headers, body: parsed.body };
    const result = await prism.request(input, [operation], prismConfig())();
    if (result._tag === 'Left') return prismFailure(result.left, path);

    const { output, validations } = result.right;
    const errors = validations.input.filter((diagnostic) => diagnostic.severity === 0);
    const authorization = headers.authorization;
    if (errors.length === 0 && authorization !== undefined && !BEARER_TOKEN_PATTERN.test(authorization)) {
      errors.push({ code: 401, message: 'Authorization header: the bearer token is malformed', severity: 0 });
    }
    // Order: who you are (401), then how the body was sent, then what it says.
    const unauthorized = errors.find((diagnostic) => diagnostic.code === 401);
    if (unauthorized) return unauthorizedResponse(unauthorized, path);
    if (parsed.problem) return problemResponse(parsed.problem);
    if (errors.length > 0) return violationResponse(errors, path, parameterNames);

    // Only a valid request gets what Prefer asks for, so Prism runs again with it.
    const preferred = readPreferences(headers.prefer, operation, path);
    if (preferred.problem) return problemResponse(preferred.problem);
    if (!preferred.applied) return output;
    const again = await prism.request(input, [operation], prismConfig(preferred.config))();
    if (again._tag === 'Left') return prismFailure(again.left, path, 'Prefer');
    return { ...again.right.output, headers: { ...again.right.output.headers, 'preference-applied': preferred.applied } };
  }

  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      requireHostHeader: false,
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      // Node checks the timeouts above only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs),
    },
    (request, response) => {
      answer(request)
        .catch((error: unknown) =>
          // Never let an engine failure become a hang or a dropped connection.
          problemResponse(problem(500, request.url ?? '/', `The mock failed: ${(error as Error).message}`)),
        )
        .then((answered) => {
          reply(response, answered);
          options.onResponse?.(request.method ?? 'GET', request.url ?? '/', answered.statusCode);
        })
        // A reply that cannot be written (the client left) must not crash the mock.
        .catch(() => response.destroy());
    },
  );

  // Node keeps only the first 2,000 headers and drops the rest silently (an Authorization
  // after them would get a wrong 401). MAX_HEADER_BYTES still bounds how many fit.
  server.maxHeadersCount = 0;

  // Without this listener node answers an unmet Expect with an empty 417.
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const message = `Expect header: only 100-continue is supported, not ${request.headers.expect}`;
    request.resume();
    reply(response, problemResponse(problem(417, request.url ?? '/', message, [{ objectName: 'header', field: 'Expect', message }])));
    options.onResponse?.(request.method ?? 'GET', request.url ?? '/', 417);
  });
  answerProtocolErrors(server, {
    requestTimeoutMs,
    allowedMethods: formatMethods(withHead(methods)),
    onResponse: options.onResponse,
    fit,
  });
  return server;
}

/** The schema of the problem+json the spec documents: every problem the mock sends is cut to fit it. */
function problemSchemaOf(operations: IHttpOperation[]): SizeSchema | undefined {
  for (const operation of operations) {
    for (const response of operation.responses) {
      const content = response.contents?.find((candidate) => candidate.mediaType === PROBLEM_CONTENT_TYPE);
      if (content?.schema) return content.schema as SizeSchema;
    }
  }
  return undefined;
}

function requestFor(method: string, path: string): IHttpRequest {
  return { method: method as IHttpRequest['method'], url: { path } };
}

function formatMethods(methods: string[]): string {
  return methods.map((method) => method.toUpperCase()).join(', ');
}

/** Routing happened before Prism ran: what is left is Prism failing to produce a response. */
function prismFailure(failure: Error, path: string, header?: string): IHttpResponse {
  const error = failure as Error & { status?: number; detail?: string };
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  const detail = error.detail || error.message;
  if (!header) return problemResponse(problem(status, path, detail));
  const message = `${header} header: ${detail}`;
  return problemResponse(problem(status, path, message, [{ objectName: 'header', field: header, message }]));
}

/** Every media type the operations answer with, for the Accept check. */
function producedMediaTypes(operations: IHttpOperation[]): string[] {
  const mediaTypes = operations.flatMap((operation) => operation.responses.flatMap((response) => response.contents ?? []));
  return [...new Set(mediaTypes.map((content) => content.mediaType.toLowerCase()))];
}

function routingProblem(error: Error, method: string, path: string, allowed: string[]): IHttpResponse {
  if (allowed.length === 0) {
    const detail = (error as Error & { detail?: string }).detail || error.message;
    return problemResponse(problem(404, path, detail));
  }
  // RFC 9110 §15.5.6: a 405 lists what the resource does allow.
  const message = `${method} is not allowed on ${path}; use ${formatMethods(allowed)}`;
  const reply = problemResponse(problem(405, path, message, [{ objectName: 'request', field: 'method', message }]));
  return { ...reply, headers: { ...reply.headers, allow: formatMethods(allowed) } };
}

function unauthorizedResponse(security: IPrismDiagnostic, path: string): IHttpResponse {
  const message =
    security.message === 'Invalid security scheme used'
      ? 'Authorization header: a bearer token is required (`Authorization: Bearer <token>`)'
      : security.message;
  const reply = problemResponse(problem(401, path, message, [{ objectName: 'header', field: 'Authorization', message }]));
  return { ...reply, headers: { ...reply.headers, 'www-authenticate': 'Bearer' } };
}

function violationResponse(errors: IPrismDiagnostic[], path: string, parameterNames: ParameterNames): IHttpResponse {
  const contentType = errors.find((diagnostic) => diagnostic.code === 415);
  if (contentType) {
    const message = `Content-Type header: ${contentType.message}. Send the body as JSON with \`Content-Type: application/json\`.`;
    return problemResponse(problem(415, path, message, [{ objectName: 'header', field: 'Content-Type', message }]));
  }
  const fieldErrors: FieldError[] = errors.map((error) => toFieldError(error, parameterNames));
  return problemResponse(problem(400, path, describeViolations(fieldErrors), fieldErrors));
}

function problemResponse(body: Problem): IHttpResponse {
  return { statusCode: body.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body };
}

function send(
  response: ServerResponse,
  reply: IHttpResponse,
  cors: Record<string, string>,
  fit: (body: Problem) => Problem,
): void {
  const headers: Record<string, string> = { ...cors, ...lowercaseKeys(reply.headers ?? {}) };
  let payload: string | undefined;
  if (reply.body !== undefined && reply.statusCode !== 204) {
    const body = headers['content-type'] === PROBLEM_CONTENT_TYPE ? fit(statingStatus(reply.body, reply.statusCode)) : reply.body;
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

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}
