import { createRequire } from 'node:module';
import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

const require = createRequire(import.meta.url);

export default mergeConfig(shared, {
  test: {
    globalSetup: [
      require.resolve('@leaf-credentials/mock/vitest-global-setup'),
      require.resolve('@leaf-credentials/mock/vitest-sandbox-setup'),
    ],
  },
});
