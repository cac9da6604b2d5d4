/**
 * Requests node:http refuses before the mock sees them (a method it does not
 * know, headers past its limit, a broken Content-Length, a request that never
 * finishes, CONNECT, an Expect it cannot meet). Node would answer them with an
 * empty 400/417/431 or drop the connection; the mock answers with
 * problem+json like every other error.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem, PROBLEM_CONTENT_TYPE, type FieldError, type Problem } from './problem.js';

/** Headers plus the request line may take this many bytes; one header past MAX_HEADER_VALUE_BYTES is named. */
export const MAX_HEADER_BYTES = 64 * 1024;

export interface ParserError extends Error {
  code?: string;
  reason?: string;
  rawPacket?: Buffer;
}

/** The method and target of a request node could not parse, as far as they can be read. */
function requestLine(error: ParserError): { method: string; target: string } {
  const line = error.rawPacket?.toString('latin1').split('\r\n', 1)[0] ?? '';
  const [method = '', target = ''] = line.split(' ');
  return { method: method.slice(0, 64), target: target.slice(0, 2048) };
}

function named(objectName: string, field: string, message: string): FieldError[] {
  return [{ objectName, field, message }];
}

export function parserProblem(error: ParserError, requestTimeoutMs: number): Problem {
  const { method, target } = requestLine(error);
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW': {
      const message = `the request line and headers are larger than ${MAX_HEADER_BYTES} bytes`;
      return problem(431, target, `Request headers: ${message}`, named('header', 'headers', message));
    }
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, target, `The request was not received completely within ${requestTimeoutMs} ms.`);
    case 'HPE_INVALID_METHOD': {
      const message = `'${method}' is not an HTTP method`;
      return problem(400, target, `Request method: ${message}`, named('request', 'method', message));
    }
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH': {
      const message = `Content-Length header: ${error.reason ?? 'invalid'}`;
      return problem(400, target, message, named('header', 'Content-Length', message));
    }
    case 'HPE_INVALID_TRANSFER_ENCODING': {
      const message = `Transfer-Encoding header: ${error.reason ?? 'invalid'}`;
      return problem(400, target, message, named('header', 'Transfer-Encoding', message));
    }
    default:
      return problem(400, target, `The request is not valid HTTP/1.1: ${error.reason ?? error.message} (${error.code ?? 'unknown'})`);
  }
}

/** A complete HTTP/1.1 response carrying `body`, for a socket with no ServerResponse. */
export function rawProblemResponse(body: Problem, headers: Record<string, string> = {}): string {
  const payload = JSON.stringify(body);
  const lines = [
    `HTTP/1.1 ${body.status} ${body.title}`,
    `content-type: ${PROBLEM_CONTENT_TYPE}`,
    `content-length: ${Buffer.byteLength(payload)}`,
    'connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n${payload}`;
}

function answerOnSocket(socket: Duplex, body: Problem, headers?: Record<string, string>): void {
  // Node's own handler does the same checks: a response may already be on its way.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(rawProblemResponse(body, headers));
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
  server.on('clientError', (error: ParserError, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
      socket.destroy();
      return;
    }
    const body = options.fit(parserProblem(error, options.requestTimeoutMs));
    answerOnSocket(socket, body);
    options.onResponse?.(requestLine(error).method, body.path, body.status);
  });

  server.on('connect', (request, socket: Duplex) => {
    const message = `CONNECT is not supported: this is not a proxy`;
    const body = options.fit(problem(405, request.url ?? '', message, named('request', 'method', message)));
    answerOnSocket(socket, body, { allow: options.allowedMethods });
    options.onResponse?.('CONNECT', request.url ?? '', 405);
  });
}
