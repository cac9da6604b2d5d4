/**
 * The helpers of a resource that is not a provider's credentials (`x-leaf-resource`:
 * webhooks), built from its generated definition: each takes its operation's
 * path parameters in path order, then the body when it has one, then options,
 * and resolves to the success body.
 */
import type { OperationRef } from './helpers.js';
import type { CallOptions } from './options.js';
import { checkPathParameters } from './path-parameters.js';
import type { RequestBody, ResponseBody } from './types.js';

/** An operation of a resource: which resource, its own server path, its path parameters by name. */
export interface ResourceOperationRef extends OperationRef {
  readonly resource: string;
  readonly basePath?: string;
  readonly pathParameters: readonly string[];
}

/** A resource: which operation each of its helpers calls. */
export type ResourceDefinition = { readonly [helper: string]: ResourceOperationRef };

type PathArguments<Names extends readonly string[]> = { [Index in keyof Names]: string };

/** `(…pathParameters, body?, options?)` resolving to the success body. */
export type ResourceHelper<Ref extends ResourceOperationRef> = [RequestBody<Ref['id']>] extends [never]
  ? (...args: [...PathArguments<Ref['pathParameters']>, CallOptions?]) => Promise<ResponseBody<Ref['id']>>
  : (
      ...args: [...PathArguments<Ref['pathParameters']>, RequestBody<Ref['id']>, CallOptions?]
    ) => Promise<ResponseBody<Ref['id']>>;

/** The helpers of one resource. */
export type ResourceHelpers<R extends ResourceDefinition> = { readonly [Helper in keyof R]: ResourceHelper<R[Helper]> };

/** What the helpers need from the client: one call of the operation at its URL, answered 2xx, its body parsed. */
export type CallResource = (
  operation: ResourceOperationRef,
  url: () => string,
  init: { body?: unknown },
  options: CallOptions | undefined,
) => Promise<{ data: unknown }>;

/** Whether a part given to the client is a resource (its operations name it) rather than a provider. */
export function isResourceDefinition(part: object): part is ResourceDefinition {
  return Object.values(part).some((ref) => typeof (ref as Partial<ResourceOperationRef> | null)?.resource === 'string');
}

/**
 * The operation's URL: the base URL's origin, the operation's own server path, its path with the
 * values in; or the base URL itself when it already points at that server path (the alerts service).
 */
function resourceUrl(operation: string, ref: ResourceOperationRef, values: unknown[], baseUrl: string): string {
  const named = Object.fromEntries(ref.pathParameters.map((name, index) => [name, values[index]]));
  // The one path-parameter rule of the client (helpers and raw alike), before anything is sent.
  checkPathParameters(operation, ref.path, named);
  const path = ref.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => encodeURIComponent(String(named[name])));
  const base = baseUrl.replace(/\/$/, '');
  if (ref.basePath === undefined || new URL(base).pathname.endsWith(ref.basePath)) return base + path;
  return new URL(ref.basePath + path, baseUrl).href;
}

export function buildResourceHelpers<R extends ResourceDefinition>(
  definition: R,
  baseUrl: string,
  call: CallResource,
): ResourceHelpers<R> {
  const helpers: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(definition)) {
    const count = ref.pathParameters.length;
    const operation = `${ref.method} ${ref.path}`;
    helpers[name] = (...args: unknown[]) => {
      const body = ref.requestBody ? args[count] : undefined;
      const options = args[count + (ref.requestBody ? 1 : 0)] as CallOptions | undefined;
      const url = () => resourceUrl(operation, ref, args.slice(0, count), baseUrl);
      return call(ref, url, { body }, options).then(({ data }) => data);
    };
  }
  return helpers as ResourceHelpers<R>;
}
