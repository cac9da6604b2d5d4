/**
 * The consumer test, on every Node line and TypeScript major we test on
 * (support/toolchains.ts): the package as npm would ship it, installed into a
 * fresh project (support/consumer-project.ts). Each TypeScript compiles the
 * project once: the strict program using the helpers without a diagnostic,
 * and exactly the expected errors for the wrong calls. Each Node runs every
 * compiled program (ESM) against the mock and requires the package from
 * CommonJS. The matrix is printed as a table at the end.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ConsumerProject, createConsumerProject, type Ran } from './support/consumer-project.js';
import { formatTable } from './support/table.js';
import { type InstalledToolchain, installed, NODE_LINES, type Toolchain, TYPESCRIPTS } from './support/toolchains.js';

const require = createRequire(import.meta.url);
/** What fixtures/consumer/uses-helpers.ts prints after its calls against the mock. */
const PROGRAM_OUTPUT = { created: 'OK', status: 'OK', events: 2, problem: 'refused before sending', raw: 200 };
const CJS_COLUMN = 'require (CJS)';
/** Waiting for a free core (support/consumer-project.ts) counts against a test's time. */
const CELL_TIMEOUT = 120_000;

let project: ConsumerProject;
/** Matrix cell → passed; a cell whose test did not finish stays blank. */
const results = new Map<string, boolean>();
const cellKey = (row: string, column: string) => `${row}\u0000${column}`;

async function cell(row: string, column: string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
    results.set(cellKey(row, column), true);
  } catch (error) {
    results.set(cellKey(row, column), false);
    throw error;
  }
}

/** Each toolchain's binary and pinned version; a missing one fails its cells with a one-line hint. */
const found = new Map<string, InstalledToolchain>();
function find(toolchain: Toolchain): InstalledToolchain {
  const known = found.get(toolchain.dependency) ?? installed(toolchain);
  found.set(toolchain.dependency, known);
  return known;
}

/** Where a compiler writes the project's JavaScript: one directory each. */
const outDir = (typescript: Toolchain) => `out/${typescript.dependency}`;

/**
 * One compilation per TypeScript, of both files (fixtures/consumer/tsconfig.json): TypeScript still emits
 * when a file has errors, so one run shows both that the program compiles cleanly and that the wrong calls
 * do not. The compilers run with the Node running the tests.
 */
const compiling = new Map<string, Promise<Ran>>();
function compile(typescript: Toolchain): Promise<Ran> {
  const started =
    compiling.get(typescript.dependency) ??
    project.run(process.execPath, [find(typescript).binary, '-p', 'tsconfig.json', '--outDir', outDir(typescript)]);
  compiling.set(typescript.dependency, started);
  return started;
}

/** tsc's diagnostics, one string each (a diagnostic's continuation lines are indented). */
const diagnostics = (compiled: Ran) =>
  (compiled.stdout + compiled.stderr).split(/\n(?=\S)/).filter((text) => text.trim() !== '');

beforeAll(() => {
  project = createConsumerProject();
}, 120_000);

afterAll(() => {
  project?.remove();
  const versioned = (toolchain: Toolchain) => {
    const known = found.get(toolchain.dependency);
    return known ? `${toolchain.label} (${known.version})` : toolchain.label;
  };
  const columns = [...TYPESCRIPTS.map(versioned), CJS_COLUMN];
  const mark = (row: string, column: string) => {
    const passed = results.get(cellKey(row, column));
    return passed === undefined ? '-' : passed ? 'ok' : 'FAILED';
  };
  const rows = [
    ['compiles strict program', ...TYPESCRIPTS.map((ts) => mark('compile', ts.label)), ''],
    ['refuses the wrong calls', ...TYPESCRIPTS.map((ts) => mark('wrong', ts.label)), ''],
    ...NODE_LINES.map((node) => [
      `${versioned(node)} runs it`,
      ...TYPESCRIPTS.map((ts) => mark(node.label, ts.label)),
      mark(node.label, CJS_COLUMN),
    ]),
  ];
  console.log(
    `consumer matrix, packed @leaf-credentials/client ${project?.packageVersion ?? ''}:\n${formatTable(['', ...columns], rows)}`,
  );
});

describe('the pinned toolchains', () => {
  it('fail, in one line naming the devDependency and the fix, when one is not installed', () => {
    const dependency = 'node-99';
    const notInstalled = {
      ...NODE_LINES[0]!,
      label: 'Node 99',
      dependency,
      locate: () => require.resolve(`${dependency}/package.json`),
    };
    expect(() => installed(notInstalled)).toThrow(
      /^Node 99 is missing \(no node_modules\/node-99\): .*"node-99".*`npm ci`[^\n]*$/,
    );
  });
});

describe.concurrent('a fresh project consuming the packed package', () => {
  for (const typescript of TYPESCRIPTS) {
    it(
      `compiles a strict program using the helpers with ${typescript.label}, without a diagnostic`,
      { timeout: CELL_TIMEOUT },
      () =>
        cell('compile', typescript.label, async () => {
          const compiled = await compile(typescript);
          expect(diagnostics(compiled).filter((text) => !text.startsWith('wrong-calls.ts('))).toEqual([]);
          expect(existsSync(join(project.dir, outDir(typescript), 'uses-helpers.js'))).toBe(true);
        }),
    );

    it(
      `does not compile a create body without clientSecret or a provider path the spec lacks, with ${typescript.label}`,
      { timeout: CELL_TIMEOUT },
      () =>
        cell('wrong', typescript.label, async () => {
          const compiled = await compile(typescript);
          expect(compiled.status).not.toBe(0);
          const [missingSecret, wrongPath, ...others] = diagnostics(compiled);
          expect(missingSecret).toMatch(/^wrong-calls\.ts\(8,\d+\): error.*?'clientSecret' is missing/s);
          expect(wrongPath).toMatch(/^wrong-calls\.ts\(10,.*no-such-provider-credentials/);
          expect(others).toEqual([]);
        }),
    );
  }

  for (const node of NODE_LINES) {
    for (const typescript of TYPESCRIPTS) {
      it(
        `runs the program compiled by ${typescript.label} on ${node.label} against the mock`,
        { timeout: CELL_TIMEOUT },
        () =>
          cell(node.label, typescript.label, async () => {
            const binary = find(node).binary;
            await compile(typescript);
            expect(
              existsSync(join(project.dir, outDir(typescript), 'uses-helpers.js')),
              `${typescript.label} emitted no program`,
            ).toBe(true);
            // The mock answers from the spec's examples and keeps no state, so programs may run side by side.
            const program = await project.run(binary, [`${outDir(typescript)}/uses-helpers.js`], {
              MOCK_URL: inject('mockUrl'),
            });
            expect(program.stderr).toBe('');
            expect(JSON.parse(program.stdout)).toEqual(PROGRAM_OUTPUT);
          }),
      );
    }

    it(`can be required from CommonJS on ${node.label}, which is the pinned version`, { timeout: CELL_TIMEOUT }, () =>
      cell(node.label, CJS_COLUMN, async () => {
        const { binary, version } = find(node);
        const script =
          "console.log(process.version, typeof require('@leaf-credentials/client').createLeafCredentialsClient)";
        const required = await project.run(binary, ['--input-type=commonjs', '-e', script]);
        expect(required.stderr).toBe('');
        expect(required.stdout.trim()).toBe(`v${version} function`);
      }),
    );
  }
});
