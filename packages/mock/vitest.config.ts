import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

export default mergeConfig(shared, {
  test: { globalSetup: ['./src/adapters/vitest-global-setup.ts', './src/adapters/vitest-sandbox-setup.ts'] },
});
