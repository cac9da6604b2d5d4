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

import { randomBytes } from 'node:crypto';
import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { type ApiRequest, answerApi } from './api.js';
import { Passwords } from './authenticate.js';
import { createClocks } from './clock.js';
import { answerControl, type ControlRequest } from './control.js';
import { RequestLog } from './request-log.js';
import { readResources } from './resources.js';
import { problemAnswer } from './responses.js';
import { exampleSeed, seedCredentials } from './seed.js';
import { createStateWriter, loadStateFile, lockStateFile, type StateWriter } from './state-file.js';
import { Store } from './store.js';
import { bearerToken, createTokenKeys } from './token-keys.js';

export type { ApiRequest } from './api.js';
export { CONTROL_PREFIX, type ControlRequest } from './control.js';
export { CONTROL_SPEC_PATH } from './control-spec.js';
export { type CredentialStatus, REFUSED_PASSWORD } from './magic-values.js';
export type { RecordedRequest } from './request-log.js';
export { exampleSeed, readSeedFile, type SeedDocument, type SeedEntry, SeedError } from './seed.js';
export { StateFileError } from './state-file.js';

export interface Sandbox {
  /** Stored state → the API's answer (201/200/204/404, 401 for an expired sandbox token, 503 for a change not kept). */
  answer(request: ApiRequest): Promise<IHttpResponse>;
  /** A control request: reset, list, seed, set status, clock, requests. */
  control(request: ControlRequest): Promise<IHttpResponse>;
  /** Notes a request the server answered, for the request log. */
  record(request: { method: string; url: string; headers: Record<string, string>; status: number }): void;
  /** Writes pending state to the state file and lets its lock go; call it before exiting. */
  close(): Promise<void>;
  /** The token whose control requests act on the whole sandbox (the option's, or a random one). */
  readonly adminToken: string;
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
  /** The token for control requests on the whole sandbox; default: a random one (see `adminToken`). */
  adminToken?: string;
  /** The key sandbox tokens are signed with; default: random per process, so no other process's tokens pass. */
  tokenSigningKey?: string;
}

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const table = readResources(options.operations);
  const clocks = createClocks(options.now);
  const tokens = createTokenKeys(options.tokenSigningKey);
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  const requests = new RequestLog();
  const store = new Store();
  store.setSeed(seedCredentials(options.seed ?? exampleSeed(options.operations), table, clocks.now()));
  let writer: StateWriter | undefined;
  if (options.stateFile !== undefined) {
    const file = options.stateFile;
    // Locked first, so no other process writes the file between this read and our first write.
    const unlock = await lockStateFile(file);
    try {
      const snapshot = await loadStateFile(file, table);
      if (snapshot) store.restore(snapshot);
    } catch (error) {
      await unlock();
      throw error;
    }
    writer = createStateWriter(file, store, unlock, (error) => process.stderr.write(`sandbox: ${error.message}\n`));
  }
  const context = { table, store, clocks, requests, tokens, passwords: new Passwords(), adminToken };
  /** A change is answered once it is kept; one that could not be was undone, and is a 503. */
  const kept = async (path: string, answer: () => IHttpResponse): Promise<IHttpResponse> => {
    const before = store.version;
    const response = answer();
    if (!writer || store.version === before) return response;
    try {
      await writer.commit();
      return response;
    } catch (error) {
      const refused = problemAnswer('STATE_NOT_KEPT', path, (error as Error).message);
      return { ...refused, headers: { ...refused.headers, 'retry-after': '1' } };
    }
  };
  return {
    answer: (request) => kept(request.path ?? request.operation.path, () => answerApi(request, context)),
    control: (request) => kept(request.path, () => answerControl(request, context)),
    record: (request) => {
      const token = bearerToken(request.headers.authorization ?? request.headers.Authorization);
      const key = token === undefined ? undefined : tokens.keyOf(token);
      requests.record(request, key, clocks.now(key));
    },
    close: async () => writer?.close(),
    adminToken,
  };
}
