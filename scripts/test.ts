/**
 * `npm test`: every workspace's tests through turbo (which builds what they
 * need first), then one closing line summing them all with the wall-clock
 * time, e.g. `vitest: 52 passed, 0 failed, 0 skipped in 3m 12s`, so CI and
 * humans read one verdict (and see the 5-minute budget kept or broken).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_RESULTS_FILE } from '../vitest.shared.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE_PARENTS = ['packages', 'apps'];
/** Where each workspace's vitest writes its JSON report (vitest.shared.ts). */
const RESULTS = TEST_RESULTS_FILE;

function workspaceDirs(): string[] {
  const nested = WORKSPACE_PARENTS.flatMap((parent) =>
    readdirSync(join(ROOT, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(ROOT, parent, entry.name)),
  );
  return [join(ROOT, 'spec'), ...nested];
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ name: string; status: string; assertionResults: Array<{ status: string }> }>;
  numPendingTests: number;
  numTodoTests: number;
}

const started = performance.now();

/** `3m 12s`, or `48.2s` under a minute. */
function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  return `${Math.floor(seconds / 60)}m ${Math.round(seconds % 60)}s`;
}

for (const dir of workspaceDirs()) rmSync(join(dir, 'test-results'), { recursive: true, force: true });

// One workspace's suite at a time: on a 2-core machine the mock, Chromium, tsc and the fuzzers
// running side by side starve each other into timeouts. Each suite still runs its files in parallel.
const turbo = spawnSync(
  'npx',
  ['--no-install', 'turbo', 'run', 'test', '--continue', '--concurrency=1', ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  },
);

const totals = { passed: 0, failed: 0, skipped: 0, failedFiles: 0 };
for (const dir of workspaceDirs()) {
  const file = join(dir, RESULTS);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // A file can fail outside any test (a throwing beforeAll, an import error); its tests then
  // count as skipped, so say so rather than print "0 failed".
  totals.failedFiles += report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
}

const failedFiles = totals.failedFiles > 0 ? `, ${totals.failedFiles} test file(s) failed outside any test` : '';
const took = formatDuration(performance.now() - started);
console.log(
  `\nvitest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${failedFiles} in ${took}`,
);
if (totals.passed === 0) console.error('No test ran.');
if (turbo.status !== 0 && totals.failed === 0 && totals.failedFiles === 0) {
  console.error(
    'A task other than the tests failed (a build, generate or typecheck): see turbo\'s "Failed:" lines above.',
  );
}
const failed = turbo.status !== 0 || totals.passed === 0 || totals.failed > 0 || totals.failedFiles > 0;
process.exit(failed ? 1 : 0);
