/**
 * The node:http door: a thin adapter that hands each IncomingMessage's parts
 * (method, target, headers, whole body) to the handler's engine and writes its
 * answer back. What only the socket layer sees — a stall (408), headers past
 * the parser's limit, broken framing, an unmet Expect, CONNECT — is answered
 * here, with problem+json like everything else (see protocol-errors.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { IHttpOperation } from '@stoplight/types';
import { createEngine, type Engine, type HandlerOptions, type HeldRequest, type Wire } from '../handler.js';
import { namedProblem } from '../problem.js';
import { MAX_BODY_BYTES } from '../read/index.js';
import { formatMethods } from '../route/index.js';
import { answerProtocolErrors, MAX_HEADER_BYTES } from './protocol-errors.js';

/** A request still incomplete after this long gets a 408 (a stalled client must not hold the mock). */
const REQUEST_TIMEOUT_MS = 10_000;
/** How long an idle keep-alive connection stays open. */
const KEEP_ALIVE_TIMEOUT_MS = 60_000;

export interface MockServerOptions extends Omit<HandlerOptions, 'operations'> {
  /** How long a client may take to send a whole request (default REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

const ORIGIN = 'http://mock.invalid';
/** Methods a Request refuses to carry; the engine still routes them (to a 405). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const BODYLESS_METHODS = new Set(['GET', 'HEAD']);
const EMPTY = new Uint8Array(0);

export function createMockServer(operations: IHttpOperation[], options: MockServerOptions = {}): Server {
  const { requestTimeoutMs = REQUEST_TIMEOUT_MS, ...handlerOptions } = options;
  return serveEngine(createEngine(operations, handlerOptions), requestTimeoutMs);
}

function serveEngine(engine: Engine, requestTimeoutMs = REQUEST_TIMEOUT_MS): Server {
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      requireHostHeader: false,
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      // Node checks the timeouts above only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs),
    },
    (incoming, response) => {
      readWhole(incoming)
        .then(
          (body) => answer(engine, incoming, response, body),
          // The body never completed (a stall, a reset): the socket layer answers it, once (408).
          () => undefined,
        )
        // A reply that cannot be written (the client left) must not crash the mock.
        .catch(() => response.destroy());
    },
  );

  // Node keeps only the first 2,000 headers and drops the rest silently (an Authorization
  // after them would get a wrong 401). MAX_HEADER_BYTES still bounds how many fit.
  server.maxHeadersCount = 0;
  // An idle keep-alive connection stays open a minute, not node's 5 s: a client reusing one just as
  // the server closes it gets ECONNRESET, and on a loaded machine a test pauses that long between
  // two requests often enough to fail at random. The Keep-Alive header tells clients the longer time.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;

  // Without this listener node answers an unmet Expect with an empty 417.
  server.on('checkExpectation', (incoming: IncomingMessage, response: ServerResponse) => {
    const message = `Expect header: only 100-continue is supported, not ${incoming.headers.expect}`;
    incoming.resume();
    const body = engine.fit(namedProblem('EXPECTATION_FAILED', incoming.url ?? '/', 'header', 'Expect', message));
    const payload = JSON.stringify(body);
    response.writeHead(417, {
      'content-type': 'application/problem+json',
      'content-length': Buffer.byteLength(payload),
    });
    response.end(payload);
    engine.onResponse?.(incoming.method ?? 'GET', incoming.url ?? '/', 417);
  });
  answerProtocolErrors(server, {
    requestTimeoutMs,
    allowedMethods: formatMethods(engine.methods),
    onResponse: engine.onResponse,
    fit: engine.fit,
  });
  return server;
}

async function answer(
  engine: Engine,
  incoming: IncomingMessage,
  response: ServerResponse,
  body: Buffer,
): Promise<void> {
  const { request, wire } = requestOf(incoming, body);
  const { status, headers, payload } = await engine.respond(request, wire);
  response.writeHead(status, headers);
  response.end(payload);
}

/** The whole body, up to one byte past MAX_BODY_BYTES (the read stage refuses it; the rest is drained). */
function readWhole(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      size += chunk.length;
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
    incoming.on('aborted', () => reject(new Error('aborted')));
  });
}

/** The request as the engine reads it: the parts in hand, not a Request (see HeldRequest). */
function requestOf(incoming: IncomingMessage, body: Buffer): { request: HeldRequest; wire: Wire } {
  const target = incoming.url ?? '/';
  const method = incoming.method ?? 'GET';
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  const carriesBody = !BODYLESS_METHODS.has(method) && !FORBIDDEN_METHODS.has(method);
  const wire: Wire = { target, rawHeaders: raw, httpVersion: incoming.httpVersion };
  if (FORBIDDEN_METHODS.has(method)) wire.method = method;
  if (!carriesBody && body.length > 0) wire.body = body;
  const request: HeldRequest = {
    method: FORBIDDEN_METHODS.has(method) ? 'GET' : method,
    url: ORIGIN,
    headers,
    wholeBody: carriesBody ? body : EMPTY,
  };
  return { request, wire };
}
