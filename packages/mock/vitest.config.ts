import { defineTiers } from '../../vitest.shared.js';

export default defineTiers({
  // Against the mock or the sandbox process (one of each per run, from the global setups), or
  // starting the bin, stock Prism, npm, tsc or a process to kill.
  e2e: [
    'test/adapters/cli-sandbox.test.ts',
    'test/adapters/cli.test.ts',
    'test/adapters/keep-alive.test.ts',
    'test/adapters/protocol-errors.test.ts',
    'test/answer/index.test.ts',
    'test/answer/paging.test.ts',
    'test/fuzz-gate.test.ts',
    'test/fuzz.test.ts',
    'test/handler.test.ts',
    'test/package.test.ts',
    'test/problem.test.ts',
    'test/read/index.test.ts',
    'test/readme.test.ts',
    'test/route/index.test.ts',
    'test/sandbox/flows.test.ts',
    'test/sandbox/state-file.test.ts',
    'test/stock-prism.test.ts',
    'test/users-flows.test.ts',
    'test/valid-requests.test.ts',
  ],
  e2eGlobalSetup: ['./src/adapters/vitest-global-setup.ts', './src/adapters/vitest-sandbox-setup.ts'],
});
