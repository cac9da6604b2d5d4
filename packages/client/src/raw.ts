/**
 * `raw`: openapi-fetch's typed client on the client's transport (auth,
 * retries, deadline, typed errors). A part of a client like a provider:
 * `createLeafCredentialsClient` includes it, `createLeafCredentialsClientFor`
 * only when given it, so an app that uses only helpers bundles no openapi-fetch.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/schema.js';
import type { AttemptDeadline } from './timing.js';
import { anySignal } from './timing.js';
import type { Transport } from './transport.js';

/** What the client shares with its parts. */
export interface ClientContext {
  baseUrl: string;
  /** Headers of every request (with a string token, its Authorization). */
  headers: Record<string, string> | undefined;
  transport: Transport;
  clientSignal: AbortSignal | undefined;
  /**
   * Runs one call with its deadline (when the client has `timeoutMs`), turning any failure into a
   * redacted LeafError; `log` also reports it to the logger.
   */
  run<T>(
    operation: string,
    signal: AbortSignal | undefined,
    body: unknown,
    log: boolean,
    send: (deadline: AttemptDeadline | undefined) => Promise<T>,
  ): Promise<T>;
  /** A JSON body read as text, or a LeafInvalidResponseError that knows the status. */
  parseJson(operation: string, response: Response, text: string, body: unknown): unknown;
}

export type RawFactory = (context: ClientContext) => Client<paths>;

type RawResult = { data?: unknown; error?: unknown; response: Response };
type RawInit = Record<string, unknown> & { body?: unknown; signal?: AbortSignal; parseAs?: string };
type RawCall = (path: string, init?: RawInit) => Promise<RawResult>;

/** The methods of openapi-fetch's client that send a request, each `(path, init)`. */
const RAW_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * openapi-fetch's client: `GET`/`POST`/`DELETE`… resolving to `{ data, error, response }`. It
 * throws only `LeafError`s (a 2xx whose body is not JSON included) and the caller's abort reason.
 */
export const raw: RawFactory = ({ baseUrl, headers, transport, clientSignal, run, parseJson }) => {
  const openapi = createClient<paths>({ baseUrl, fetch: transport.fetch, headers });
  openapi.use(transport.middleware);
  const methods = openapi as unknown as Record<string, RawCall>;

  /** A call through openapi-fetch's `call`, except that JSON parse failures and every other error come out as LeafErrors. */
  async function rawCall(call: RawCall, method: string, path: string, init: RawInit = {}): Promise<RawResult> {
    const operation = `${method} ${path}`;
    const json = (init.parseAs ?? 'json') === 'json';
    const signal = anySignal(clientSignal, init.signal);
    const result = await run(operation, signal, init.body, false, (deadline) => {
      const callInit: RawInit = { ...init, parseAs: json ? 'text' : init.parseAs, signal: deadline?.signal ?? signal };
      // With a deadline, the transport runs it for each attempt.
      if (deadline) callInit.fetch = (request: Request) => transport.fetch(request, deadline);
      return call(path, callInit);
    });
    if (!json || typeof result.data !== 'string') return result;
    // As openapi-fetch does: an empty body is no data.
    result.data = result.data ? parseJson(operation, result.response, result.data, init.body) : undefined;
    return result;
  }

  const client: Record<string, unknown> = { ...openapi };
  for (const method of RAW_METHODS)
    client[method] = (path: string, init?: RawInit) => rawCall(methods[method]!, method, path, init);
  client.request = (method: string, path: string, init?: RawInit) =>
    rawCall((p, i) => openapi.request(method as never, p as never, i as never), method.toUpperCase(), path, init);
  return client as unknown as Client<paths>;
};
