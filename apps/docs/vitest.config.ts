import { createRequire } from 'node:module';
import { defineTiers } from '../../vitest.shared.js';

const require = createRequire(import.meta.url);

export default defineTiers({
  // Chromium, the code samples run as processes, `npm start`, and the made-up provider's generators.
  e2e: ['test/browser.test.ts', 'test/code-samples.test.ts', 'test/made-up-provider.test.ts', 'test/start.test.ts'],
  // The code samples run against the sandbox.
  e2eGlobalSetup: [require.resolve('@leaf-credentials/mock/vitest-sandbox-setup')],
});
