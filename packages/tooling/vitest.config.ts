import { defineTiers } from '../../vitest.shared.js';

export default defineTiers({
  // Each runs a tool as a process: Biome (formatting the generated files too), knip, npm, git,
  // redocly (bundling, linting) or Spectral.
  e2e: [
    'test/format.test.ts',
    'test/repo/biome.test.ts',
    'test/repo/knip.test.ts',
    'test/repo/supply-chain.test.ts',
    'test/spec/breaking-changes.test.ts',
    'test/spec/bundle.test.ts',
    'test/spec/code-samples/index.test.ts',
    'test/spec/lint.test.ts',
    'test/spec/request-constraints.test.ts',
    'test/spec/spectral-config.test.ts',
    'test/spec/spectral.test.ts',
    'test/spec/tag-groups.test.ts',
  ],
});
