/**
 * The package as a stranger installs it: `npm pack` of the built package,
 * installed into a fresh project outside the repo from the tarball and the
 * registry alone. There the bundled document resolves through `exports` in
 * both formats, self-contained, and the compiled entry loads from CommonJS and
 * ESM. (Turbo builds dist/ before any test; packing does not rebuild it.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const INSTALL_TIMEOUT = 180_000;

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

/** Every `$ref` in `node`, at any depth. */
function refsOf(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const own = typeof (node as { $ref?: unknown }).$ref === 'string' ? [(node as { $ref: string }).$ref] : [];
  return [...own, ...Object.values(node).flatMap(refsOf)];
}

let files: string[] = [];
let project = '';
let tarball = '';
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: project, encoding: 'utf8' }).trim();

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'leaf-spec-package-'));
  const [packed] = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], PACKAGE_DIR),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed!.files.map((file) => file.path).sort();
  tarball = join(work, packed!.filename);
  project = join(work, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, version: '1.0.0' }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], project);
}, INSTALL_TIMEOUT);

describe('the packed spec package', () => {
  it.each([
    'dist/leaf-credentials.json',
    'dist/leaf-credentials.yaml',
    'dist/index.js',
    'dist/index.cjs',
    'dist/index.d.ts',
    'dist/index.d.cts',
    'dist/bearer-token.js',
    'dist/bearer-token.cjs',
    'dist/leaf-json.js',
    'dist/leaf-json.cjs',
  ])('contains %s', (file) => {
    expect(files).toContain(file);
  });

  it('ships no sources, tests or split spec files', () => {
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
  });

  it.each<[string, (text: string) => unknown]>([
    ['leaf-credentials.json', (text) => JSON.parse(text)],
    ['leaf-credentials.yaml', (text) => parse(text)],
  ])('resolves @leaf-credentials/spec/%s to one self-contained document', (name, read) => {
    const path = node(['-p', `require.resolve('@leaf-credentials/spec/${name}')`]);
    expect(path.startsWith(project)).toBe(true);
    const document = read(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(refsOf(document).filter((ref) => !ref.startsWith('#/'))).toEqual([]);
    expect(document).toHaveProperty('x-tagGroups');
    expect(JSON.stringify(document)).toContain('"x-codeSamples"');
    expect(document).toEqual(JSON.parse(readFileSync(join(PACKAGE_DIR, 'dist', 'leaf-credentials.json'), 'utf8')));
  });

  it.each([
    ['CommonJS', ['-p', "require('@leaf-credentials/spec').specModel().operation('authenticate').basePaths.local"]],
    [
      'ESM',
      [
        '--input-type=module',
        '-e',
        "import { specModel } from '@leaf-credentials/spec'; console.log(specModel().operation('authenticate').basePaths.local);",
      ],
    ],
  ])('loads the model from %s, reading the shipped document', (_, args) => {
    expect(node(args)).toBe('/api');
  });

  it('resolves with types under node16 (CJS and ESM) and bundlers (attw; the YAML file is data, not a module)', () => {
    // --no-install: attw is a devDependency; a missing one fails here rather than being fetched.
    const run = () =>
      execFileSync(
        'npx',
        ['--no-install', 'attw', tarball, '--profile', 'node16', '--exclude-entrypoints', './leaf-credentials.yaml'],
        { cwd: PACKAGE_DIR, encoding: 'utf8' },
      );
    expect(run).not.toThrow();
  });

  it('installs nothing of the repo tooling', () => {
    const installed = npm(['ls', '--omit=dev', '--all', '--parseable'], project);
    for (const tool of ['@redocly/cli', 'typescript', 'tsx', 'turbo', 'vitest', '@leaf-credentials/tooling']) {
      expect(installed).not.toContain(`node_modules/${tool}`);
    }
  });
});
