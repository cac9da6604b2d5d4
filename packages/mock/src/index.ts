/**
 * The package's exports, and `startMock()` / `startSandbox()`: the mock or the
 * sandbox in its own process on a free port, waited for until it answers, and
 * stopped: what every test's global setup, `npm start` and the benchmarks
 * use. A separate process keeps a test run honest (the tests talk HTTP to the
 * same program `npm run mock` / `npm run sandbox` runs) and lets `stop()`
 * really free the port.
 */
import { connectSandbox, type SandboxControl } from './sandbox-client.js';
import { type RunningServer, type StartServerOptions, startServerProcess } from './server-process.js';

export { defaultMockAddress, MOCK_HOST_ENV, MOCK_PORT_ENV, type MockAddress, parseHost, parsePort } from './config.js';
export {
  EXAMPLE_BEARER_TOKEN,
  type ExampleRequest,
  exampleRequest,
  fillPath,
  type JsonSchema,
  type OperationShape,
  operationShapes,
} from './example-requests.js';
export { MAX_RESPONSE_DELAY_MS } from './preferences.js';
export { type FieldError, PROBLEM_CONTENT_TYPE, PROBLEM_KINDS, type Problem } from './problem.js';
export { basePathsOf } from './route.js';
export {
  CONTROL_PREFIX,
  CONTROL_SPEC_PATH,
  REFUSED_PASSWORD,
  type RecordedRequest,
  type SeedDocument,
  type SeedEntry,
} from './sandbox/index.js';
export { connectSandbox, type SandboxControl, SandboxControlError } from './sandbox-client.js';
export {
  createMockServer,
  isControlPath,
  loadOperations,
  MAX_BODY_BYTES,
  MAX_HEADER_BYTES,
  MAX_HEADER_VALUE_BYTES,
  type MockServerOptions,
  REQUEST_TIMEOUT_MS,
} from './server.js';
export { isWellFormedBearer } from './validate.js';

export type StartMockOptions = StartServerOptions;
export type RunningMock = RunningServer;

/** The mock (`npm run mock`): the spec's examples, no state. */
export function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  return startServerProcess([], options);
}

export interface StartSandboxOptions extends StartServerOptions {
  /** A seed file (JSON or YAML) every token's state starts from; default: the spec's example user and credentials. */
  seedFile?: string;
  /** Keep state in this file across restarts. */
  stateFile?: string;
  /** Host names webhooks may be sent to besides loopback addresses (`--webhook-allow`). */
  webhookAllow?: readonly string[];
}

/** A running sandbox, with its control API (reset, seed, requests, ...) acting on the whole sandbox. */
export interface RunningSandbox extends RunningServer, SandboxControl {}

/** The sandbox (`npm run sandbox`): stored state per bearer token. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { seedFile, stateFile, webhookAllow, ...serverOptions } = options;
  const args = ['--sandbox'];
  if (seedFile !== undefined) args.push('--seed', seedFile);
  if (stateFile !== undefined) args.push('--state-file', stateFile);
  if (webhookAllow?.length) args.push('--webhook-allow', webhookAllow.join(','));
  const running = await startServerProcess(args, serverOptions);
  return Object.assign(connectSandbox(running.url), running);
}
