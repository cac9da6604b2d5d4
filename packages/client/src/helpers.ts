/**
 * The helpers of a part of the client — a provider's credentials, Leaf users,
 * webhooks — built from its generated definition (helper name → operation) by
 * one rule: a helper takes its operation's path parameters in path order, then
 * the body if it sends one, then options, and resolves to the success body. A
 * paged list (`events`, the users' `list`) resolves to one page and has an
 * iterator over every item beside it (`allEvents`, `all`); a provider's `get`
 * has `waitUntilHealthy`.
 */
import type { CallOperation } from './helper-call.js';
import type { AllEventsOptions, CallOptions, EventsOptions } from './options.js';
import { type Page, pagerOf } from './paging.js';
import { pathParametersOf } from './path-parameters.js';
import type { ResponseCheck } from './response-checks.js';
import type { OperationId, RequestBody, ResponseBody } from './types.js';
import { type WaitUntilHealthy, type WithStatus, withWaitUntilHealthy } from './wait.js';

/** One operation as the generated tables describe it. */
export interface OperationRef {
  readonly id: OperationId;
  readonly method: string;
  readonly path: string;
  /** Whether it sends a JSON body (absent: none). */
  readonly requestBody?: true;
  /** Whether its success answer carries a JSON body (absent: none). */
  readonly responseBody?: true;
  /** What its success body must be (generated from the spec), when it has a JSON one. */
  readonly response?: ResponseCheck;
  /** Its own server path (the alerts service's), when it is served outside the base URL's path. */
  readonly basePath?: string;
  /** The client property of the resource of its own (`x-leaf-resource`) it belongs to. */
  readonly resource?: string;
  /** A resource operation's path parameters, in path order: its helper takes them first. */
  readonly pathParameters?: readonly string[];
  /** Whether it lists page by page (`page` in its query): its resource's `list` then gets `all`. */
  readonly paged?: boolean;
}

/** A provider: which operation each of its helpers calls. */
export type ProviderDefinition = { readonly [helper: string]: OperationRef };

/** A helper for one operation: `(leafUserId, body?, options?)` resolving to the success body. */
export type OperationHelper<Id extends OperationId> = [RequestBody<Id>] extends [never]
  ? (leafUserId: string, options?: CallOptions) => Promise<ResponseBody<Id>>
  : (leafUserId: string, body: RequestBody<Id>, options?: CallOptions) => Promise<ResponseBody<Id>>;

/** An item of a list operation's body. */
export type ItemOf<Id extends OperationId> = ResponseBody<Id> extends readonly (infer Item)[] ? Item : never;

/** `events(leafUserId, { page, size, sort })`: one page of the log. */
export type EventsHelper<Id extends OperationId> = (
  leafUserId: string,
  options?: EventsOptions<Id>,
) => Promise<Page<ItemOf<Id>>>;

/** `allEvents(leafUserId, options)`: every event, page after page, fetched as the loop asks for them. */
export type AllEventsHelper<Id extends OperationId> = (
  leafUserId: string,
  options?: AllEventsOptions<Id>,
) => AsyncIterableIterator<ItemOf<Id>>;

type Extras<P extends ProviderDefinition> = (P extends { readonly events: OperationRef }
  ? { readonly allEvents: AllEventsHelper<P['events']['id']> }
  : unknown) &
  (P extends { readonly get: OperationRef } ? WaitUntilHealthy<ResponseBody<P['get']['id']>> : unknown);

/** The helpers of one provider. */
export type ProviderHelpers<P extends ProviderDefinition> = {
  readonly [Helper in keyof P]: Helper extends 'events'
    ? EventsHelper<P[Helper]['id']>
    : OperationHelper<P[Helper]['id']>;
} & Extras<P>;

/** An operation of a resource of its own: which resource, its path parameters by name. */
export interface ResourceOperationRef extends OperationRef {
  readonly resource: string;
  readonly pathParameters: readonly string[];
}

/** A resource of its own (`x-leaf-resource`: Leaf users, webhooks): its list, and its other helpers, each an operation. */
export type ResourceDefinition = { readonly list: ResourceOperationRef } & {
  readonly [helper: string]: ResourceOperationRef;
};

type PathArguments<Names extends readonly string[]> = { [Index in keyof Names]: string };

/** `(…pathParameters, body?, options?)` resolving to the success body. */
export type ResourceHelper<Ref extends ResourceOperationRef> = [RequestBody<Ref['id']>] extends [never]
  ? (...args: [...PathArguments<Ref['pathParameters']>, CallOptions?]) => Promise<ResponseBody<Ref['id']>>
  : (
      ...args: [...PathArguments<Ref['pathParameters']>, RequestBody<Ref['id']>, CallOptions?]
    ) => Promise<ResponseBody<Ref['id']>>;

type PagedList<Id extends OperationId> = {
  readonly list: (options?: EventsOptions<Id>) => Promise<Page<ItemOf<Id>>>;
  readonly all: (options?: AllEventsOptions<Id>) => AsyncIterableIterator<ItemOf<Id>>;
};

/**
 * The helpers of a resource of its own: each takes its path parameters (`get(webhookId)`), then
 * the body, then options. A paged `list` (the Leaf users') resolves to one page, and `all(options)`
 * walks every item page after page; a whole list (the webhooks') resolves to the body.
 */
export type ResourceHelpers<R extends ResourceDefinition> = {
  readonly [Helper in keyof R]: Helper extends 'list'
    ? R['list'] extends { readonly paged: true }
      ? PagedList<R['list']['id']>['list']
      : ResourceHelper<R[Helper]>
    : ResourceHelper<R[Helper]>;
} & (R['list'] extends { readonly paged: true } ? Pick<PagedList<R['list']['id']>, 'all'> : unknown);

/** The iterator over every item of a paged list helper: `all` beside `list`, `allEvents` beside `events`. */
const everyItemName = (helper: string) =>
  helper === 'list' ? 'all' : `all${helper[0]!.toUpperCase()}${helper.slice(1)}`;

/** The helpers of one part, by the name it was given under (`trimble`: errors name `trimble.waitUntilHealthy`). */
export function buildHelpers(
  part: string,
  definition: ProviderDefinition | ResourceDefinition,
  call: CallOperation,
): object {
  const helpers: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(definition) as [string, OperationRef][]) {
    const parameters = pathParametersOf(operation.path);
    const count = parameters.length;
    // Runs on every call: the usual one parameter (leafUserId, webhookId) without a loop.
    const [only] = parameters;
    const valuesOf =
      count === 1
        ? (args: unknown[]) => ({ [only!]: args[0] })
        : (args: unknown[]) => Object.fromEntries(parameters.map((parameter, index) => [parameter, args[index]]));
    if (operation.paged) {
      const { onePage, everyItem } = pagerOf(operation, call);
      helpers[name] = (...args: unknown[]) => onePage(valuesOf(args), args[count] as PagerOptions);
      helpers[everyItemName(name)] = (...args: unknown[]) => everyItem(valuesOf(args), args[count] as PagerOptions);
      continue;
    }
    helpers[name] = (...args: unknown[]) => {
      const body = operation.requestBody ? args[count] : undefined;
      const options = args[count + (operation.requestBody ? 1 : 0)] as CallOptions | undefined;
      return call(operation, valuesOf(args), { body }, options).then(({ data }) => data);
    };
  }
  // Only a provider's credentials have a status to wait for.
  const { get } = definition;
  if (get && get.resource === undefined)
    return withWaitUntilHealthy(part, helpers as { get: (id: string, options: CallOptions) => Promise<WithStatus> });
  return helpers;
}

type PagerOptions = CallOptions & Record<string, unknown>;
