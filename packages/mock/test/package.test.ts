/**
 * The package as published: compiled JavaScript only (ESM, CommonJS, types,
 * the bin), nothing it would need a TypeScript toolchain for at run time, and
 * types that resolve for every module system (attw, as the client checks).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  private?: boolean;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  exports: Record<string, unknown>;
};

function packFiles(): string[] {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
  ) as { files: { path: string }[] }[];
  return pack!.files.map((file) => file.path).sort();
}

describe('the published package', () => {
  it('is publishable, with one bin and an exact spec version', () => {
    expect(manifest.private).toBeUndefined();
    expect(Object.values(manifest.bin)).toEqual(['./dist/cli.js']);
    expect(manifest.dependencies['@leaf-credentials/spec']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.peerDependencies.msw).toBe('^2.15.0 || ^3.0.0');
  });

  it('needs no TypeScript toolchain at run time', () => {
    for (const tool of ['tsx', 'typescript', 'turbo', '@redocly/cli', 'vitest'])
      expect(Object.keys(manifest.dependencies), tool).not.toContain(tool);
  });

  it('ships built files, the control API document, README and LICENSE, and no sources', () => {
    const files = packFiles();
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'dist/cli.js', 'sandbox-control.yaml']));
    for (const subpath of Object.keys(manifest.exports).filter((key) => key !== './package.json')) {
      const name = subpath === '.' ? 'index' : subpath.slice(2);
      for (const extension of ['js', 'cjs', 'd.ts', 'd.cts']) expect(files).toContain(`dist/${name}.${extension}`);
    }
    expect(
      files.filter((file) => !/^(dist\/|LICENSE$|README\.md$|package\.json$|sandbox-control\.yaml$)/.test(file)),
    ).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.d.cts'))).toEqual(
      [],
    );
  });

  it('resolves with types under node16 (CJS and ESM) and bundlers (attw --pack)', () => {
    // --no-install: attw is a devDependency; a missing one fails here rather than being fetched from the registry.
    // node16 profile: the subpaths (/msw, the setups) exist only through `exports`, which node10 resolution predates.
    const output = execFileSync(
      'npx',
      ['--no-install', 'attw', '--pack', '.', '--profile', 'node16', '--format', 'json'],
      {
        cwd: PACKAGE_DIR,
        encoding: 'utf8',
      },
    );
    // attw exits non-zero on a problem the profile counts (execFileSync throws); its report still lists node10's.
    const report = JSON.parse(output) as { analysis: { problems: Array<{ resolutionKind?: string }> } };
    expect(report.analysis.problems.filter((problem) => problem.resolutionKind !== 'node10')).toEqual([]);
  }, 120_000);
});
