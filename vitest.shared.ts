/**
 * Settings every package's vitest config extends: the usual console report,
 * plus a JSON report that `npm test` sums into one closing line.
 */
import { defineConfig } from 'vitest/config';

export const TEST_RESULTS_FILE = 'test-results/vitest.json';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: TEST_RESULTS_FILE }]],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
