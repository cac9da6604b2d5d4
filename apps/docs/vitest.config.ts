import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The ESM build of each setup: require.resolve would pick the CJS one, whose default export vitest cannot call.
const setup = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));

export default mergeConfig(shared, {
  test: {
    globalSetup: [
      setup('@leaf-credentials/mock/vitest-global-setup'),
      setup('@leaf-credentials/mock/vitest-sandbox-setup'),
    ],
  },
});
