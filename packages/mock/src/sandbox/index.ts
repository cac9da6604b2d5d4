/**
 * The stateful sandbox: the mock's answer stage backed by a store, so what a
 * client creates it can read back, see change status, and delete. The server
 * routes and validates each request (as for the mock), then hands API
 * requests to `answer` and requests under CONTROL_PREFIX to `control`.
 *
 *   const sandbox = await createSandbox({ operations, stateFile: 'state.json' });
 *   const response = await sandbox.answer({ operation, pathParams, query, headers, body });
 *   await sandbox.close();   // writes what is pending to the state file
 */

import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { type ApiRequest, answerApi } from './api.js';
import { createClock } from './clock.js';
import { answerControl, type ControlRequest } from './control.js';
import { RequestLog } from './request-log.js';
import { readResources } from './resources.js';
import { exampleSeed, seedCredentials } from './seed.js';
import { createStateWriter, loadStateFile, type StateWriter } from './state-file.js';
import { Store } from './store.js';
import { seededUsers, UserStore } from './users.js';

export type { ApiRequest } from './api.js';
export { CONTROL_PREFIX, type ControlRequest } from './control.js';
export { CONTROL_SPEC_PATH } from './control-spec.js';
export { type CredentialStatus, REFUSED_PASSWORD } from './magic-values.js';
export type { RecordedRequest } from './request-log.js';
export { exampleSeed, readSeedFile, type SeedDocument, type SeedEntry, SeedError } from './seed.js';
export { StateFileError } from './state-file.js';

export interface Sandbox {
  /** Stored state → the API's answer (201/200/204/404, 401 for an expired sandbox token). */
  answer(request: ApiRequest): Promise<IHttpResponse>;
  /** A control request: reset, list, seed, set status, clock, requests. */
  control(request: ControlRequest): Promise<IHttpResponse>;
  /** Notes a request the server answered, for the request log. */
  record(request: { method: string; url: string; headers: Record<string, string>; status: number }): void;
  /** Writes pending state to the state file; call it before exiting. */
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** The spec's operations, as the mock loads them (`loadOperations`). */
  operations: IHttpOperation[];
  /** What every token starts from: a seed document (see seed.ts). Default: the spec's example user and credentials. */
  seed?: unknown;
  /** Keep state in this file across restarts (loaded at start; an unusable file stops creation). */
  stateFile?: string;
  /** The sandbox clock's source (default: real time); control requests can move it. */
  now?: () => Date;
  /**
   * Credentials of any `leafUserId`, created or not (the sandbox before it had users). By default
   * a credentials request for a user never created answers 404 (spec/README.md R14).
   */
  lenientUsers?: boolean;
}

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const table = readResources(options.operations);
  const clock = createClock(options.now);
  const requests = new RequestLog();
  // The state file is read before anything can write to it.
  const snapshot = options.stateFile === undefined ? undefined : await loadStateFile(options.stateFile);
  let writer: StateWriter | undefined;
  const store = new Store(() => writer?.schedule());
  const seed = options.seed ?? exampleSeed(options.operations);
  const seeded = seedCredentials(seed, table, clock.now());
  store.setSeed(seeded);
  const users = table.users && new UserStore(new Store());
  if (table.users && users)
    users.setSeed(seededUsers(table.users, seed, [...new Set(seeded.map((entry) => entry.leafUserId))]));
  if (snapshot) store.restore(snapshot);
  if (options.stateFile !== undefined) {
    writer = createStateWriter(options.stateFile, store, (error) => {
      process.stderr.write(`sandbox: could not write the state file ${options.stateFile}: ${error.message}\n`);
    });
  }
  const context = { table, store, clock, requests, users, lenientUsers: options.lenientUsers };
  return {
    answer: async (request) => answerApi(request, context),
    control: async (request) => answerControl(request, context),
    record: (request) => requests.record(request, clock.now()),
    close: async () => writer?.flush(),
  };
}
