import { readFileSync } from 'node:fs';
import { specModel } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { operationKinds } from './support/fuzz-property.js';
import { badRequestsSent, fuzzRuns, MIN_CI_FUZZ_RUNS, runsPerOperation, SANDBOX_SHARE } from './support/fuzz-runs.js';

describe('FUZZ_RUNS', () => {
  it('defaults to the CI minimum', () => {
    expect(fuzzRuns({})).toBe(MIN_CI_FUZZ_RUNS);
  });

  it('may be lowered for a quick local run', () => {
    expect(fuzzRuns({ FUZZ_RUNS: '50' })).toBe(50);
  });

  it('refuses fewer than the minimum when CI is set', () => {
    expect(() => fuzzRuns({ CI: 'true', FUZZ_RUNS: String(MIN_CI_FUZZ_RUNS - 1) })).toThrow(/at least 1000/);
    expect(fuzzRuns({ CI: 'true', FUZZ_RUNS: '5000' })).toBe(5000);
  });

  it('refuses a count that is not a whole positive number', () => {
    for (const value of ['ten', '0', '-5', '1.5'])
      expect(() => fuzzRuns({ FUZZ_RUNS: value }), value).toThrow(/whole number/);
  });
});

describe('runsPerOperation', () => {
  it.each([
    { runs: 1000, operations: 13, each: 77 },
    { runs: 1000, operations: 1, each: 1000 },
    { runs: 200, operations: 8, each: 25 },
    { runs: 10, operations: 13, each: 1 },
  ])(
    'spreads $runs over $operations operations as $each each: all fuzzed, the kind gets its budget',
    ({ runs, operations, each }) => {
      expect(runsPerOperation(operations, runs)).toBe(each);
      expect(each * operations).toBeGreaterThanOrEqual(runs);
    },
  );

  it('refuses a kind without operations', () => {
    expect(() => runsPerOperation(0, 1000)).toThrow(/has operations/);
  });
});

describe("the README's fuzz figures", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const stated =
    /one run sends ([\d,]+) bad requests to the mock and ([\d,]+) to the sandbox over the spec's (\d+) operation kinds/.exec(
      readme,
    );

  it('are what a default run sends, counted from the spec model', () => {
    expect(stated, 'README.md states the default run').not.toBeNull();
    const sizes = [...operationKinds(specModel().operations).values()].map((kind) => kind.length);
    const runs = fuzzRuns({});
    expect(stated!.slice(1).map((figure) => Number(figure.replaceAll(',', '')))).toEqual([
      badRequestsSent(sizes, runs),
      badRequestsSent(sizes, Math.ceil(runs / SANDBOX_SHARE)),
      sizes.length,
    ]);
  });
});
