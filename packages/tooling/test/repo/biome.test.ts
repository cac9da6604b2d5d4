/**
 * The Biome gate (`npm run lint:biome`, biome.jsonc): a planted file, checked
 * with the repo's config in a scratch directory the way `lint:biome` checks
 * the repo, gets exactly the findings named here, and any finding fails the
 * run, a warning too. The rules the config turns off stay off only where it
 * says, and generated code is checked like any other.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/index.js';
import { SLOW_PROCESS_TIMEOUT } from '../fixtures/timeouts.js';

const BIOME = join(dirname(createRequire(import.meta.url).resolve('@biomejs/biome/package.json')), 'bin/biome');
const scratch = mkdtempSync(join(tmpdir(), 'biome-gate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes one planted file next to a copy of biome.jsonc and runs `biome ci` there; returns each finding's category. */
function check(file: string, text: string): { status: number | null; findings: string[] } {
  const dir = mkdtempSync(join(scratch, 'case-'));
  copyFileSync(join(REPO_ROOT, 'biome.jsonc'), join(dir, 'biome.jsonc'));
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
  // The scratch directory is no git checkout, so there is no .gitignore to read.
  const run = spawnSync(
    BIOME,
    ['ci', '--error-on-warnings', '--vcs-enabled=false', '--reporter=github', '--colors=off', '.'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  const findings = [...run.stdout.matchAll(/^::(?:error|warning) title=([^,]+),file=([^,]+),/gm)].map(
    ([, category, path]) => `${category} in ${path!.slice(dir.length + 1)}`,
  );
  return { status: run.status, findings };
}

const NON_NULL = 'export const first = (list: number[]) => list[0]!;\n';
/** What the rule sees in the docs' tests: Biome cannot tell Playwright's locator.innerText() from the DOM's. */
const INNER_TEXT = 'export const read = (node: HTMLElement) => node.innerText;\n';

const CASES = [
  {
    behaviour: 'flags code not laid out as Biome lays it out',
    file: 'src/a.ts',
    text: 'export const a   = 1\n',
    finds: ['format'],
  },
  {
    behaviour: 'flags generated code that its generator did not format',
    file: 'packages/client/src/generated/schema.ts',
    text: 'export type A = {a: string}\n',
    finds: ['format'],
  },
  {
    behaviour: 'flags an assignment inside an expression',
    file: 'src/a.ts',
    text: 'export const plant = (spec: { n: number }) => void (spec.n = 1);\n',
    finds: ['lint/suspicious/noAssignInExpressions'],
  },
  {
    behaviour: 'fails on a warning too (an unused variable)',
    file: 'src/a.ts',
    text: 'const unused = 1;\nexport const used = 2;\n',
    finds: ['lint/correctness/noUnusedVariables'],
  },
  {
    behaviour: 'flags imports out of order',
    file: 'src/a.ts',
    text: "import { b } from './b.ts';\nimport { a } from './a.ts';\n\nexport const c = a + b;\n",
    finds: ['assist/source/organizeImports'],
  },
  {
    behaviour: 'flags JSON with an array on one line',
    file: 'data.json',
    text: '{\n  "a": [1, 2]\n}\n',
    finds: ['format'],
  },
  {
    behaviour: 'passes JSON as JSON.stringify(value, null, 2) writes it',
    file: 'data.json',
    text: `${JSON.stringify({ a: [1, 2], b: { c: 'd' } }, null, 2)}\n`,
    finds: [],
  },
  {
    behaviour: 'does not check package-lock.json, which is npm’s',
    file: 'package-lock.json',
    text: '{"a":[1]}',
    finds: [],
  },
  { behaviour: 'allows a non-null assertion (noUncheckedIndexedAccess)', file: 'src/a.ts', text: NON_NULL, finds: [] },
  {
    behaviour: 'allows void as a type argument of a result',
    file: 'src/a.ts',
    text: 'export type Answer<T> = T extends string ? T : void;\n',
    finds: [],
  },
  {
    behaviour: "allows Playwright's innerText() in the docs' tests",
    file: 'apps/docs/test/a.ts',
    text: INNER_TEXT,
    finds: [],
  },
  {
    behaviour: 'flags innerText() everywhere else',
    file: 'src/a.ts',
    text: INNER_TEXT,
    finds: ['lint/performance/useDomNodeTextContent'],
  },
];

describe('biome ci with the repo config (biome.jsonc)', () => {
  for (const { behaviour, file, text, finds } of CASES) {
    it(
      behaviour,
      () => {
        const { status, findings } = check(file, text);
        expect(findings).toEqual(finds.map((category) => `${category} in ${file}`));
        expect(status).toBe(finds.length === 0 ? 0 : 1);
      },
      SLOW_PROCESS_TIMEOUT,
    );
  }
});
