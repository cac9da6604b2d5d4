import { fileURLToPath } from 'node:url';
import { defineTiers } from '../../vitest.shared.js';

// The ESM build of the setup: require.resolve would pick the CJS one, whose default export vitest cannot call.
const setup = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));

export default defineTiers({
  // Chromium, the code samples and the Try-it requests run as processes, `npm start`, the made-up
  // provider's generators, and the Try-it panel against the sandbox.
  e2e: [
    'test/browser.test.ts',
    'test/code-samples.test.ts',
    'test/made-up-provider.test.ts',
    'test/start.test.ts',
    'test/try-it/cors.test.ts',
    'test/try-it/request.test.ts',
  ],
  // The code samples and the Try-it panel run against the sandbox.
  e2eGlobalSetup: [setup('@leaf-credentials/mock/vitest-sandbox-setup')],
});
