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
import { type ApiRequest, answerApi, authorize, fillPath } from './api.js';
import { type Clock, createClock } from './clock.js';
import { answerControl, type ControlRequest } from './control.js';
import { RequestLog } from './request-log.js';
import { readResources } from './resources.js';
import { exampleSeed, seedCredentials } from './seed.js';
import { createStateWriter, loadStateFile, type StateWriter } from './state-file.js';
import { Store } from './store.js';
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
  /** Host names webhooks may be sent to besides loopback addresses (`--webhook-allow`). */
  webhookAllow?: readonly string[];
  /** Timeout, attempts and backoff of each alert's delivery (default DEFAULT_DELIVERY). */
  webhookDelivery?: Partial<DeliveryOptions>;
}

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const table = readResources(options.operations);
  const clock = createClock(options.now);
  const requests = new RequestLog();
  // The state file is read before anything can write to it.
  const snapshot = options.stateFile === undefined ? undefined : await loadStateFile(options.stateFile);
  let writer: StateWriter | undefined;
  const store = new Store(() => writer?.schedule());
  store.setSeed(seedCredentials(options.seed ?? exampleSeed(options.operations), table, clock.now()));
  if (snapshot) store.restore(snapshot);
  if (options.stateFile !== undefined) {
    writer = createStateWriter(options.stateFile, store, (error) => {
      process.stderr.write(`sandbox: could not write the state file ${options.stateFile}: ${error.message}\n`);
    });
  }
  const webhooks = new WebhookService({
    operations: options.operations,
    allowedHosts: options.webhookAllow,
    delivery: { ...DEFAULT_DELIVERY, ...options.webhookDelivery },
    now: () => clock.now(),
  });
  store.watch((key, slot, before, after) => webhooks.credentialChanged(key, slot, before, after));
  const schedule = new StatusSchedule(
    store,
    clock,
    (keys, slot) => {
      for (const key of keys) webhooks.credentialChanged(key, slot, undefined, store.get(key, slot)!);
    },
    () => webhooks.keys(),
  );
  const scheduleSeed = (document: unknown, key?: string) => {
    for (const change of statusChangesOf(document, table, clock.now())) schedule.add({ ...change, key });
  };
  scheduleSeed(options.seed);
  const context = {
    table,
    store,
    clock: watchedClock(clock, () => schedule.runDue()),
    requests,
    webhooks,
    schedule,
    scheduleSeed,
  };
  return {
    answer: async (request) => {
      const helper = webhookHelperOf(request.operation);
      if (helper === undefined) return answerApi(request, context);
      const path = request.path ?? fillPath(request.operation.path, request.pathParams);
      const key = authorize(request, path, clock.now());
      return typeof key === 'string' ? webhooks.answer(helper, request, path, key) : key;
    },
    control: async (request) => answerControl(request, context),
    record: (request) => requests.record(request, clock.now()),
    close: async () => {
      schedule.stop();
      await webhooks.sender.settle();
      await writer?.flush();
    },
  };
}

/** The clock, telling `moved` after a control request sets or resets it (scheduled changes may be due). */
function watchedClock(clock: Clock, moved: () => void): Clock {
  return {
    now: () => clock.now(),
    set(at) {
      clock.set(at);
      moved();
    },
    reset() {
      clock.reset();
      moved();
    },
    get moved() {
      return clock.moved;
    },
  };
}
