import { defineTiers } from '../../vitest.shared.js';

export default defineTiers({
  // Against the mock or the sandbox process (one of each per run, from the global setups), or
  // starting the CLI, stock Prism or a process to kill.
  e2e: [
    'test/cli.test.ts',
    'test/fuzz.test.ts',
    'test/fuzz-gate.test.ts',
    'test/http-protocol.test.ts',
    'test/negotiation.test.ts',
    'test/paging.test.ts',
    'test/problem-json.test.ts',
    'test/read.test.ts',
    'test/route.test.ts',
    'test/sandbox-cli.test.ts',
    'test/sandbox-flows.test.ts',
    'test/sandbox/state-file.test.ts',
    'test/stock-prism.test.ts',
    'test/valid-requests.test.ts',
  ],
  e2eGlobalSetup: ['./src/vitest-global-setup.ts', './src/vitest-sandbox-setup.ts'],
});
