import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

/**
 * Sources find the package's files (sandbox-control.yaml) from src/<folder>/;
 * the build puts every module one level under the package, in dist/.
 */
const packageRelativeFiles: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'package-relative-files',
  setup(build) {
    build.onLoad({ filter: /src[\\/]sandbox[\\/]control-spec\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll("'../../sandbox-control.yaml'", "'../sandbox-control.yaml'"),
      loader: 'ts',
    }));
  },
};

/**
 * The published build: the library entries as ESM and CommonJS with types
 * (jest's default CommonJS mode `require`s them), and the bin as ESM. The spec
 * (its document and its readers) comes from the `@leaf-credentials/spec`
 * dependency at run time.
 */
const shared = {
  target: 'es2022',
  platform: 'node',
  // import.meta.url in the CommonJS build (the bin and the spec are found beside it).
  shims: true,
  // Optional peers: the app's own copy (MSW 2 or 3), never one bundled here.
  external: ['msw', 'vitest'],
  esbuildPlugins: [packageRelativeFiles],
} satisfies Options;

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      msw: 'src/adapters/msw.ts',
      config: 'src/config.ts',
      'vitest-global-setup': 'src/adapters/vitest-global-setup.ts',
      'vitest-sandbox-setup': 'src/adapters/vitest-sandbox-setup.ts',
      'jest-global-setup': 'src/adapters/jest-global-setup.ts',
      'jest-global-teardown': 'src/adapters/jest-global-teardown.ts',
    },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } },
    clean: true,
  },
  {
    ...shared,
    // spec-build: for scripts/precompute-operations.mjs, not exported.
    entry: { cli: 'src/adapters/cli.ts', 'spec-build': 'src/spec.ts' },
    format: ['esm'],
  },
]);
