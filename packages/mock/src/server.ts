/**
 * The mock server: Prism's HTTP engine (routing, request and security
 * validation, example-based responses) behind a small node:http front that
 * parses bodies itself and answers every invalid request with problem+json
 * naming what was wrong, where Prism alone would answer with the spec's static
 * 400 example and hide the violations in a header.
 *
 * Each request passes the same stages, each in its own module, and the first
 * that has an answer gives it: read (target, body size) → route (base path,
 * operation, 404/405) → check (what Prism does not check) → validate (Prism's
 * validators, the token rule) → answer (Prefer, then the sandbox's state or
 * Prism's examples). With a sandbox, its control requests are answered after
 * read, and every request is recorded for `requests()`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { BundledSpec } from '@leaf-credentials/spec';
import { getHttpOperationsFromSpec, type IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { createAnswerStage } from './answer.js';
import { check, isChecked } from './check.js';
import {
  fitToSchema,
  namedProblem,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  parameterNamesOf,
  problem,
  type SizeSchema,
} from './problem.js';
import { answerProtocolErrors, MAX_HEADER_BYTES } from './protocol-errors.js';
import { flattenHeaders, isReceived, queryOf, type Received, read } from './read.js';
import { CORS_HEADERS, problemResponse, send } from './reply.js';
import { createRouter, formatMethods, isRoute } from './route.js';
import { CONTROL_PREFIX, type ControlRequest, type Sandbox } from './sandbox/index.js';
import { validateRequest } from './validate.js';

export { MAX_HEADER_BYTES } from './protocol-errors.js';
export { MAX_BODY_BYTES, MAX_HEADER_VALUE_BYTES } from './request-checks.js';

/** A request still incomplete after this long gets a 408 (a stalled client must not hold the mock). */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface MockServerOptions {
  /** Called once per answered request, for an access log. */
  onResponse?: (method: string, url: string, status: number) => void;
  /** How long a client may take to send a whole request (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Answer valid requests from this sandbox's stored state instead of the spec's examples. */
  sandbox?: Sandbox;
}

export async function loadOperations(spec: BundledSpec): Promise<IHttpOperation[]> {
  // Prism dereferences in place: give it a copy so callers keep their document.
  return getHttpOperationsFromSpec(structuredClone(spec) as never);
}

/** Whether `path` is the sandbox's control API (its prefix, then `/` or nothing). */
export function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

function createHandler(
  operations: IHttpOperation[],
  sandbox: Sandbox | undefined,
): (request: IncomingMessage) => Promise<IHttpResponse> {
  const router = createRouter(operations);
  const parameterNames = parameterNamesOf(operations);
  const produced = producedMediaTypes(operations);
  const answer = createAnswerStage(sandbox);

  return async (request) => {
    if (request.method === 'OPTIONS') return { statusCode: 204, headers: {} };
    const received = await read(request);
    if (!isReceived(received)) return received;
    if (sandbox && isControlPath(received.path)) return sandbox.control(controlRequestOf(received));
    const route = router.route(received.method, received.path);
    if (!isRoute(route)) return route;
    const checked = check(received, route, produced);
    if (!isChecked(checked)) return checked;
    const refused = validateRequest(route.operation, checked.input, checked.bodyProblem, parameterNames, received.path);
    if (refused) return refused;
    return answer({ route, input: checked.input, requestPath: received.path });
  };
}

/** The control API parses its own bodies (and names what it expected in a 400). */
function controlRequestOf({ request, method, url, path, raw }: Received): ControlRequest {
  return {
    method: method.toUpperCase(),
    path,
    query: queryOf(url),
    headers: flattenHeaders(request),
    body: raw.length > 0 ? raw.toString('utf8') : undefined,
  };
}

export function createMockServer(operations: IHttpOperation[], options: MockServerOptions = {}): Server {
  const { requestTimeoutMs = REQUEST_TIMEOUT_MS, sandbox } = options;
  const handle = createHandler(operations, sandbox);
  const methods = createRouter(operations).methods;
  const problemSchema = problemSchemaOf(operations);
  const fit = (body: Problem) => fitToSchema(body, problemSchema);
  // Browsers may call every method the spec documents, plus the preflight itself.
  const cors = { ...CORS_HEADERS, 'access-control-allow-methods': formatMethods([...methods, 'options']) };
  const answered = (request: IncomingMessage, response: ServerResponse, reply: IHttpResponse) => {
    send(response, reply, cors, fit);
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    // The log is of the API requests a test's code sent, not of the test's own control calls.
    if (!isControlPath(url.split('?', 1)[0]!))
      sandbox?.record({ method, url, headers: flattenHeaders(request), status: reply.statusCode });
    options.onResponse?.(method, url, reply.statusCode);
  };

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
      handle(request)
        .catch((error: unknown) =>
          // Never let an engine failure become a hang or a dropped connection.
          problemResponse(problem('MOCK_FAILURE', request.url ?? '/', `The mock failed: ${(error as Error).message}`)),
        )
        .then((reply) => answered(request, response, reply))
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
    answered(
      request,
      response,
      problemResponse(namedProblem('EXPECTATION_FAILED', request.url ?? '/', 'header', 'Expect', message)),
    );
  });
  answerProtocolErrors(server, {
    requestTimeoutMs,
    allowedMethods: formatMethods(methods),
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

/** Every media type the operations answer with, for the Accept check. */
function producedMediaTypes(operations: IHttpOperation[]): string[] {
  const mediaTypes = operations.flatMap((operation) =>
    operation.responses.flatMap((response) => response.contents ?? []),
  );
  return [...new Set(mediaTypes.map((content) => content.mediaType.toLowerCase()))];
}
