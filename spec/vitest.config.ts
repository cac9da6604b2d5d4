import { defineTiers } from '../vitest.shared.js';

export default defineTiers({
  // Packs the package (npm) and installs it into a fresh project.
  e2e: ['test/package.test.ts'],
});
