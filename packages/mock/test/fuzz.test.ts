/**
 * Fuzzes the real mock process (the one `npm run mock` starts) with bad
 * requests to each operation: it never answers 5xx, never hangs, and always
 * answers a 4xx application/problem+json naming what the request got wrong.
 * FUZZ_RUNS sets the count per operation (1,000 by default and in CI).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import { operationShapes, PROBLEM_CONTENT_TYPE, type OperationShape, type Problem } from '../src/index.js';
import { badRequest, type BadRequest } from './support/bad-requests.js';
import { fuzzRuns } from './support/fuzz-runs.js';
import { createAgent, send, type Reply } from './support/send.js';

const mockUrl = inject('mockUrl');
const runs = fuzzRuns();
const shapes = operationShapes();
const agent = createAgent(6);
const statusCounts = new Map<string, Map<number, number>>();
const validator = createResponseValidator();

function expectNamedProblem(shape: OperationShape, reply: Reply, bad: BadRequest): void {
  const { expected } = bad;
  expect(reply.status, bad.kind).toBe(expected.status);
  expect(reply.headers['content-type'], bad.kind).toBe(PROBLEM_CONTENT_TYPE);
  if (bad.request.method === 'HEAD') return;
  const problem = JSON.parse(reply.text) as Problem;
  expect(problem.status, bad.kind).toBe(reply.status);
  expect(problem.detail, bad.kind).toContain(expected.names);
  if (expected.objectName) {
    expect(problem.fieldErrors, bad.kind).toContainEqual(
      expect.objectContaining({ objectName: expected.objectName, field: expected.names }),
    );
  }
  // Where the operation documents the status, the problem must match the spec (size limits included).
  if (bad.request.method === shape.method && shape.documentedStatuses.includes(reply.status)) {
    const check = validator.check(shape.method, shape.path, reply.status, PROBLEM_CONTENT_TYPE, problem);
    expect(check.errors, bad.kind).toEqual([]);
  }
}

afterAll(() => {
  agent.destroy();
  const lines = [...statusCounts].map(([operationId, counts]) => {
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const byStatus = [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    return `  ${operationId.padEnd(38)} ${String(total).padStart(6)}  ${byStatus.join(' ')}`;
  });
  console.log(`fuzz: bad requests per operation (FUZZ_RUNS=${runs}), answers by status\n${lines.join('\n')}`);
});

describe.concurrent('bad requests get a 4xx problem+json naming what was wrong', () => {
  for (const shape of shapes) {
    const allowed = shapes.filter((other) => other.path === shape.path).map((other) => other.method);
    it(`${shape.operationId}: ${runs} bad requests, no 5xx, no hang, each problem names the mutation`, { timeout: 120_000 }, async () => {
      const counts = new Map<number, number>();
      statusCounts.set(shape.operationId, counts);
      await fc.assert(
        fc.asyncProperty(badRequest(shape, allowed), async (bad) => {
          const reply = await send(mockUrl, bad.request, agent);
          counts.set(reply.status, (counts.get(reply.status) ?? 0) + 1);
          expectNamedProblem(shape, reply, bad);
        }),
        { numRuns: runs },
      );
      expect([...counts.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(runs);
    });
  }
});
