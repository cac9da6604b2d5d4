/**
 * Requests node:http itself refuses (no Request object ever reaches the mock's
 * handler) still get a problem+json answer, never an empty reply or a dropped
 * connection. Sent over raw sockets, since no HTTP client sends these.
 */

import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { readBundledSpec, specModel } from '@leaf-credentials/spec';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMockServer } from '../../src/adapters/node.js';
import { MAX_HEADER_BYTES } from '../../src/adapters/protocol-errors.js';
import { EXAMPLE_BEARER_TOKEN, fillPath } from '../../src/example-requests.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../src/problem.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { loadOperations } from '../../src/spec.js';

const mockUrl = new URL(inject('mockUrl'));
const [anyShape] = specModel().operations;
const PATH = fillPath(anyShape!);

interface RawReply {
  status: number;
  headers: Record<string, string>;
  problem: Problem;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits what the server sent into responses, each framed by its Content-Length. */
function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd < 0) throw new Error(`an incomplete response:\n${rest}`);
    const [statusLine = '', ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    const length = Number(headers['content-length'] ?? 0);
    const bodyStart = headEnd + 4;
    responses.push({
      status: Number(statusLine.split(' ')[1]),
      headers,
      body: rest.slice(bodyStart, bodyStart + length),
    });
    rest = rest.slice(bodyStart + length);
  }
  return responses;
}

/** Writes `text` and reads every response until the server closes the connection. */
function exchangeAll(port: number, text: string): Promise<RawResponse[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer within 15 s')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      try {
        resolve(parseResponses(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    socket.write(text);
  });
}

/** One request whose reply says `connection: close`: that reply, as a problem. */
async function exchange(port: number, text: string): Promise<RawReply> {
  const responses = await exchangeAll(port, text);
  expect(responses).toHaveLength(1);
  const [{ status, headers, body }] = responses as [RawResponse];
  try {
    return { status, headers, problem: JSON.parse(body) as Problem };
  } catch {
    throw new Error(`not a problem+json reply: ${status} ${body}`);
  }
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
    const reply = await exchange(
      port,
      `POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n${auth}\r\n{}`,
    );
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

describe('many headers', () => {
  // Node's default keeps the first 2,000 headers only; the mock keeps all that fit in MAX_HEADER_BYTES.
  const filler = Array.from({ length: 2_100 }, (_, index) => `X-F${index}: 1\r\n`).join('');

  it('reads an Authorization header sent after 2,100 others', async () => {
    const [reply, ...more] = await exchangeAll(
      port,
      `GET ${PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${filler}${auth}\r\n`,
    );
    expect(more).toEqual([]);
    expect(reply!.status, reply!.body).toBe(200);
  });

  it('sees an Authorization repeated after 2,100 headers', async () => {
    const reply = await exchange(
      port,
      `GET ${PATH} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${auth}${filler}${auth}\r\n`,
    );
    expectProblem(reply, 400, 'Authorization');
  });
});

describe('a bad request pipelined after good ones', () => {
  const get = `GET ${PATH} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`;
  const create = specModel().operations.find((shape) => shape.requestBody && shape.path.endsWith('-credentials'))!;
  const createBody = JSON.stringify(create.requestBody!.example);
  const post =
    `POST ${fillPath(create)} HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: ${create.requestBody!.mediaType}\r\n` +
    `Content-Length: ${Buffer.byteLength(createBody)}\r\n\r\n${createBody}`;

  function expectLastProblem(responses: RawResponse[], status: number, named: string): void {
    const last = responses.at(-1)!;
    expect(last.status).toBe(status);
    expect(last.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
    expect((JSON.parse(last.body) as Problem).detail).toContain(named);
  }

  it('keeps the GET answer and then names the unknown method', async () => {
    const responses = await exchangeAll(port, `${get}BLAH / HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(responses.map((response) => response.status)).toEqual([200, 400]);
    expectLastProblem(responses, 400, "'BLAH' is not an HTTP method");
  });

  it('finds the failing request after a body, and after two answered requests', async () => {
    const responses = await exchangeAll(port, `${get}${post}BLAH / HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(responses.map((response) => response.status)).toEqual([200, create.success.status, 400]);
    expectLastProblem(responses, 400, "'BLAH' is not an HTTP method");
  });

  it('names the broken header of the failing request, with its own path', async () => {
    const responses = await exchangeAll(
      port,
      `${get}POST /elsewhere HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n`,
    );
    expect(responses.map((response) => response.status)).toEqual([200, 400]);
    expectLastProblem(responses, 400, 'Content-Length');
    expect((JSON.parse(responses[1]!.body) as Problem).path).toBe('/elsewhere');
  });
});

describe('a stalled request', () => {
  let server: ReturnType<typeof createMockServer>;
  let serverPort: number;
  let sandbox: Sandbox;
  const logged: Array<[string, string, number]> = [];

  beforeAll(async () => {
    const operations = await loadOperations(readBundledSpec());
    sandbox = await createSandbox({ operations });
    server = createMockServer(operations, {
      requestTimeoutMs: 300,
      sandbox,
      onResponse: (method, url, status) => logged.push([method, url, status]),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverPort = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('gets a 408 problem instead of holding the connection forever', async () => {
    const started = Date.now();
    const reply = await exchange(
      serverPort,
      `POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n${auth}\r\n{"only":`,
    );
    expectProblem(reply, 408, '300 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('is one log line with its 408, and never recorded as a failure', async () => {
    logged.length = 0;
    const reply = await exchange(
      serverPort,
      `POST ${PATH} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n${auth}\r\n{"only":`,
    );
    expect(reply.status).toBe(408);
    // Whatever else node reports about the dead socket comes within a few timer ticks.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(logged).toEqual([['POST', PATH, 408]]);
    const recorded = await sandbox.control({
      method: 'GET',
      path: '/__sandbox/requests',
      query: {},
      // Every token's requests: the admin token's view.
      headers: { authorization: `Bearer ${sandbox.adminToken}` },
      body: undefined,
    });
    const statuses = (recorded.body as { requests: Array<{ status: number }> }).requests.map(({ status }) => status);
    expect(statuses).not.toContain(500);
  });
});
