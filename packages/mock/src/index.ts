/**
 * `@leaf-credentials/mock`: Leaf's credential endpoints served from the
 * OpenAPI spec by Prism's engine — the mock (the spec's examples) and the
 * sandbox (state per bearer token) — through any door:
 *
 * - in-process, no socket: `createSandbox()` / `createMock()` give a `fetch`;
 * - over a port: `startSandbox()` / `startMock()` run the bin in a child process;
 * - any framework: `createHandler()` is a web-standard `Request → Response` handler;
 * - MSW: `leafHandlers()` from `@leaf-credentials/mock/msw`.
 */
import { randomBytes } from 'node:crypto';

import { connectSandbox, type SandboxControl } from './adapters/control-client.js';
import type { RunningServer, StartServerOptions } from './adapters/server-process.js';
import { startServerProcess } from './adapters/server-process.js';

export { connectSandbox, type SandboxControl, SandboxControlError } from './adapters/control-client.js';
export {
  type CreateSandboxOptions,
  createMock,
  createSandbox,
  type InProcessMock,
  type InProcessOptions,
  type InProcessSandbox,
} from './adapters/fetch.js';
export { createMockServer, type MockServerOptions } from './adapters/node.js';
export type { RunningServer, StartServerOptions } from './adapters/server-process.js';
export { MAX_RESPONSE_DELAY_MS } from './answer/preferences.js';
export { defaultMockAddress, MOCK_HOST_ENV, MOCK_PORT_ENV, type MockAddress, parsePort } from './config.js';
export { type ExampleRequest, exampleRequest } from './example-requests.js';
export { createHandler, type Handler, type HandlerOptions } from './handler.js';
export { type FieldError, PROBLEM_CONTENT_TYPE, type Problem } from './problem.js';
export {
  CONTROL_PREFIX,
  CONTROL_SPEC_PATH,
  type CredentialStatus,
  REFUSED_PASSWORD,
  type RecordedRequest,
  type SeedDocument,
  type SeedEntry,
} from './sandbox/index.js';
export { loadOperations } from './spec.js';

export type StartMockOptions = StartServerOptions;
export type RunningMock = RunningServer;

/** The mock (`leaf-credentials-mock mock`) on a port, in a child process: the spec's examples, no state. */
export function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  return startServerProcess(['mock'], options);
}

export interface StartSandboxOptions extends StartServerOptions {
  /** A seed file (JSON or YAML) every token's state starts from; default: the spec's example user and credentials. */
  seedFile?: string;
  /** Keep state in this file across restarts. */
  stateFile?: string;
  /** The token for control requests on the whole sandbox (`--admin-token`); default: a random one. */
  adminToken?: string;
  /** Keep credentials of any `leafUserId`, created with `POST /users` or not (`--lenient-users`). */
  lenientUsers?: boolean;
  /** Host names webhooks may be sent to besides loopback addresses (`--webhook-allow`). */
  webhookAllow?: readonly string[];
}

/** A running sandbox, with its control API (reset, seed, requests, ...) acting on the whole sandbox (its admin token). */
export interface RunningSandbox extends RunningServer, SandboxControl {
  adminToken: string;
}

/** The sandbox (`leaf-credentials-mock sandbox`) on a port, in a child process: stored state per bearer token. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const {
    seedFile,
    stateFile,
    lenientUsers,
    webhookAllow,
    adminToken = randomBytes(24).toString('base64url'),
    ...serverOptions
  } = options;
  // `=`: a random token may start with '-', which parseArgs would take for a flag.
  const args = ['sandbox', `--admin-token=${adminToken}`];
  if (seedFile !== undefined) args.push('--seed', seedFile);
  if (stateFile !== undefined) args.push('--state-file', stateFile);
  if (lenientUsers) args.push('--lenient-users');
  if (webhookAllow?.length) args.push('--webhook-allow', webhookAllow.join(','));
  const running = await startServerProcess(args, serverOptions);
  return Object.assign(connectSandbox(running.url, adminToken), running, { adminToken });
}
