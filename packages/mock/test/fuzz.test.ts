/**
 * Fuzzes the real mock and sandbox processes (the ones `npm run mock` and
 * `npm run sandbox` start) with bad requests to each operation: neither ever
 * answers 5xx or hangs, and each always answers a 4xx application/problem+json
 * naming what the request got wrong. FUZZ_RUNS sets the count per operation
 * and server (1,000 by default and in CI).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { operationShapes } from '../src/index.js';
import { fuzzRuns } from './support/fuzz-runs.js';
import { namedProblemProperty } from './support/fuzz-property.js';
import { createAgent } from './support/send.js';

const TARGETS = [
  { name: 'mock', url: inject('mockUrl') },
  { name: 'sandbox', url: inject('sandboxUrl') },
];
const runs = fuzzRuns();
const shapes = operationShapes();
const agent = createAgent(6);
const statusCounts = new Map<string, Map<number, number>>();

afterAll(() => {
  agent.destroy();
  const lines = [...statusCounts].sort(([a], [b]) => a.localeCompare(b)).map(([operationId, counts]) => {
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const byStatus = [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
    return `  ${operationId.padEnd(46)} ${String(total).padStart(6)}  ${byStatus.join(' ')}`;
  });
  console.log(`fuzz: bad requests per operation (FUZZ_RUNS=${runs}), answers by status\n${lines.join('\n')}`);
});

for (const target of TARGETS) {
  describe.concurrent(`${target.name}: bad requests get a 4xx problem+json naming what was wrong`, () => {
    for (const shape of shapes) {
      it(`${shape.operationId}: ${runs} bad requests, no 5xx, no hang, each problem names the mutation`, { timeout: 120_000 }, async () => {
        const counts = new Map<number, number>();
        statusCounts.set(`${target.name} ${shape.operationId}`, counts);
        const onReply = (status: number) => counts.set(status, (counts.get(status) ?? 0) + 1);
        await fc.assert(namedProblemProperty(shape, shapes, { url: target.url, agent, onReply }), { numRuns: runs });
        expect([...counts.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(runs);
      });
    }
  });
}
