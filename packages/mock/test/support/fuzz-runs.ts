/**
 * How many bad requests the fuzzer sends per operation kind (support/fuzz-property.ts):
 * FUZZ_RUNS, 1,000 by default. Lower it for a quick local run; CI refuses fewer than 1,000.
 */
import { runningInCi } from '@leaf-credentials/tooling';

const FUZZ_RUNS_ENV = 'FUZZ_RUNS';
export const MIN_CI_FUZZ_RUNS = 1_000;

export function fuzzRuns(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env[FUZZ_RUNS_ENV];
  const runs = configured === undefined || configured === '' ? MIN_CI_FUZZ_RUNS : Number(configured);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`${FUZZ_RUNS_ENV} must be a whole number of requests, not "${configured}".`);
  }
  if (runningInCi(env) && runs < MIN_CI_FUZZ_RUNS) {
    throw new Error(`${FUZZ_RUNS_ENV}=${runs}: CI sends at least ${MIN_CI_FUZZ_RUNS} bad requests per operation kind.`);
  }
  return runs;
}

/**
 * A kind's budget spread over its `operations` operations: an equal share each, rounded up, so
 * every operation is fuzzed (even when the budget is smaller than the kind) and the kind gets at
 * least `runs` bad requests.
 */
export function runsPerOperation(operations: number, runs: number): number {
  if (!Number.isInteger(operations) || operations < 1) throw new Error(`A kind has operations, not ${operations}.`);
  return Math.ceil(runs / operations);
}

/**
 * The sandbox refuses bad requests in the same read, route, check and validate stages as the
 * mock (only valid ones reach its store), so it gets a fifth of the mock's share: enough to
 * show its answer stage never turns a bad request into a 5xx, at a fifth of the time.
 */
export const SANDBOX_SHARE = 5;

/** The bad requests one target gets in a run: each kind's operations times their share of `runs`. */
export function badRequestsSent(kindSizes: readonly number[], runs: number): number {
  return kindSizes.reduce((sum, size) => sum + size * runsPerOperation(size, runs), 0);
}
