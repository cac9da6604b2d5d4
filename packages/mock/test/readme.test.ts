/**
 * The README's snippets against this package's exports, fast (the slow test
 * installs the packed tarballs into a fresh project and runs them): every
 * `<!-- file: PATH -->` block typechecks (TypeScript) or parses and imports
 * only names the package exports (JavaScript), and every `<!-- run -->` line
 * that calls the bin names a command it has.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8');

interface Snippet {
  marker: string;
  language: string;
  code: string;
}

/** Each fenced block with the marker comment on the line right before it. */
function snippets(): Snippet[] {
  const found: Snippet[] = [];
  for (const match of README.matchAll(/<!-- (file: \S+|run) -->\n```(\w+)\n([\s\S]*?)\n```/g))
    found.push({ marker: match[1]!, language: match[2]!, code: match[3]! });
  return found;
}

const files = snippets()
  .filter(({ marker }) => marker.startsWith('file: '))
  .map(({ marker, code }) => ({ path: marker.slice('file: '.length), code }));
const runs = snippets().filter(({ marker }) => marker === 'run');

// Inside the package, so `@leaf-credentials/mock` resolves to this package as built.
const project = mkdtempSync(join(PACKAGE_DIR, '.readme-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
for (const { path, code } of files) {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), `${code}\n`);
}

describe('the README', () => {
  it('has a snippet for each door: bin, vitest, in-process, MSW, jest, node:test', () => {
    expect(files.map(({ path }) => path)).toEqual(
      expect.arrayContaining([
        'vitest.config.mjs',
        'test/sandbox-over-a-port.test.ts',
        'test/sandbox-in-process.test.ts',
        'test/msw.test.ts',
        'jest.config.cjs',
        'jest/sandbox.test.cjs',
        'node-test/sandbox.test.mjs',
      ]),
    );
    expect(runs.length).toBeGreaterThan(0);
  });

  it('has TypeScript snippets that typecheck against the exports', () => {
    const typescript = files.filter(({ path }) => path.endsWith('.ts')).map(({ path }) => path);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../../tsconfig.base.json',
        // The client's sources: it is built after this package, and this package cannot depend on it.
        compilerOptions: { paths: { '@leaf-credentials/client': ['../../client/src/index.ts'] } },
        files: typescript,
      }),
    );
    const output = (() => {
      try {
        execFileSync('npx', ['--no-install', 'tsc', '--noEmit', '-p', project], { encoding: 'utf8' });
        return '';
      } catch (error) {
        return String((error as { stdout?: string }).stdout);
      }
    })();
    expect(output).toBe('');
  }, 120_000);

  it.each(files.filter(({ path }) => /\.[cm]?js$/.test(path)))(
    '$path parses and imports what exists',
    async ({ path, code }) => {
      execFileSync(process.execPath, ['--check', join(project, path)]);
      const imports = [
        ...code.matchAll(/const \{([^}]+)\} = require\('(@leaf-credentials\/mock[^']*)'\)/g),
        ...code.matchAll(/import \{([^}]+)\} from '(@leaf-credentials\/mock[^']*)'/g),
      ];
      for (const [, names, specifier] of imports) {
        const exported = await import(specifier!);
        for (const name of names!.split(',').map((each) => each.trim()))
          expect(exported, `${specifier} exports ${name}`).toHaveProperty(name);
      }
      for (const [, specifier] of code.matchAll(/'(@leaf-credentials\/mock\/[^']+)'/g))
        await expect(import(specifier!), specifier).resolves.toBeDefined();
    },
  );

  it('runs the bin only with commands and flags it has', () => {
    const lines = runs
      .flatMap(({ code }) => code.split('\n'))
      .filter((line) => line.startsWith('npx @leaf-credentials/mock'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const args = line.replace('npx @leaf-credentials/mock', '').trim().split(/\s+/);
      execFileSync(process.execPath, [join(PACKAGE_DIR, 'dist/cli.js'), ...args], { encoding: 'utf8' });
    }
  });
});
