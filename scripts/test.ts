/**
 * `npm test`: every workspace's tests through turbo (which builds what they
 * need first), then one closing line summing them all, e.g.
 * `vitest: 52 passed, 0 failed`, so CI and humans read one verdict.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE_PARENTS = ['packages', 'apps'];
const RESULTS = join('test-results', 'vitest.json');

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
  numPendingTests: number;
  numTodoTests: number;
}

for (const dir of workspaceDirs()) rmSync(join(dir, 'test-results'), { recursive: true, force: true });

const turbo = spawnSync('npx', ['--no-install', 'turbo', 'run', 'test', '--continue', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const dir of workspaceDirs()) {
  const file = join(dir, RESULTS);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

console.log(`\nvitest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (totals.passed === 0) console.error('No test ran.');
process.exit(turbo.status !== 0 || totals.passed === 0 ? 1 : 0);
