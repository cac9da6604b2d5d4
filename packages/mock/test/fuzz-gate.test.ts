/**
 * The fuzz gate must be able to fail. The fuzzer's own property (one copy, in
 * support/fuzz-property.ts) runs against stub servers that answer wrongly in
 * one way each, and must fail for every one; against the real mock it must
 * pass. Then the oracle alone: each real reply passes it, and the same reply
 * with one thing planted wrong does not.
 */

import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type OperationModel, specModel } from '@leaf-credentials/spec';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../src/problem.js';
import { type BadRequest, badRequest } from './support/bad-requests.js';
import { allowedMethods, checksSpec, expectNamedProblem, namedProblemProperty } from './support/fuzz-property.js';
import { createAgent, type Reply, send } from './support/send.js';

const mockUrl = inject('mockUrl');
const shapes = specModel().operations;
const create = shapes.find((shape) => shape.requestBody)!;
const read = shapes.find((shape) => !shape.requestBody && shape.method === 'GET')!;
/** Short, so the stubs that never finish trip it quickly. */
const DEADLINE_MS = 300;
const RUNS = 50;

const staticProblem = JSON.stringify({
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  detail: 'Bad Request',
  path: '/',
  message: 'error.http.400',
});

const STUBS: Record<string, RequestListener> = {
  'answers 500': (_request, response) => {
    response
      .writeHead(500, { 'content-type': PROBLEM_CONTENT_TYPE })
      .end(JSON.stringify({ status: 500, detail: 'boom' }));
  },
  'answers 400 as plain application/json': (request, response) => {
    // Names everything a mutation could break, so only the media type is wrong for a 400 case.
    const detail = `Authorization Content-Type Host Expect body leafUserId ${request.method}`;
    response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 400, detail }));
  },
  'answers a static problem+json 400 that names nothing': (_request, response) => {
    response.writeHead(400, { 'content-type': PROBLEM_CONTENT_TYPE }).end(staticProblem);
  },
  'never answers': () => undefined,
  'starts a problem and trickles it forever': (_request, response) => {
    response.writeHead(400, { 'content-type': PROBLEM_CONTENT_TYPE });
    const timer = setInterval(() => response.write(' '), DEADLINE_MS / 6);
    response.on('close', () => clearInterval(timer));
  },
};

const servers: Server[] = [];
/** Sockets a hanging stub keeps open after node's parser refused their request: closed at the end. */
const heldSockets = new Set<Duplex>();
async function serve(listener: RequestListener, hangs: boolean): Promise<string> {
  // Every request reaches the stub: one without Host too (node would answer 400 itself), and an
  // Expect header's (node would answer 100 or 417).
  const server = createServer({ requireHostHeader: false }, listener);
  server.on('checkContinue', listener).on('checkExpectation', listener);
  // A stub that hangs hangs on every request: node would otherwise answer one its parser refuses
  // (an unknown method, say) with its own 400 at once, and that answer, not the deadline, could
  // be the property's first failure.
  if (hangs) server.on('clientError', (_error, socket) => heldSockets.add(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const agent = createAgent(4);
afterAll(async () => {
  agent.destroy();
  for (const socket of heldSockets) socket.destroy();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** What the property's failure must say for the stubs that never finish: the injected deadline decided. */
const DEADLINE_FAILURE = new RegExp(`no complete answer within ${DEADLINE_MS} ms`);
const HANGS = new Set(['never answers', 'starts a problem and trickles it forever']);

describe('the fuzz property fails against a wrong server', () => {
  for (const [name, listener] of Object.entries(STUBS)) {
    it(`fails when the server ${name}`, async () => {
      const url = await serve(listener, HANGS.has(name));
      for (const shape of [create, read]) {
        const property = namedProblemProperty(shape, shapes, { url, agent, deadlineMs: DEADLINE_MS });
        // endOnFailure: shrinking would only retry the same wrong server.
        const result = await fc.check(property, { numRuns: RUNS, endOnFailure: true });
        expect(result.failed, `${shape.operationId} against a server that ${name}`).toBe(true);
        // The injected deadline, not the default one, ended a hang: the failure names it.
        if (HANGS.has(name)) expect(String(result.errorInstance)).toMatch(DEADLINE_FAILURE);
      }
    });
  }

  it('passes against the real mock', async () => {
    for (const shape of [create, read]) {
      const result = await fc.check(namedProblemProperty(shape, shapes, { url: mockUrl, agent }), { numRuns: RUNS });
      expect(result.failed, fc.defaultReportMessage(result)).toBe(false);
    }
  });
});

/** One thing wrong with an otherwise right reply; undefined when it does not apply to this case. */
type Plant = (reply: Reply, problem: Problem, shape: OperationModel, bad: BadRequest) => Reply | undefined;

const withBody = (reply: Reply, problem: Problem): Reply => ({ ...reply, text: JSON.stringify(problem) });

const PLANTS: Record<string, Plant> = {
  'a 500': (reply, problem) => withBody({ ...reply, status: 500 }, { ...problem, status: 500 }),
  'another 4xx': (reply, problem) => {
    const status = reply.status === 400 ? 422 : 400;
    return withBody({ ...reply, status }, { ...problem, status });
  },
  'plain application/json': (reply) => ({
    ...reply,
    headers: { ...reply.headers, 'content-type': 'application/json' },
  }),
  'a body status unlike the reply': (reply, problem) => withBody(reply, { ...problem, status: reply.status + 1 }),
  'a problem naming nothing': (reply, problem) => {
    const { fieldErrors: _dropped, ...rest } = problem;
    return withBody(reply, { ...rest, detail: 'The request is not valid.' });
  },
  'no fieldErrors': (reply, problem, _shape, bad) => {
    if (!bad.expected.objectName) return undefined; // the oracle requires them only where a field is named
    const { fieldErrors: _dropped, ...rest } = problem;
    return withBody(reply, rest as Problem);
  },
  'a problem the spec does not allow': (reply, problem, shape, bad) => {
    if (!checksSpec(shape, reply, bad)) return undefined;
    const { title: _dropped, ...rest } = problem;
    return withBody(reply, rest as Problem);
  },
};

describe('the oracle rejects a planted violation', () => {
  for (const shape of [create, read]) {
    it(`${shape.operationId}: accepts each real reply, rejects it with one thing wrong`, async () => {
      const cases = fc.sample(badRequest(shape, allowedMethods(shape, shapes)), { numRuns: 40, seed: 7 });
      const planted = new Map<string, number>();
      for (const bad of cases) {
        const reply = await send(mockUrl, bad.request, agent);
        expectNamedProblem(shape, reply, bad);
        if (bad.request.method === 'HEAD') continue;
        const problem = JSON.parse(reply.text) as Problem;
        for (const [name, plant] of Object.entries(PLANTS)) {
          const wrong = plant(reply, problem, shape, bad);
          if (!wrong) continue;
          planted.set(name, (planted.get(name) ?? 0) + 1);
          expect(() => expectNamedProblem(shape, wrong, bad), `${bad.kind}: ${name}`).toThrow();
        }
      }
      // Every kind of planted violation was tried at least once.
      expect([...planted.keys()].sort()).toEqual(Object.keys(PLANTS).sort());
    });
  }
});
