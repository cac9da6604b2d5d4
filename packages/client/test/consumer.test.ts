/**
 * The consumer test: the package as npm would ship it (`npm pack`) installed
 * into a fresh project that has nothing but TypeScript, installed offline from
 * the npm cache. A strict-mode program using the helpers compiles and runs
 * against the mock; a program with wrong calls does not compile. CommonJS
 * consumers can require it too.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PACKAGE_DIR, packFiles } from './support/pack.js';
const CONSUMER_FIXTURES = fileURLToPath(new URL('./fixtures/consumer/', import.meta.url));

/** The consumer project's own compiler (npx would add npm's warnings to the output). */
const TSC = 'node_modules/typescript/bin/tsc';

let project: string;

function run(command: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(command, args, { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });
}

beforeAll(() => {
  expect(packFiles().some((file) => file.startsWith('dist/')), 'build the package first: npm run build').toBe(true);
  project = mkdtempSync(join(tmpdir(), 'leaf-client-consumer-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', project], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
  ) as { filename: string }[];
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'leaf-client-consumer',
      private: true,
      type: 'module',
      dependencies: { '@leaf-credentials/client': `file:./${packed[0]!.filename}`, typescript: ts.version },
    }),
  );
  cpSync(CONSUMER_FIXTURES, project, { recursive: true });
  // --offline: everything comes from the tarball and the npm cache, nothing from the network.
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts']);
  expect(install.status, install.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('a fresh project consuming the packed package', () => {
  it('compiles a strict program using the helpers and runs it against the mock', () => {
    const compile = run('node', [TSC, '-p', 'tsconfig.json']);
    expect(compile.stdout + compile.stderr).toBe('');
    expect(compile.status).toBe(0);
    const program = run('node', ['out/uses-helpers.js'], { MOCK_URL: inject('mockUrl') });
    expect(program.stderr).toBe('');
    expect(JSON.parse(program.stdout)).toEqual({ created: 'OK', status: 'OK', events: 2, problem: 'refused before sending', raw: 200 });
  });

  it('does not compile a create body without clientSecret or a provider path the spec lacks', () => {
    const wrong = run('node', [TSC, '-p', 'tsconfig.wrong.json']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/wrong-calls\.ts\(8,\d+\): error[^]*?'clientSecret' is missing/);
    expect(wrong.stdout).toMatch(/wrong-calls\.ts\(10,.*no-such-provider-credentials/);
  });

  it('can be required from CommonJS', () => {
    const required = run('node', ['-e', "console.log(typeof require('@leaf-credentials/client').createLeafCredentialsClient)"]);
    expect(required.stdout.trim()).toBe('function');
  });
});
