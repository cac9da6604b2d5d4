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
import { type ApiRequest, answerApi, authorize, fillPath } from './api.js';
import { Passwords } from './authenticate.js';
import { type Clocks, createClocks } from './clock.js';
import { answerControl, CONTROL_PREFIX, type ControlRequest } from './control.js';
import { type KeptState, keptState, StateVersion } from './kept-state.js';
import { RequestLog } from './request-log.js';
import { type ResourceTable, readResources } from './resources.js';
import { emptyResponse, problemAnswer } from './responses.js';
import { exampleSeed, seedCredentials } from './seed.js';
import { createStateWriter, loadStateFile, lockStateFile, type StateWriter } from './state-file.js';
import { Store } from './store.js';
import { bearerToken, createTokenKeys, type StateKey } from './token-keys.js';
import { seededUsers, UserStore } from './users.js';
import { WebhookService, webhookHelperOf } from './webhooks.js';
import { DEFAULT_DELIVERY, type DeliveryOptions } from './webhooks-alerts.js';
import { StatusSchedule } from './webhooks-schedule.js';
import { statusChangesOf } from './webhooks-seed.js';

export type { ApiRequest } from './api.js';
export { CONTROL_PREFIX, type ControlRequest } from './control.js';
export { CONTROL_SPEC_PATH } from './control-spec.js';
export { type CredentialStatus, REFUSED_PASSWORD } from './magic-values.js';
export type { RecordedRequest } from './request-log.js';
export { exampleSeed, readSeedFile, type SeedDocument, type SeedEntry, SeedError } from './seed.js';
export { StateFileError } from './state-file.js';
export type { Delivery } from './webhooks-alerts.js';

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
  /**
   * Credentials of any `leafUserId`, created or not (the sandbox before it had users). By default
   * a credentials request for a user never created answers 404 (spec/README.md R14).
   */
  lenientUsers?: boolean;
  /** Host names webhooks may be sent to besides loopback addresses (`--webhook-allow`). */
  webhookAllow?: readonly string[];
  /** Timeout, attempts and backoff of each alert's delivery (default DEFAULT_DELIVERY). */
  webhookDelivery?: Partial<DeliveryOptions>;
}

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const table = readResources(options.operations);
  // Every kind of state the state file keeps counts its changes here (kept-state.ts).
  const version = new StateVersion();
  const clocks = createClocks(options.now, version);
  const tokens = createTokenKeys(options.tokenSigningKey);
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  const requests = new RequestLog();
  const store = new Store(version);
  const seed = options.seed ?? exampleSeed(options.operations);
  const seeded = seedCredentials(seed, table, clocks.now());
  store.setSeed(seeded);
  // Users live in a store of their own (copy on write over the seed, per token, as credentials do).
  const users = table.users && new UserStore(new Store(version));
  if (table.users && users)
    users.setSeed(seededUsers(table.users, seed, [...new Set(seeded.map((entry) => entry.leafUserId))]));
  let writer: StateWriter | undefined;
  const webhooks = new WebhookService({
    operations: options.operations,
    allowedHosts: options.webhookAllow,
    delivery: { ...DEFAULT_DELIVERY, ...options.webhookDelivery },
    now: (key) => clocks.now(key),
    changes: version,
    // A delivery is recorded after its request was answered; its write's failure is printed (onError).
    keepBackgroundChange: () => void writer?.commit().catch(() => {}),
  });
  // A change's alerts wait for the change to be kept (see `kept`): no alert tells of a change that was undone.
  let pendingAlerts: Array<() => void> = [];
  store.watch((key, slot, before, after) => {
    const at = clocks.now(key);
    pendingAlerts.push(() => webhooks.credentialChanged(key, slot, before, after, at));
  });
  const schedule = new StatusSchedule(
    store,
    clocks,
    (keys, slot) => {
      for (const key of keys) webhooks.credentialChanged(key, slot, undefined, store.get(key, slot)!);
    },
    () => webhooks.keys(),
    // A change the timer makes is kept (or undone) as a request's is.
    () =>
      void kept(CONTROL_PREFIX, () => {
        schedule.runDue();
        return emptyResponse(204);
      }),
    version,
  );
  const passwords = new Passwords(version);
  const scheduleSeed = (document: unknown, key?: StateKey) => {
    for (const change of statusChangesOf(document, table, clocks.now(key))) schedule.add({ ...change, key });
  };
  scheduleSeed(options.seed);
  // After the seed's changes, so a token's change that fell due while the sandbox was down runs on
  // the timer, kept (and its alerts sent) as a request's change is.
  if (options.stateFile !== undefined) {
    const state = keptState({ version, store, users, webhooks, schedule, passwords, clocks });
    writer = await openStateFile(options.stateFile, table, state).catch((error: unknown) => {
      // No sandbox: nothing of it may run later.
      schedule.stop();
      throw error;
    });
  }
  const context = {
    table,
    store,
    clocks: watchedClocks(clocks, () => schedule.runDue()),
    requests,
    tokens,
    passwords,
    adminToken,
    users,
    lenientUsers: options.lenientUsers,
    webhooks,
    schedule,
    scheduleSeed,
  };
  /** A change is answered once it is kept, and only then are its alerts sent; one that could not be kept was undone, and is a 503. */
  const kept = async (path: string, answer: () => IHttpResponse | Promise<IHttpResponse>): Promise<IHttpResponse> => {
    const before = store.version;
    const answered = answer();
    const response = answered instanceof Promise ? await answered : answered;
    const alerts = pendingAlerts;
    pendingAlerts = [];
    if (writer && store.version !== before) {
      try {
        await writer.commit();
      } catch (error) {
        const refused = problemAnswer('STATE_NOT_KEPT', path, (error as Error).message);
        return { ...refused, headers: { ...refused.headers, 'retry-after': '1' } };
      }
    }
    for (const send of alerts) send();
    return response;
  };
  const answerAny = (request: ApiRequest): IHttpResponse | Promise<IHttpResponse> => {
    const helper = webhookHelperOf(request.operation);
    if (helper === undefined) return answerApi(request, context);
    const path = request.path ?? fillPath(request.operation.path, request.pathParams);
    const key = authorize(request, path, context);
    return typeof key === 'string' ? webhooks.answer(helper, request, path, key) : key;
  };
  return {
    answer: (request) => kept(request.path ?? request.operation.path, () => answerAny(request)),
    control: (request) => kept(request.path, () => answerControl(request, context)),
    record: (request) => {
      const token = bearerToken(request.headers.authorization ?? request.headers.Authorization);
      const key = token === undefined ? undefined : tokens.keyOf(token);
      requests.record(request, key, clocks.now(key));
    },
    close: async () => {
      schedule.stop();
      await webhooks.sender.settle();
      await writer?.close();
    },
    adminToken,
  };
}

/** Locks and loads the state file into `state`, and answers its writer. */
async function openStateFile(file: string, table: ResourceTable, state: KeptState): Promise<StateWriter> {
  // Locked first, so no other process writes the file between this read and our first write.
  const unlock = await lockStateFile(file);
  try {
    const snapshot = await loadStateFile(file, table);
    if (snapshot) state.restore(snapshot);
  } catch (error) {
    await unlock();
    throw error;
  }
  return createStateWriter(file, state, unlock, (error) => process.stderr.write(`sandbox: ${error.message}\n`));
}

/** The clocks, telling `moved` after a control request sets or resets one (scheduled changes may be due). */
function watchedClocks(clocks: Clocks, moved: () => void): Clocks {
  return {
    now: (key) => clocks.now(key),
    set(key, at) {
      clocks.set(key, at);
      moved();
    },
    reset(key) {
      clocks.reset(key);
      moved();
    },
    moved: (key) => clocks.moved(key),
  };
}
