import { defineConfig } from 'tsup';

// The published entry points: compiled ESM + CommonJS with types, beside the bundled
// document the tooling writes into dist/ afterwards (`npm run build`).
export default defineConfig({
  entry: ['src/index.ts', 'src/bearer-token.ts', 'src/leaf-json.ts', 'src/validate.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  // `import.meta.url` locates the bundled document; CommonJS gets it from __filename.
  shims: true,
});
