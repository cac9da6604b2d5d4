/**
 * The package as published: only built files, types, README and licence in
 * the tarball; types that resolve for every module system (attw); and a
 * browser bundle within its size limit.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUNDLE_LIMIT_BYTES, formatKiB, measureBundle } from '../scripts/bundle-size.js';
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

  it('resolves with types under node10, node16 (CJS and ESM) and bundlers (attw --pack)', () => {
    // --no-install: attw is a devDependency; a missing one fails here rather than being fetched from the registry.
    const output = execFileSync('npx', ['--no-install', 'attw', '--pack', '.', '--format', 'json'], { cwd: PACKAGE_DIR, encoding: 'utf8' });
    // attw also exits non-zero on a problem, which makes execFileSync throw.
    const report = JSON.parse(output) as { problems: Record<string, unknown>; analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
    expect(report.problems).toEqual({});
  }, 60_000);

  it(`bundles for the browser, openapi-fetch included, in at most ${formatKiB(BUNDLE_LIMIT_BYTES)} min+gzip`, async () => {
    const size = await measureBundle();
    console.log(`browser bundle: ${formatKiB(size.minifiedBytes)} min, ${formatKiB(size.gzippedBytes)} min+gzip`);
    expect(size.inputs.some((input) => input.includes('openapi-fetch'))).toBe(true);
    expect(size.gzippedBytes).toBeLessThanOrEqual(BUNDLE_LIMIT_BYTES);
  });
});
