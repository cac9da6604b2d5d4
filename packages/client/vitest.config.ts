import { createRequire } from 'node:module';
import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

const require = createRequire(import.meta.url);

/**
 * test/sandbox.test.ts needs `startSandbox` and `REFUSED_PASSWORD` from @leaf-credentials/mock (wip/mock-stages):
 * until that is merged it is left out here and in tsconfig.json. INTEGRATOR: delete this line and the tsconfig exclude.
 */
const AWAITING_SANDBOX = ['test/sandbox.test.ts'];

export default mergeConfig(shared, {
  test: {
    globalSetup: [require.resolve('@leaf-credentials/mock/vitest-global-setup')],
    exclude: ['**/node_modules/**', ...AWAITING_SANDBOX],
  },
});
