/**
 * What the client costs a browser app: an app's entry bundled with esbuild as
 * a browser ESM module, minified, then gzipped; it signs in with a Leaf
 * account. Three apps: one using a single provider's helpers
 * (`createLeafCredentialsClientFor`, the provider with the most helpers),
 * whose size `npm test` checks; the same with `raw` (openapi-fetch included);
 * and one with every provider and `raw` (`createLeafCredentialsClient`).
 */

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { PROVIDERS } from '../src/generated/providers.js';

/**
 * 8 kB: what an app using one provider (signing in) may cost. Helpers of every part (providers,
 * Leaf users, webhooks) share one builder and one call, so a provider-only app carries no code
 * for resources of their own.
 */
export const BUNDLE_LIMIT_BYTES = 8 * 1024;

const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const SOURCE_DIR = fileURLToPath(new URL('../src/', import.meta.url));

export interface BundleSize {
  minifiedBytes: number;
  gzippedBytes: number;
  /** Every source file with code in the bundle (after tree-shaking), so a test can see what got in. */
  inputs: string[];
  /** The minified code. */
  text: string;
}

/** The provider an app using one would use: the one with the most helpers (ties: the first). */
export function largestProvider(): string {
  return Object.entries(PROVIDERS).reduce((largest, [name, helpers]) =>
    Object.keys(helpers).length > Object.keys(PROVIDERS[largest[0] as keyof typeof PROVIDERS]).length
      ? [name, helpers]
      : largest,
  )[0];
}

/** An app signing in with a Leaf account and using `providers` (and `raw`, if named), or everything when undefined. */
export function appSource(providers?: readonly string[]): string {
  const options = `{ auth: { username: 'you@example.com', password: 'secret' } }`;
  return providers
    ? `import { createLeafCredentialsClientFor, ${providers.join(', ')} } from ${JSON.stringify(ENTRY)};\n` +
        `export const leaf = createLeafCredentialsClientFor({ ${providers.join(', ')} }, ${options});\n`
    : `import { createLeafCredentialsClient } from ${JSON.stringify(ENTRY)};\nexport const leaf = createLeafCredentialsClient(${options});\n`;
}

export async function measureBundle(source: string = appSource([largestProvider()])): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: SOURCE_DIR, sourcefile: 'app.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return {
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs).flatMap(([input, { bytesInOutput }]) => (bytesInOutput > 0 ? [input] : [])),
    ),
    text: result.outputFiles[0]!.text,
  };
}

export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} kB`;
}

export const describeSize = (size: BundleSize) =>
  `${formatKiB(size.minifiedBytes)} min, ${formatKiB(size.gzippedBytes)} min+gzip`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const provider = largestProvider();
  const rows: Array<[string, BundleSize]> = [
    [`one provider (${provider}), helpers only`, await measureBundle(appSource([provider]))],
    [`one provider (${provider}) + raw`, await measureBundle(appSource([provider, 'raw']))],
    [
      `all ${Object.keys(PROVIDERS).length} providers + raw (createLeafCredentialsClient)`,
      await measureBundle(appSource()),
    ],
  ];
  console.log(
    `browser bundles (esbuild; limit ${formatKiB(BUNDLE_LIMIT_BYTES)} min+gzip for one provider, checked by npm test):`,
  );
  for (const [app, size] of rows) console.log(`  ${app.padEnd(60)} ${describeSize(size)}`);
}
