import { defineTiers } from '../../vitest.shared.js';

export default defineTiers({
  // Runs Biome as a process.
  e2e: ['test/format.test.ts'],
});
