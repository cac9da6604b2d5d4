/**
 * Fuzzes the real mock and sandbox processes (the ones `npm run mock` and
 * `npm run sandbox` start) with bad requests to each kind of operation (get,
 * create, delete, ...: the operations of a kind share one request path and
 * differ only by data): neither ever answers 5xx or hangs, and each always
 * answers a 4xx application/problem+json naming what the request got wrong.
 * FUZZ_RUNS sets the count per kind for the mock (1,000 by default and in CI),
 * spread evenly over the kind's operations; the sandbox gets a fifth of it.
 */

import { specModel } from '@leaf-credentials/spec';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { badControlRequest } from './support/bad-requests.js';
import { expectProblemNaming, namedProblemProperty, operationKinds } from './support/fuzz-property.js';
import { fuzzRuns, runsPerOperation, SANDBOX_SHARE } from './support/fuzz-runs.js';
import { createAgent, send } from './support/send.js';

const runs = fuzzRuns();
const TARGETS = [
  { name: 'mock', url: inject('mockUrl'), runs },
  { name: 'sandbox', url: inject('sandboxUrl'), runs: Math.ceil(runs / SANDBOX_SHARE) },
];
const shapes = specModel().operations;
const kinds = operationKinds(shapes);
const agent = createAgent(6);
const statusCounts = new Map<string, Map<number, number>>();

afterAll(() => {
  agent.destroy();
  const lines = [...statusCounts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, counts]) => {
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
      const byStatus = [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
      return `  ${operation.padEnd(54)} ${String(total).padStart(6)}  ${byStatus.join(' ')}`;
    });
  console.log(
    `fuzz: bad requests per operation (FUZZ_RUNS=${runs} per kind, spread over its operations), answers by status\n${lines.join('\n')}`,
  );
});

for (const target of TARGETS) {
  describe.concurrent(`${target.name}: bad requests get a 4xx problem+json naming what was wrong`, () => {
    for (const [kind, operations] of kinds) {
      const each = runsPerOperation(operations.length, target.runs);
      it(`${kind}: ${each} bad requests to each of its ${operations.length} operations, no 5xx, no hang, each problem names the mutation`, {
        timeout: 120_000,
      }, async () => {
        for (const shape of operations) {
          const counts = new Map<number, number>();
          statusCounts.set(`${target.name} ${shape.operationId}`, counts);
          const onReply = (status: number) => counts.set(status, (counts.get(status) ?? 0) + 1);
          await fc.assert(namedProblemProperty(shape, shapes, { url: target.url, agent, onReply }), {
            numRuns: each,
          });
          expect(
            [...counts.values()].reduce((sum, count) => sum + count, 0),
            shape.operationId,
          ).toBeGreaterThanOrEqual(each);
        }
      });
    }
  });
}

describe('sandbox: bad control requests get a 4xx problem+json naming what was wrong', () => {
  const target = TARGETS[1]!;
  it(`${target.runs} bad control requests (clock values, bodies, nested seeds, tokens, header-heavy), no 5xx`, {
    timeout: 120_000,
  }, async () => {
    const counts = new Map<number, number>();
    statusCounts.set('sandbox control requests', counts);
    await fc.assert(
      fc.asyncProperty(badControlRequest(), async (bad) => {
        const reply = await send(target.url, bad.request, agent);
        counts.set(reply.status, (counts.get(reply.status) ?? 0) + 1);
        expectProblemNaming(reply, bad);
      }),
      { numRuns: target.runs },
    );
  });
});
