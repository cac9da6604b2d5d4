import { defineTiers } from '../../vitest.shared.js';

export default defineTiers({
  // Packs, installs and runs the packages in a fresh project.
  e2e: ['test/fresh-install.test.ts'],
});
