/**
 * The knip gate (`npm run lint:knip`, knip.jsonc): in a planted project, an
 * unused file, an unused export and an unused dependency are each reported and
 * fail the run; the same project without them passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SLOW_PROCESS_TIMEOUT } from '../fixtures/timeouts.js';

// knip exports no package.json; its bin sits beside dist/.
const KNIP = join(dirname(createRequire(import.meta.url).resolve('knip')), '../bin/knip.js');
const scratch = mkdtempSync(join(tmpdir(), 'knip-gate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface KnipIssue {
  file: string;
  files: { name: string }[];
  exports: { name: string }[];
  dependencies: { name: string }[];
}

/** Writes a project of `files` and runs knip on it; returns what it reported as `kind: name` lines. */
function knip(files: Record<string, string>): { status: number | null; reported: string[] } {
  const dir = mkdtempSync(join(scratch, 'project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(process.execPath, [KNIP, '--no-progress', '--reporter', 'json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const { issues } = JSON.parse(run.stdout) as { issues: KnipIssue[] };
  const reported = issues.flatMap((issue) => [
    ...issue.files.map(({ name }) => `unused file: ${name}`),
    ...issue.exports.map(({ name }) => `unused export: ${name} in ${issue.file}`),
    ...issue.dependencies.map(({ name }) => `unused dependency: ${name}`),
  ]);
  return { status: run.status, reported: reported.sort() };
}

const manifest = (dependencies: Record<string, string>) =>
  JSON.stringify({ name: 'planted', private: true, type: 'module', main: 'src/index.ts', dependencies });
const CLEAN = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { module: 'NodeNext', allowImportingTsExtensions: true, noEmit: true },
  }),
  'src/index.ts': "import { used } from './used.ts';\nconsole.log(used);\n",
  'src/used.ts': 'export const used = 1;\n',
};

describe('knip', () => {
  it(
    'reports an unused file, export and dependency, and fails',
    () => {
      const { status, reported } = knip({
        ...CLEAN,
        'package.json': manifest({ 'left-pad': '1.3.0' }),
        'src/used.ts': 'export const used = 1;\nexport const unused = 2;\n',
        'src/orphan.ts': 'export const orphan = 3;\n',
      });
      expect(reported).toEqual([
        'unused dependency: left-pad',
        'unused export: unused in src/used.ts',
        'unused file: src/orphan.ts',
      ]);
      expect(status).toBe(1);
    },
    SLOW_PROCESS_TIMEOUT,
  );

  it(
    'passes the same project without them',
    () => {
      const { status, reported } = knip({ ...CLEAN, 'package.json': manifest({}) });
      expect(reported).toEqual([]);
      expect(status).toBe(0);
    },
    SLOW_PROCESS_TIMEOUT,
  );
});
