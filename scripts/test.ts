/**
 * `npm test`: both tiers of every workspace through turbo (which builds what
 * they need first), then the time each workspace took per tier, and one
 * closing line summing every test with the wall-clock time, e.g.
 * `vitest: 52 passed, 0 failed, 0 skipped in 2m 12s`, so CI and humans read one
 * verdict and the next slow workspace shows. `npm run test:unit` and
 * `npm run test:e2e` run one tier (`--tier unit|e2e`); other arguments go to
 * turbo (`--filter=@leaf-credentials/mock`).
 *
 * - unit (vitest.shared.ts): in-process tests, and the type check; cached by
 *   turbo, so an unchanged workspace replays its last report. Workspaces run
 *   side by side.
 * - e2e: servers, processes, the browser, packing; never cached. After the
 *   builds, two lanes: the stranger's install (the longest: npm and processes
 *   starting) in one, the other workspaces one at a time in the other (on 2
 *   cores the mock's fuzzer, Chromium and tsc side by side starve each other).
 *   Every wait in these suites is for a condition, with hang guards far above
 *   what load makes of it, so a busy machine makes them slower, not red.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIERS, type Tier, testResultsFile } from '../vitest.shared.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE_PARENTS = ['packages', 'apps'];
const SUMMARIES = join(ROOT, '.turbo', 'runs');

/** The turbo tasks of each tier, and how many of its tasks turbo runs at once. */
const TIER_RUNS: Record<Tier, { tasks: string[]; concurrency: number }> = {
  unit: { tasks: ['typecheck', 'test:unit'], concurrency: 2 },
  e2e: { tasks: ['test:e2e'], concurrency: 1 },
};

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{ status: string; assertionResults: Array<{ status: string }> }>;
}

interface TurboTask {
  task: string;
  package: string;
  execution?: { startTime: number; endTime: number; exitCode: number | null };
  cache: { status: 'HIT' | 'MISS' };
}

function workspaceDirs(): string[] {
  const nested = WORKSPACE_PARENTS.flatMap((parent) =>
    readdirSync(join(ROOT, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, parent, entry.name, 'package.json')))
      .map((entry) => join(ROOT, parent, entry.name)),
  );
  return [join(ROOT, 'spec'), ...nested];
}

/** `3m 12s`, or `48.2s` under a minute. */
function formatDuration(ms: number): string {
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

function parseArguments(argv: string[]): { tiers: Tier[]; turboArgs: string[] } {
  const at = argv.indexOf('--tier');
  if (at < 0) return { tiers: [...TIERS], turboArgs: argv };
  const tier = argv[at + 1] as Tier;
  if (!TIERS.includes(tier)) throw new Error(`--tier takes one of ${TIERS.join(', ')}, not "${argv[at + 1]}".`);
  return { tiers: [tier], turboArgs: argv.filter((_arg, index) => index !== at && index !== at + 1) };
}

/** The tasks of every summary turbo wrote since `since` (`--summarize`): each task's times and cache status. */
function turboTasksSince(since: number): TurboTask[] {
  if (!existsSync(SUMMARIES)) return [];
  return readdirSync(SUMMARIES)
    .map((name) => join(SUMMARIES, name))
    .filter((path) => statSync(path).mtimeMs >= since)
    .flatMap((path) => (JSON.parse(readFileSync(path, 'utf8')) as { tasks: TurboTask[] }).tasks);
}

/** Runs turbo with `args`; resolves to its exit status. */
function turbo(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', 'turbo', 'run', ...args, '--continue', '--summarize'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
    child.on('close', resolve);
  });
}

/**
 * The e2e workspace that takes longest: packing and installing, then processes starting, mostly
 * waiting rather than computing. Turbo would start it last (it depends on the most builds), so
 * after the builds it runs in a lane of its own, beside the other workspaces one at a time.
 */
const LONGEST_E2E = '@leaf-credentials/fresh-install';

async function runTier(tier: Tier, turboArgs: string[]): Promise<{ status: number | null; tasks: TurboTask[] }> {
  const { tasks, concurrency } = TIER_RUNS[tier];
  console.log(`\n> ${tier} tier: turbo run ${tasks.join(' ')}`);
  const started = Date.now();
  const filtered = turboArgs.some((arg) => arg.startsWith('--filter'));
  if (tier !== 'e2e' || filtered) {
    const status = await turbo([...tasks, `--concurrency=${concurrency}`, ...turboArgs]);
    return { status, tasks: turboTasksSince(started) };
  }
  const built = await turbo(['build', ...turboArgs]);
  const lanes = await Promise.all([
    turbo([...tasks, '--only', `--filter=${LONGEST_E2E}`, ...turboArgs]),
    turbo([...tasks, '--only', `--filter=!${LONGEST_E2E}`, `--concurrency=${concurrency}`, ...turboArgs]),
  ]);
  const status = [built, ...lanes].find((laneStatus) => laneStatus !== 0) ?? 0;
  return { status, tasks: turboTasksSince(started) };
}

/** One row per workspace, one column per test task: how long it ran, or that turbo replayed it from its cache. */
function timeTable(tasks: TurboTask[]): string {
  const columns = ['typecheck', 'test:unit', 'test:e2e'].filter((task) => tasks.some((run) => run.task === task));
  const packages = [...new Set(tasks.filter((run) => columns.includes(run.task)).map((run) => run.package))].sort();
  const cellOf = (pkg: string, task: string) => {
    const run = tasks.find((candidate) => candidate.package === pkg && candidate.task === task);
    if (!run?.execution) return '-';
    if (run.cache.status === 'HIT') return 'cached';
    const took = formatDuration(run.execution.endTime - run.execution.startTime);
    return run.execution.exitCode === 0 ? took : `${took} FAILED`;
  };
  const width = Math.max(...packages.map((pkg) => pkg.length), 'workspace'.length);
  const line = (cells: string[]) =>
    cells.map((cell, index) => (index === 0 ? cell.padEnd(width) : cell.padStart(14))).join('  ');
  return [
    line(['workspace', ...columns]),
    ...packages.map((pkg) => line([pkg, ...columns.map((task) => cellOf(pkg, task))])),
  ].join('\n');
}

function sumReports(tiers: Tier[]) {
  const totals = { passed: 0, failed: 0, skipped: 0, failedFiles: 0 };
  for (const dir of workspaceDirs()) {
    for (const tier of tiers) {
      const file = join(dir, testResultsFile(tier));
      if (!existsSync(file)) continue;
      const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests;
      totals.skipped += report.numPendingTests + report.numTodoTests;
      // A file can fail outside any test (a throwing beforeAll, an import error); its tests then
      // count as skipped, so say so rather than print "0 failed".
      totals.failedFiles += report.testResults.filter(
        (result) => result.status === 'failed' && !result.assertionResults.some((test) => test.status === 'failed'),
      ).length;
    }
  }
  return totals;
}

const started = performance.now();
const { tiers, turboArgs } = parseArguments(process.argv.slice(2));
for (const dir of workspaceDirs()) for (const tier of tiers) rmSync(join(dir, testResultsFile(tier)), { force: true });

const runs = [];
for (const tier of tiers) {
  const tierStarted = performance.now();
  const run = await runTier(tier, turboArgs);
  runs.push({ tier, ...run, took: performance.now() - tierStarted });
}

console.log('\nTime per workspace and tier (cached: turbo replayed its last run):');
console.log(timeTable(runs.flatMap((run) => run.tasks)));
for (const run of runs) console.log(`${run.tier} tier: ${formatDuration(run.took)}`);

const totals = sumReports(tiers);
const failedFiles = totals.failedFiles > 0 ? `, ${totals.failedFiles} test file(s) failed outside any test` : '';
const took = formatDuration(performance.now() - started);
console.log(
  `\nvitest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${failedFiles} in ${took}`,
);
const turboFailed = runs.some((run) => run.status !== 0);
if (totals.passed === 0) console.error('No test ran.');
if (turboFailed && totals.failed === 0 && totals.failedFiles === 0) {
  console.error(
    'A task other than the tests failed (a build, generate or typecheck): see turbo\'s "Failed:" lines above.',
  );
}
const failed = turboFailed || totals.passed === 0 || totals.failed > 0 || totals.failedFiles > 0;
process.exit(failed ? 1 : 0);
