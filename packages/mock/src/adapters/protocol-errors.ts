/**
 * Requests node:http refuses before the mock sees them (a method it does not
 * know, headers past its limit, a broken Content-Length, a request that never
 * finishes, CONNECT, an Expect it cannot meet). Node would answer them with an
 * empty 400/417/431 or drop the connection; the mock answers with
 * problem+json like every other error.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { namedProblem, PROBLEM_CONTENT_TYPE, type Problem, problem, statusTitle } from '../problem.js';

/** Headers plus the request line may take this many bytes; one header past MAX_HEADER_VALUE_BYTES is named. */
export const MAX_HEADER_BYTES = 64 * 1024;

interface ParserError extends Error {
  code?: string;
  reason?: string;
  rawPacket?: Buffer;
  /** Where in rawPacket the parser stopped. */
  bytesParsed?: number;
}

const HEADERS_END = '\r\n\r\n';

/**
 * The method and target of the request node could not parse, as far as they
 * can be read. The packet may start with requests pipelined before it, so the
 * failing one starts after the last header block that ends before the error
 * (and after that request's body, `previousBodyBytes`).
 */
interface RequestLine {
  method: string;
  target: string;
}

function requestLine(error: ParserError, previousBodyBytes = 0): RequestLine {
  const text = error.rawPacket?.toString('latin1') ?? '';
  const at = Math.min(error.bytesParsed ?? text.length, text.length);
  const headersEnd = at >= HEADERS_END.length ? text.lastIndexOf(HEADERS_END, at - HEADERS_END.length) : -1;
  let start = headersEnd < 0 ? 0 : headersEnd + HEADERS_END.length;
  if (headersEnd >= 0 && start + previousBodyBytes <= at) start += previousBodyBytes;
  // RFC 9112 §2.2: empty lines before a request line are ignored.
  const line =
    text
      .slice(start)
      .replace(/^(?:\r?\n)+/, '')
      .split(/\r?\n/, 1)[0] ?? '';
  const [method = '', target = ''] = line.split(' ');
  return { method: method.slice(0, 64), target: target.slice(0, 2048) };
}

function parserProblem(error: ParserError, requestTimeoutMs: number, { method, target }: RequestLine): Problem {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW': {
      const message = `the request line and headers are larger than ${MAX_HEADER_BYTES} bytes`;
      return problem('HEADERS_TOO_LARGE', target, `Request headers: ${message}`, [
        { objectName: 'header', field: 'headers', message },
      ]);
    }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(
        'REQUEST_TIMEOUT',
        target,
        `The request was not received completely within ${requestTimeoutMs} ms.`,
      );
    case 'HPE_INVALID_METHOD': {
      const message = `'${method}' is not an HTTP method`;
      return problem('VIOLATION', target, `Request method: ${message}`, [
        { objectName: 'request', field: 'method', message },
      ]);
    }
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH': {
      const message = `Content-Length header: ${error.reason ?? 'invalid'}`;
      return namedProblem('VIOLATION', target, 'header', 'Content-Length', message);
    }
    case 'HPE_INVALID_TRANSFER_ENCODING': {
      const message = `Transfer-Encoding header: ${error.reason ?? 'invalid'}`;
      return namedProblem('VIOLATION', target, 'header', 'Transfer-Encoding', message);
    }
    default:
      return problem(
        'MALFORMED',
        target,
        `The request is not valid HTTP/1.1: ${error.reason ?? error.message} (${error.code ?? 'unknown'})`,
      );
  }
}

/** A complete HTTP/1.1 response carrying `body`, for a socket with no ServerResponse. */
function rawProblemResponse(body: Problem, headers: Record<string, string> = {}): string {
  const payload = JSON.stringify(body);
  const lines = [
    `HTTP/1.1 ${body.status} ${statusTitle(body.status)}`,
    `content-type: ${PROBLEM_CONTENT_TYPE}`,
    `content-length: ${Buffer.byteLength(payload)}`,
    'connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${payload}`;
}

/**
 * What the mock knows of each socket's parsed requests: the responses still
 * to be written (pipelined requests are answered in order, so a raw answer
 * must wait for them) and the body length of the last one (to find where the
 * next request starts in a packet).
 */
interface SocketState {
  pending: Map<ServerResponse, IncomingMessage>;
  lastBodyBytes: number;
  answered: boolean;
}
const sockets = new WeakMap<Duplex, SocketState>();

function stateOf(socket: Duplex): SocketState {
  let state = sockets.get(socket);
  if (!state) {
    state = { pending: new Map(), lastBodyBytes: 0, answered: false };
    sockets.set(socket, state);
  }
  return state;
}

function trackRequests(server: Server): void {
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const state = stateOf(request.socket);
    state.pending.set(response, request);
    state.lastBodyBytes = Number(request.headers['content-length']) || 0;
    const done = () => state.pending.delete(response);
    response.once('finish', done).once('close', done);
  });
}

/** Answers after every response already due on this socket, then closes it; false when it was answered already. */
function answerOnSocket(socket: Duplex, body: Problem, headers?: Record<string, string>): boolean {
  const state = stateOf(socket);
  if (state.answered) return false; // node reports a failed parser again on the next packet
  state.answered = true;
  const write = () => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(rawProblemResponse(body, headers));
  };
  // A request still incomplete now never will be (its body stalled or broke): its response is not coming.
  const waitFor = [...state.pending].filter(([, request]) => request.complete).map(([response]) => response);
  if (waitFor.length === 0) {
    write();
    return true;
  }
  let left = waitFor.length;
  const settle = () => {
    if (--left === 0) write();
  };
  for (const response of waitFor) {
    if (response.writableFinished || response.destroyed) settle();
    else response.once('finish', settle).once('close', () => response.writableFinished || settle());
  }
  return true;
}

/**
 * The request a timeout cut off: node reports the stall with no packet, but the
 * request whose body never completed has already been parsed (method, target).
 */
function stalledRequestLine(socket: Duplex): RequestLine | undefined {
  const stalled = [...stateOf(socket).pending.values()].find((request) => !request.complete);
  return stalled && { method: stalled.method ?? '', target: stalled.url ?? '' };
}

export function answerProtocolErrors(
  server: Server,
  options: {
    requestTimeoutMs: number;
    allowedMethods: string;
    onResponse?: (method: string, url: string, status: number) => void;
    /** Cuts a problem down to the spec's Problem schema. */
    fit: (body: Problem) => Problem;
  },
): void {
  trackRequests(server);
  server.on('clientError', (error: ParserError, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
      socket.destroy();
      return;
    }
    const line =
      (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? stalledRequestLine(socket) : undefined) ??
      requestLine(error, stateOf(socket).lastBodyBytes);
    const body = options.fit(parserProblem(error, options.requestTimeoutMs, line));
    // One answer, and one log line, per socket: what node reports after it is about a socket already closed.
    if (answerOnSocket(socket, body)) options.onResponse?.(line.method, body.path, body.status);
  });

  server.on('connect', (request, socket: Duplex) => {
    const message = `CONNECT is not supported: this is not a proxy`;
    const body = options.fit(namedProblem('METHOD_NOT_ALLOWED', request.url ?? '', 'request', 'method', message));
    if (answerOnSocket(socket, body, { allow: options.allowedMethods }))
      options.onResponse?.('CONNECT', request.url ?? '', 405);
  });
}
