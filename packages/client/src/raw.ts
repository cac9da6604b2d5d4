/**
 * `raw`: openapi-fetch's typed client on the client's one request path (the
 * path-parameter rule, auth, retries, deadline, body checks, typed errors).
 * openapi-fetch builds the request; its `fetch` is the pipeline, given per
 * call, so no middleware runs. A part of a client like a provider:
 * `createLeafCredentialsClient` includes it, `createLeafCredentialsClientFor`
 * only when given it, so an app that uses only helpers bundles no openapi-fetch.
 */

import type { Client } from 'openapi-fetch';
import * as openapiFetch from 'openapi-fetch';
import type { ClientContext } from './context.js';
import { OPERATIONS } from './generated/operations.js';
import type { paths } from './generated/schema.js';
import { checkPathParameters } from './path-parameters.js';
import { type ReadBody, readText } from './pipeline.js';
import type { ResponseCheck } from './response-checks.js';
import { anySignal } from './timing.js';

type CreateClient = typeof openapiFetch.default;
/**
 * openapi-fetch's default export. Its CommonJS build sets `exports.default`, and the CommonJS
 * interop our own CommonJS build uses (Node's) hands over `module.exports` as the default, one
 * level up: jest's `require` of the client then met an object, not a function.
 */
const createClient: CreateClient =
  typeof openapiFetch.default === 'function'
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: CreateClient }).default;

export type RawFactory = (context: ClientContext) => Client<paths>;

type RawResult = { data?: unknown; error?: unknown; response: Response };
type RawInit = Record<string, unknown> & {
  body?: unknown;
  signal?: AbortSignal;
  parseAs?: string;
  baseUrl?: string;
  params?: { path?: Record<string, unknown> };
};
type RawCall = (path: string, init?: RawInit) => Promise<RawResult>;

/** The methods of openapi-fetch's client that send a request, each `(path, init)`. */
const RAW_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type OperationEntry = (typeof OPERATIONS)[keyof typeof OPERATIONS] & { basePath?: string; response?: ResponseCheck };

/** The spec's operations by `METHOD /path/{template}`, made on first use. */
let operationsByName: Map<string, OperationEntry> | undefined;
function operationNamed(name: string): OperationEntry | undefined {
  operationsByName ??= new Map(
    Object.values(OPERATIONS).map((operation) => [`${operation.method} ${operation.path}`, operation]),
  );
  return operationsByName.get(name);
}

/** Statuses whose Response cannot have a body. */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 204, 205, 304]);

const readBytes: ReadBody<ArrayBuffer> = (response) => response.arrayBuffer();

/** The answer the pipeline read, as a Response again for openapi-fetch to read (its url kept). */
function replay(response: Response, bytes: ArrayBuffer | string): Response {
  const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, response);
  Object.defineProperty(copy, 'url', { value: response.url });
  return copy;
}

/**
 * openapi-fetch's client: `GET`/`POST`/`DELETE`… resolving to `{ data, error, response }`. It
 * throws only `LeafError`s (a 2xx whose body is not the promised JSON included) and the caller's abort reason.
 */
export const raw: RawFactory = ({ baseUrl, headers, pipeline, clientSignal, guard, successBody }) => {
  const openapi = createClient<paths>({ baseUrl, headers });
  const methods = openapi as unknown as Record<string, RawCall>;
  const origin = new URL(baseUrl, 'http://localhost').origin;

  async function rawCall(call: RawCall, method: string, path: string, init: RawInit = {}): Promise<RawResult> {
    const operation = `${method} ${path}`;
    const known = operationNamed(operation);
    const json = (init.parseAs ?? 'json') === 'json';
    const signal = anySignal(clientSignal, init.signal);
    /** A JSON success body, as the pipeline read it: parsed and checked here, not by openapi-fetch. */
    let successText: string | undefined;
    const result = await guard(operation, signal, init.body, false, () => {
      checkPathParameters(operation, path, init.params?.path);
      const callInit: RawInit = {
        ...init,
        // For JSON, openapi-fetch only hands back the (already read) success response: no second read.
        parseAs: json ? 'stream' : init.parseAs,
        signal,
        fetch: async (request: Request) => {
          // JSON as text; anything else as bytes, so a binary body survives.
          if (!json)
            return pipeline.send(request, operation, readBytes).then(({ response, body }) => replay(response, body));
          const { response, body } = await pipeline.send(request, operation, readText);
          if (!response.ok) return replay(response, body);
          successText = body;
          return response;
        },
      };
      // An operation with its own server (authenticate) goes there, unless the call names a server itself.
      if (known?.basePath !== undefined && init.baseUrl === undefined) callInit.baseUrl = origin + known.basePath;
      return call(path, callInit);
    });
    if (!json || !result.response.ok) return result;
    // As openapi-fetch does: an empty body is no data.
    result.data = successText
      ? successBody(operation, known?.response, result.response, successText, init.body)
      : undefined;
    return result;
  }

  const client: Record<string, unknown> = { ...openapi };
  for (const method of RAW_METHODS)
    client[method] = (path: string, init?: RawInit) => rawCall(methods[method]!, method, path, init);
  client.request = (method: string, path: string, init?: RawInit) =>
    rawCall((p, i) => openapi.request(method as never, p as never, i as never), method.toUpperCase(), path, init);
  return client as unknown as Client<paths>;
};
