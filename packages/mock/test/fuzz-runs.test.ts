import { describe, expect, it } from 'vitest';
import { fuzzRuns, MIN_CI_FUZZ_RUNS, runsPerOperation } from './support/fuzz-runs.js';

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
