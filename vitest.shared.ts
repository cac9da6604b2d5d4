/**
 * What every workspace's vitest config is made of: the usual console report plus
 * a JSON report that `npm test` sums into one closing line, and the two tiers.
 *
 * - `unit`: everything that runs inside the test process. No child process (no
 *   server, CLI, linter, npm, browser): vitest.unit-guard.ts fails a test that
 *   starts one. Cached by turbo (`npm run test:unit`).
 * - `e2e`: the files a workspace lists, which start processes; the e2e global
 *   setups (one mock or sandbox process per run, read with `inject`) run for this
 *   tier only.
 *
 * `vitest run` in a workspace runs both; `--project unit` or `--project e2e` one.
 */
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export const TIERS = ['unit', 'e2e'] as const;
export type Tier = (typeof TIERS)[number];

/** Where a workspace's tier writes its JSON report (its package.json passes it as `--outputFile.json`). */
export const testResultsFile = (tier: Tier) => `test-results/${tier}.json`;

const TEST_FILES = ['test/**/*.test.ts'];
const UNIT_GUARD = fileURLToPath(new URL('./vitest.unit-guard.ts', import.meta.url));
const TEMP_DIR = fileURLToPath(new URL('./vitest.temp-dir.ts', import.meta.url));

export interface TierOptions {
  /** Test files (globs from the workspace) that start a process: the e2e tier. The rest is unit. */
  e2e: string[];
  /** Global setups of the e2e tier: the servers its tests share, one of each per run. */
  e2eGlobalSetup?: string[];
}

export function defineTiers({ e2e, e2eGlobalSetup = [] }: TierOptions) {
  return defineConfig({
    test: {
      reporters: ['default', 'json'],
      outputFile: { json: 'test-results/vitest.json' },
      // A tier a workspace has no test in (the tooling's unit tier) passes rather than fails turbo.
      passWithNoTests: true,
      // Hang guards, not speed checks: far above what a test takes on a loaded 2-core machine, so
      // load never fails a test (timing goals belong to the benchmarks).
      testTimeout: 120_000,
      hookTimeout: 180_000,
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: TEST_FILES,
            exclude: [...configDefaults.exclude, ...e2e],
            setupFiles: [UNIT_GUARD],
            globalSetup: [TEMP_DIR],
            // One module graph per worker, not per file: each file re-importing the spec, Prism and
            // the sandbox was most of the tier's time (the mock's: 31 s of imports for 11 s of tests).
            // The tests restore what they change (fake timers, mocks, env) in their own hooks.
            isolate: false,
          },
        },
        { extends: true, test: { name: 'e2e', include: e2e, globalSetup: [TEMP_DIR, ...e2eGlobalSetup] } },
      ],
    },
  });
}
