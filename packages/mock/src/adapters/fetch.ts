/**
 * The in-process door: the mock or the sandbox as a `fetch` function, with no
 * socket. Anything that takes a fetch (the client's `fetch` option, a test's
 * own calls) talks to it as it would to a server; the same handler answers.
 *
 *   const sandbox = createSandbox();
 *   const leaf = createLeafCredentialsClient({ baseUrl: sandbox.url, token: 't', fetch: sandbox.fetch });
 *   await sandbox.reset();
 */

import { randomBytes } from 'node:crypto';
import { mockServerUrl } from '@leaf-credentials/spec';
import type { IHttpOperation } from '@stoplight/types';
import { toResponse } from '../answer/reply.js';
import { createEngine, type Engine, type Handler } from '../handler.js';
import { createSandbox as createStore, readSeedFile, type Sandbox as Store } from '../sandbox/index.js';
import { loadDefaultOperations, loadSpec } from '../spec.js';
import { connectSandbox, type SandboxControl } from './control-client.js';

export interface InProcessOptions {
  /** The spec's operations (`loadOperations(spec)`); default: the bundled spec's. */
  operations?: IHttpOperation[];
  /** Called once per answered request, for an access log. */
  onResponse?: (method: string, url: string, status: number) => void;
}

export interface InProcessMock {
  /** A drop-in for the global `fetch`, answered in this process. A path alone is taken under `url`. */
  fetch: typeof fetch;
  /** The web-standard handler behind `fetch`: `Request` in, `Response` out. */
  handler: Handler;
  /** The base URL to give a client: the spec's loopback server. Any host is answered alike; only paths route. */
  url: string;
}

export interface CreateSandboxOptions extends InProcessOptions {
  /** A seed document every token's state starts from; default: the spec's example user and credentials. */
  seed?: unknown;
  /** A seed file (JSON or YAML), instead of `seed`. */
  seedFile?: string;
  /** Keep state in this file across restarts. */
  stateFile?: string;
  /** The sandbox clock's source (default: real time); the control API can move it. */
  now?: () => Date;
  /** The token for control requests on the whole sandbox; default: a random one (see `adminToken`). */
  adminToken?: string;
  /** The key the sandbox's sign-in signs tokens with; default: random per sandbox. */
  tokenSigningKey?: string;
  /** Host names webhooks may be sent to besides loopback addresses (`--webhook-allow`). */
  webhookAllow?: readonly string[];
  /** Keep credentials of any `leafUserId`, created with `POST /users` or not (`--lenient-users`). */
  lenientUsers?: boolean;
}

/** An in-process sandbox: its fetch, and its control API (reset, seed, requests, as(token), ...). */
export interface InProcessSandbox extends InProcessMock, SandboxControl {
  /** The token its control calls use: they act on the whole sandbox. */
  adminToken: string;
  /** Writes pending state to the state file, if any. */
  close(): Promise<void>;
}

/** The mock (the spec's examples, no state), in this process. */
export function createMock(options: InProcessOptions = {}): InProcessMock {
  return inProcess(async () => createEngine(await operationsOf(options), { onResponse: options.onResponse }));
}

/** The sandbox (stored state per bearer token), in this process. */
export function createSandbox(options: CreateSandboxOptions = {}): InProcessSandbox {
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  let store: Promise<Store> | undefined;
  const storeOf = () => {
    store ??= (async () => {
      const operations = await operationsOf(options);
      const seed = options.seedFile === undefined ? options.seed : await readSeedFile(options.seedFile, operations);
      const { stateFile, now, tokenSigningKey, webhookAllow, lenientUsers } = options;
      return createStore({ operations, seed, stateFile, now, adminToken, tokenSigningKey, webhookAllow, lenientUsers });
    })();
    return store;
  };
  const mock = inProcess(async () =>
    createEngine(await operationsOf(options), { sandbox: await storeOf(), onResponse: options.onResponse }),
  );
  return {
    ...mock,
    ...connectSandbox(mock.url, adminToken, mock.fetch),
    adminToken,
    close: async () => (store === undefined ? undefined : (await store).close()),
  };
}

function operationsOf(options: InProcessOptions): Promise<IHttpOperation[]> {
  return options.operations ? Promise.resolve(options.operations) : loadDefaultOperations();
}

function inProcess(build: () => Promise<Engine>): InProcessMock {
  let engine: Promise<Engine> | undefined;
  const url = mockServerUrl(loadSpec()).origin;
  const handler: Handler = async (request) => {
    engine ??= build();
    return toResponse(await (await engine).respond(request));
  };
  const inProcessFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const target = typeof input === 'string' && input.startsWith('/') ? new URL(input, url) : input;
    return handler(new Request(target, init));
  };
  return { fetch: inProcessFetch as typeof fetch, handler, url };
}
