import { createRequire } from 'node:module';
import { defineTiers } from '../../vitest.shared.js';

const require = createRequire(import.meta.url);

export default defineTiers({
  // Against the mock or the sandbox process, packing the client (npm) for the consumer matrix, or
  // formatting the generated files with Biome to compare them.
  e2e: [
    'test/consumer.test.ts',
    'test/contract.test.ts',
    'test/generated.test.ts',
    'test/helpers.test.ts',
    'test/package.test.ts',
    'test/sandbox.test.ts',
  ],
  e2eGlobalSetup: [require.resolve('@leaf-credentials/mock/vitest-global-setup')],
});
