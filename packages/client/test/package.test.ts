/**
 * The package as published: only built files, types, README and licence in
 * the tarball; types that resolve for every module system (attw); and a
 * browser bundle within its size limit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appSource,
  BUNDLE_LIMIT_BYTES,
  describeSize,
  formatKiB,
  largestProvider,
  measureBundle,
} from '../scripts/bundle-size.js';
import { PROVIDERS } from '../src/index.js';
import { PACKAGE_DIR, packFiles } from './support/pack.js';

describe('the published package', () => {
  it('ships only the ESM and CJS builds, their types, README, LICENSE and package.json', () => {
    expect(packFiles()).toEqual([
      'LICENSE',
      'README.md',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'package.json',
    ]);
  });

  // A devDependency (the spec package's bearer-token rule and JSON writer) is inlined by the build: an
  // import of one left in code or types would fail for every consumer, who never installs it.
  it.each(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'])(
    '%s imports only the dependencies package.json names',
    (file) => {
      const { name, dependencies } = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
        name: string;
        dependencies: Record<string, string>;
      };
      // Its own name too: the doc comments' examples import the package itself.
      const allowed = new Set([name, ...Object.keys(dependencies)]);
      const text = readFileSync(join(PACKAGE_DIR, file), 'utf8');
      const specifiers = [...text.matchAll(/(?:from\s*|require\(|import\()\s*['"]([^'"]+)['"]/g)].map(
        (match) => match[1]!,
      );
      const packageOf = (specifier: string) =>
        specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
      expect(specifiers.filter((specifier) => !allowed.has(packageOf(specifier)))).toEqual([]);
    },
  );

  it('resolves with types under node10, node16 (CJS and ESM) and bundlers (attw --pack)', () => {
    // --no-install: attw is a devDependency; a missing one fails here rather than being fetched from the registry.
    const output = execFileSync('npx', ['--no-install', 'attw', '--pack', '.', '--format', 'json'], {
      cwd: PACKAGE_DIR,
      encoding: 'utf8',
    });
    // attw also exits non-zero on a problem, which makes execFileSync throw.
    const report = JSON.parse(output) as { problems: Record<string, unknown>; analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
    expect(report.problems).toEqual({});
  }, 60_000);

  it(`bundles an app using one provider (signing in) for the browser in at most ${formatKiB(BUNDLE_LIMIT_BYTES)} min+gzip`, async () => {
    const provider = largestProvider();
    const size = await measureBundle(appSource([provider]));
    console.log(`browser bundle, one provider (${provider}): ${describeSize(size)}`);
    // Sign-in included; openapi-fetch only comes with raw.
    expect(size.inputs.some((input) => input.endsWith('src/session.ts'))).toBe(true);
    expect(size.inputs.some((input) => input.includes('openapi-fetch'))).toBe(false);
    expect(size.gzippedBytes).toBeLessThanOrEqual(BUNDLE_LIMIT_BYTES);
    const all = await measureBundle(appSource());
    console.log(`browser bundle, all ${Object.keys(PROVIDERS).length} providers + raw: ${describeSize(all)}`);
    expect(all.inputs.some((input) => input.includes('openapi-fetch'))).toBe(true);
  });

  it('leaves every other provider out of a one-provider bundle', async () => {
    const provider = largestProvider();
    const { text: outputText } = await measureBundle(appSource([provider]));
    for (const [name, helpers] of Object.entries(PROVIDERS)) {
      const paths = Object.values(helpers).map((operation) => operation.path);
      for (const path of paths) expect(outputText.includes(path), `${name}: ${path}`).toBe(name === provider);
    }
  });
});
