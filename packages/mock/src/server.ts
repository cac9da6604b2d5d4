/**
 * The mock server: Prism's HTTP engine (routing, request and security
 * validation, example-based responses) behind a small node:http front that
 * parses bodies itself and answers every invalid request with problem+json
 * naming what was wrong, where Prism alone would answer with the spec's static
 * 400 example and hide the violations in a header.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { IHttpOperation } from '@stoplight/types';
import type { IPrismDiagnostic } from '@stoplight/prism-core';
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
  parameterNamesOf,
  problem,
  PROBLEM_CONTENT_TYPE,
  toFieldError,
  type FieldError,
  type ParameterNames,
  type Problem,
} from './problem.js';

/** Bodies larger than this are refused before parsing (the spec's largest field is 4 KiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

const PRISM_CONFIG: IHttpConfig = {
  checkSecurity: true,
  validateRequest: true,
  validateResponse: false,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
  mock: { dynamic: false },
};

/** RFC 6750's b64token: what may follow `Bearer ` in an Authorization header. */
const BEARER_TOKEN = /^Bearer [A-Za-z0-9\-._~+/]+=*$/;

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-expose-headers': 'www-authenticate',
};

export interface MockServerOptions {
  /** Called once per answered request, for an access log. */
  onResponse?: (method: string, url: string, status: number) => void;
}

export async function loadOperations(spec: BundledSpec): Promise<IHttpOperation[]> {
  // Prism dereferences in place: give it a copy so callers keep their document.
  return getHttpOperationsFromSpec(structuredClone(spec) as never);
}

export function createMockServer(operations: IHttpOperation[], options: MockServerOptions = {}): Server {
  const prism = createInstance(PRISM_CONFIG, { logger: silentLogger });
  const parameterNames = parameterNamesOf(operations);

  async function answer(request: IncomingMessage): Promise<IHttpResponse> {
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const headers = flattenHeaders(request);

    if (request.method === 'OPTIONS') return { statusCode: 204, headers: {} };

    const raw = await readBody(request);
    if (raw === TOO_LARGE) {
      return problemResponse(problem(413, url.pathname, `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
    }
    const parsed = parseBody(raw, headers['content-type']);
    if (parsed.error) {
      return problemResponse(
        problem(400, url.pathname, `The request body is not valid JSON: ${parsed.error}`, [
          { objectName: 'body', field: 'body', message: `not valid JSON: ${parsed.error}` },
        ]),
      );
    }

    const input: IHttpRequest = {
      method: (request.method ?? 'GET').toLowerCase() as IHttpRequest['method'],
      url: { path: url.pathname, query: queryOf(url) },
      headers,
      body: parsed.body,
    };

    const result = await prism.request(input, operations)();
    if (result._tag === 'Left') {
      // Routing failures: no such path (404) or method (405), and the like.
      const error = result.left as Error & { status?: number; detail?: string };
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 404;
      return problemResponse(problem(status, url.pathname, error.detail || error.message));
    }

    const { output, validations } = result.right;
    const errors = validations.input.filter((diagnostic) => diagnostic.severity === 0);
    const authorization = headers.authorization;
    if (errors.length === 0 && authorization !== undefined && !BEARER_TOKEN.test(authorization)) {
      errors.push({ code: 401, message: 'Authorization header: the bearer token is malformed', severity: 0 });
    }
    if (errors.length > 0) return violationResponse(errors, url.pathname, parameterNames);
    return output;
  }

  return createServer((request, response) => {
    answer(request)
      .catch((error: unknown) =>
        // Never let an engine failure become a hang or a dropped connection.
        problemResponse(problem(500, request.url ?? '/', `The mock failed: ${(error as Error).message}`)),
      )
      .then((reply) => {
        send(response, reply);
        options.onResponse?.(request.method ?? 'GET', request.url ?? '/', reply.statusCode);
      });
  });
}

function violationResponse(errors: IPrismDiagnostic[], path: string, parameterNames: ParameterNames): IHttpResponse {
  const security = errors.find((diagnostic) => diagnostic.code === 401);
  if (security) {
    const message = security.message === 'Invalid security scheme used'
      ? 'Authorization header: a bearer token is required (`Authorization: Bearer <token>`)'
      : security.message;
    const reply = problemResponse(
      problem(401, path, message, [{ objectName: 'header', field: 'Authorization', message }]),
    );
    return { ...reply, headers: { ...reply.headers, 'www-authenticate': 'Bearer' } };
  }
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

function send(response: ServerResponse, reply: IHttpResponse): void {
  const headers: Record<string, string> = { ...CORS_HEADERS, ...lowercaseKeys(reply.headers ?? {}) };
  let payload: string | undefined;
  if (reply.body !== undefined && reply.statusCode !== 204) {
    payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json';
  }
  response.writeHead(reply.statusCode, headers);
  response.end(payload);
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

const TOO_LARGE = Symbol('too large');

function readBody(request: IncomingMessage): Promise<string | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * JSON bodies are parsed here so a syntax error gets a 400 naming the body;
 * any other media type is handed to Prism as text, which it rejects with 415
 * for these JSON-only operations.
 */
function parseBody(raw: string, contentType: string | undefined): { body?: unknown; error?: string } {
  if (raw.length === 0) return {};
  if (!contentType || !JSON_MEDIA_TYPE.test(contentType)) return { body: raw };
  try {
    return { body: JSON.parse(raw) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
