import { defineTiers } from '../vitest.shared.js';

export default defineTiers({
  // Each runs a tool as a process: redocly (most bundle the spec afresh), Spectral, Biome, knip, npm or git.
  e2e: [
    'test/biome.test.ts',
    'test/breaking-changes.test.ts',
    'test/code-samples.test.ts',
    'test/knip.test.ts',
    'test/leaf-docs-responses.test.ts',
    'test/lint.test.ts',
    'test/open-responses.test.ts',
    'test/provider-pages.test.ts',
    'test/request-constraints.test.ts',
    'test/round-trip.test.ts',
    'test/spectral.test.ts',
    'test/spectral-config.test.ts',
    'test/supply-chain.test.ts',
    'test/tag-groups.test.ts',
  ],
});
