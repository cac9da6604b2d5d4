/**
 * Requests node:http itself refuses (no Request object ever reaches the mock's
 * handler) still get a problem+json answer, never an empty reply or a dropped
 * connection. Sent over raw sockets, since no HTTP client sends these.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readBundledSpec } from '@leaf-credentials/spec';
import {
  createMockServer,
  EXAMPLE_BEARER_TOKEN,
  fillPath,
  loadOperations,
  MAX_HEADER_BYTES,
  operationShapes,
  PROBLEM_CONTENT_TYPE,
  type Problem,
} from '../src/index.js';

const mockUrl = new URL(inject('mockUrl'));
const [anyShape] = operationShapes();
const PATH = fillPath(anyShape!);

interface RawReply {
  status: number;
  headers: Record<string, string>;
  problem: Problem;
}

/** Writes `text` and reads until the server closes the connection (each reply here says `connection: close`). */
function exchange(port: number, text: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer within 15 s')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      try {
        resolve({ status: Number(statusLine.split(' ')[1]), headers, problem: JSON.parse(body) as Problem });
      } catch {
        reject(new Error(`not a problem+json reply:\n${raw}`));
      }
    });
    socket.write(text);
  });
}

function expectProblem(reply: RawReply, status: number, named: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
  expect(reply.problem.status).toBe(status);
  expect(reply.problem.detail).toContain(named);
}

const port = Number(mockUrl.port);
const auth = `Authorization: Bearer ${EXAMPLE_BEARER_TOKEN}\r\n`;

describe('requests node:http refuses get problem+json', () => {
  it('answers an unknown method with 400 naming it', async () => {
    expectProblem(await exchange(port, `FROB ${PATH} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`), 400, 'FROB');
  });

  it('answers a non-numeric Content-Length with 400 naming the header', async () => {
    const reply = await exchange(port, `POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n${auth}\r\n`);
    expectProblem(reply, 400, 'Content-Length');
  });

  it('answers both Content-Length and Transfer-Encoding with 400 naming one of them', async () => {
    const reply = await exchange(port, `POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n${auth}\r\n{}`);
    expect(reply.status).toBe(400);
    expect(reply.problem.detail).toMatch(/Content-Length|Transfer-Encoding/);
  });

  it(`answers headers past ${MAX_HEADER_BYTES} bytes with 431`, async () => {
    const filler = Array.from({ length: 20 }, (_, index) => `X-Filler-${index}: ${'f'.repeat(4_000)}\r\n`).join('');
    expectProblem(await exchange(port, `GET ${PATH} HTTP/1.1\r\nHost: x\r\n${filler}${auth}\r\n`), 431, 'headers');
  });

  it('answers CONNECT with 405 and the methods it allows', async () => {
    const reply = await exchange(port, `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`);
    expectProblem(reply, 405, 'CONNECT');
    expect(reply.headers.allow).toMatch(/GET/);
  });
});

describe('a stalled request', () => {
  let server: ReturnType<typeof createMockServer>;
  let serverPort: number;

  beforeAll(async () => {
    server = createMockServer(await loadOperations(readBundledSpec()), { requestTimeoutMs: 300 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverPort = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('gets a 408 problem instead of holding the connection forever', async () => {
    const started = Date.now();
    const reply = await exchange(serverPort, `POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n${auth}\r\n{"only":`);
    expectProblem(reply, 408, '300 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
