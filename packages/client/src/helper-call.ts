/**
 * One helper call (a provider's or a resource's): the operation's URL with the
 * path parameters checked before anything is sent, the query, the client's and
 * the call's headers, then the client's one pipeline. A non-2xx is thrown as a
 * LeafApiError; a success body is parsed and checked.
 */
import type { ClientContext } from './context.js';
import { apiErrorOf } from './errors.js';
import type { OperationRef } from './helpers.js';
import type { CallOptions } from './options.js';
import { checkPathParameters } from './path-parameters.js';
import { readText } from './pipeline.js';
import { anySignal } from './timing.js';

/** What the helpers need from the client: one call of an operation, answered 2xx, its body parsed. */
export type CallOperation = (
  operation: OperationRef,
  pathValues: Readonly<Record<string, unknown>>,
  init: { body?: unknown; query?: object },
  options: CallOptions | undefined,
) => Promise<{ data: unknown; response: Response }>;

export const operationName = (operation: OperationRef) => `${operation.method} ${operation.path}`;

/**
 * The operation's URL: the base URL, or, for an operation on a server path of its own (the alerts
 * service), the base URL's origin and that path, unless the base URL already points at it; then
 * its path with the values in, each path parameter checked first (the one rule of helpers and raw).
 */
function operationUrl(ref: OperationRef, values: Readonly<Record<string, unknown>>, base: string): string {
  checkPathParameters(operationName(ref), ref.path, values);
  const path = ref.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => encodeURIComponent(String(values[name])));
  if (ref.basePath === undefined || new URL(base).pathname.endsWith(ref.basePath)) return base + path;
  return new URL(ref.basePath + path, base).href;
}

/** `?page=1&size=20&sort=…` as openapi-fetch writes it (arrays repeat their key); empty without values. */
function queryString(query: object | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== undefined) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The helpers' call through the client's context (its base URL, headers, pipeline and rules). */
export function helperCall(context: ClientContext): CallOperation {
  const { headers, pipeline, clientSignal } = context;
  const base = context.baseUrl.replace(/\/$/, '');
  return (ref, values, { body, query }, callOptions) => {
    const operation = operationName(ref);
    const signal = anySignal(clientSignal, callOptions?.signal);
    return context.guard(operation, signal, body, true, async () => {
      const target = operationUrl(ref, values, base) + queryString(query);
      const requestHeaders = new Headers(body === undefined ? undefined : { 'Content-Type': 'application/json' });
      for (const extra of [headers, callOptions?.headers])
        for (const [name, value] of Object.entries(extra ?? {})) requestHeaders.set(name, value);
      const init: RequestInit = {
        method: ref.method,
        headers: requestHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
      };
      // No signal unless the caller gave one: wiring a signal into a Request is most of its cost.
      if (signal) init.signal = signal;
      const { response, body: text } = await pipeline.send(new Request(target, init), operation, readText);
      if (!response.ok) throw apiErrorOf(operation, response, text, context.secretsOf(body));
      return {
        data: ref.responseBody ? context.successBody(operation, ref.response, response, text, body) : undefined,
        response,
      };
    });
  };
}
