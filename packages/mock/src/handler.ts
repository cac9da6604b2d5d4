/**
 * The mock as one web-standard handler: a Request in, a Response out. Every
 * door — the node:http server, the in-process fetch, MSW — calls it, so a
 * request gets the same answer whichever way it came.
 *
 * Each request passes the same stages, one folder each, and the first that
 * has an answer gives it: read (target, body size) → route (base path,
 * operation, 404/405) → check (what Prism does not check) → validate (the
 * token rule, Prism's validators; an Admitted request) → answer (Prefer, then
 * the sandbox's state or Prism's examples). With a sandbox, its control
 * requests are answered after read, and every API request is recorded.
 */
import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { createAnswerStage } from './answer/index.js';
import { CORS_HEADERS, type Outgoing, outgoing, toResponse } from './answer/reply.js';
import { check, isChecked } from './check/index.js';
import {
  fitToSchema,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  parameterNamesOf,
  problem,
  problemResponse,
  type SizeSchema,
} from './problem.js';
import {
  flattenHeaders,
  type Incoming,
  isReceived,
  queryOf,
  type Received,
  read,
  UnreadableBodyError,
  type Wire,
} from './read/index.js';
import { createRouter, formatMethods, isRoute } from './route/index.js';
import { CONTROL_PREFIX, type ControlRequest, type Sandbox } from './sandbox/index.js';
import { loadDefaultOperations } from './spec.js';
import { isAdmitted, validate } from './validate/index.js';

export type { HeldRequest, Wire } from './read/index.js';

/** A web-standard request handler, as Hono, MSW and undici's MockAgent users expect. */
export type Handler = (request: Request) => Promise<Response>;

export interface HandlerOptions {
  /** The spec's operations (`loadOperations(spec)`); default: the bundled spec's. */
  operations?: IHttpOperation[];
  /** Answer valid requests from this sandbox's stored state instead of the spec's examples. */
  sandbox?: Sandbox;
  /** Called once per answered request, for an access log. */
  onResponse?: (method: string, url: string, status: number) => void;
}

/** The handler's parts every door shares; the node:http adapter also answers socket errors with them. */
export interface Engine {
  /** The answer to one request; `wire` is what a socket saw that the Request does not keep. */
  respond(request: Incoming, wire?: Wire): Promise<Outgoing>;
  /** Every method some operation documents, HEAD included. */
  methods: string[];
  /** Cuts a problem down to the spec's Problem schema. */
  fit: (body: Problem) => Problem;
  sandbox?: Sandbox;
  onResponse?: HandlerOptions['onResponse'];
}

/** Whether `path` is the sandbox's control API (its prefix, then `/` or nothing). */
function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

/** The handler; the spec's operations are loaded on the first request (once per process). */
export function createHandler(options: HandlerOptions = {}): Handler {
  let engine: Promise<Engine> | undefined;
  return async (request) => {
    engine ??= (options.operations ? Promise.resolve(options.operations) : loadDefaultOperations()).then((operations) =>
      createEngine(operations, options),
    );
    return toResponse(await (await engine).respond(request));
  };
}

export function createEngine(operations: IHttpOperation[], options: Omit<HandlerOptions, 'operations'> = {}): Engine {
  const { sandbox, onResponse } = options;
  const router = createRouter(operations);
  const parameterNames = parameterNamesOf(operations);
  const produced = producedMediaTypes(operations);
  const answer = createAnswerStage(sandbox);
  const problemSchema = problemSchemaOf(operations);
  const fit = (body: Problem) => fitToSchema(body, problemSchema);
  // Browsers may call every method the spec documents, plus the preflight itself.
  const cors = { ...CORS_HEADERS, 'access-control-allow-methods': formatMethods([...router.methods, 'options']) };

  async function stages(received: Received): Promise<IHttpResponse> {
    if (sandbox && isControlPath(received.path)) return sandbox.control(controlRequestOf(received));
    const route = router.route(received.method, received.path);
    if (!isRoute(route)) return route;
    const checked = check(received, route, produced);
    if (!isChecked(checked)) return checked;
    const admitted = validate(route, checked, parameterNames, received.path);
    if (!isAdmitted(admitted)) return admitted;
    return answer(admitted);
  }

  async function respond(request: Incoming, wire: Wire = {}): Promise<Outgoing> {
    const method = (wire.method ?? request.method).toLowerCase();
    let received: Received | undefined;
    let reply: IHttpResponse;
    try {
      if (method === 'options') reply = { statusCode: 204, headers: {} };
      else {
        const read_ = await read(request, wire);
        if (isReceived(read_)) {
          received = read_;
          reply = await stages(received);
        } else reply = read_;
      }
    } catch (error) {
      if (error instanceof UnreadableBodyError) throw error;
      // Never let an engine failure become a hang or a dropped connection.
      const path = received?.path ?? '/';
      reply = problemResponse(problem('MOCK_FAILURE', path, `The mock failed: ${(error as Error).message}`));
    }
    const answered = outgoing(reply, method, cors, fit);
    const target = wire.target ?? (received ? received.url.pathname + received.url.search : '/');
    // The log is of the API requests a test's code sent, not of the test's own control calls.
    if (sandbox && received && !isControlPath(received.path))
      sandbox.record({
        method: method.toUpperCase(),
        url: target,
        headers: flattenHeaders(received.headers),
        status: answered.status,
      });
    onResponse?.(method.toUpperCase(), target, answered.status);
    return answered;
  }

  return { respond, methods: router.methods, fit, sandbox, onResponse };
}

/** The control API parses its own bodies (and names what it expected in a 400). */
function controlRequestOf({ method, url, path, headers, raw }: Received): ControlRequest {
  return {
    method: method.toUpperCase(),
    path,
    query: queryOf(url),
    headers: flattenHeaders(headers),
    body: raw.length > 0 ? Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8') : undefined,
  };
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
