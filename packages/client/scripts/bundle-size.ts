/**
 * What the client costs a browser app: src/index.ts bundled with esbuild as a
 * browser ESM module, openapi-fetch included, minified, then gzipped.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const BUNDLE_LIMIT_BYTES = 8 * 1024;

const ENTRY = fileURLToPath(new URL('../src/index.ts', import.meta.url));

export interface BundleSize {
  minifiedBytes: number;
  gzippedBytes: number;
  /** Every source file in the bundle, so a test can see what got in. */
  inputs: string[];
}

export async function measureBundle(): Promise<BundleSize> {
  const result = await build({
    entryPoints: [ENTRY],
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
    inputs: Object.keys(result.metafile.inputs),
  };
}

export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} kB`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await measureBundle();
  console.log(
    `browser bundle (esbuild, openapi-fetch included): ${formatKiB(size.minifiedBytes)} min, ` +
      `${formatKiB(size.gzippedBytes)} min+gzip (limit ${formatKiB(BUNDLE_LIMIT_BYTES)})`,
  );
}
