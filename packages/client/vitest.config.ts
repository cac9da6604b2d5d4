import { fileURLToPath } from 'node:url';
import { defineTiers } from '../../vitest.shared.js';

// The ESM build of the setup: require.resolve would pick the CJS one, whose default export vitest cannot call.
const setup = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));

export default defineTiers({
  // Against the mock or the sandbox process, packing the client (npm) for the consumer matrix, or
  // formatting the generated files with Biome to compare them.
  e2e: [
    'test/consumer.test.ts',
    'test/contract.test.ts',
    'test/package.test.ts',
    'test/sandbox.test.ts',
    'test/scripts/generate.test.ts',
    'test/webhooks/sandbox.test.ts',
  ],
  e2eGlobalSetup: [setup('@leaf-credentials/mock/vitest-global-setup')],
});
