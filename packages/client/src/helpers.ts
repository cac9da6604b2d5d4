/**
 * A provider's helpers, built from its generated definition (helper name →
 * operation): `get`, `create`, `delete`, `status` resolve to the body,
 * `events` to a page, plus `allEvents` (every page) and `waitUntilHealthy`.
 */
import { DEFAULT_MAX_PAGES } from './defaults.js';
import { LeafInvalidResponseError } from './errors.js';
import type { AllEventsOptions, CallOptions, EventsOptions } from './options.js';
import { type Page, type PageQuery, readPage } from './paging.js';
import type { ResponseCheck } from './response-checks.js';
import type { OperationId, RequestBody, ResponseBody } from './types.js';
import { type WaitUntilHealthy, type WithStatus, withWaitUntilHealthy } from './wait.js';

/** One operation as the generated tables describe it. */
export interface OperationRef {
  readonly id: OperationId;
  readonly method: string;
  readonly path: string;
  readonly requestBody: boolean;
  readonly responseBody: boolean;
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

/** Whether a part given to the client is a resource of its own (its operations name it) rather than a provider. */
export function isResourceDefinition(part: object): part is ResourceDefinition {
  return Object.values(part).some((ref) => typeof (ref as Partial<OperationRef> | null)?.resource === 'string');
}

/** What the helpers need from the client: one call of an operation, answered 2xx, its body parsed. */
export type CallOperation = (
  operation: OperationRef,
  pathValues: Readonly<Record<string, unknown>>,
  init: { body?: unknown; query?: object },
  options: CallOptions | undefined,
) => Promise<{ data: unknown; response: Response }>;

export const operationName = (operation: OperationRef) => `${operation.method} ${operation.path}`;

function splitOptions(options: (CallOptions & Record<string, unknown>) | undefined) {
  const { signal, headers, maxPages, ...query } = options ?? {};
  return { call: { signal, headers }, query, maxPages: maxPages as number | undefined };
}

export function buildProviderHelpers<P extends ProviderDefinition>(
  provider: string,
  definition: P,
  call: CallOperation,
): ProviderHelpers<P> {
  const helpers: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(definition)) {
    helpers[name] = operation.requestBody
      ? (leafUserId: string, body: unknown, options?: CallOptions) =>
          call(operation, { leafUserId }, { body }, options).then(({ data }) => data)
      : (leafUserId: string, options?: CallOptions) =>
          call(operation, { leafUserId }, {}, options).then(({ data }) => data);
  }
  const { events, get } = definition;
  if (events) {
    const { onePage, everyItem } = pagerOf(events, call);
    helpers.events = (leafUserId: string, options?: CallOptions & Record<string, unknown>) =>
      onePage({ leafUserId }, options);
    helpers.allEvents = (leafUserId: string, options?: CallOptions & Record<string, unknown>) =>
      everyItem({ leafUserId }, options);
  }
  if (get)
    return withWaitUntilHealthy(
      provider,
      helpers as { get: (id: string, options: CallOptions) => Promise<WithStatus> },
    ) as never;
  return helpers as ProviderHelpers<P>;
}

export function buildResourceHelpers<R extends ResourceDefinition>(
  definition: R,
  call: CallOperation,
): ResourceHelpers<R> {
  const helpers: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(definition)) {
    const count = operation.pathParameters.length;
    helpers[name] = (...args: unknown[]) => {
      const values = Object.fromEntries(operation.pathParameters.map((parameter, index) => [parameter, args[index]]));
      const body = operation.requestBody ? args[count] : undefined;
      const options = args[count + (operation.requestBody ? 1 : 0)] as CallOptions | undefined;
      return call(operation, values, { body }, options).then(({ data }) => data);
    };
  }
  if (definition.list.paged) {
    const { onePage, everyItem } = pagerOf(definition.list, call);
    helpers.list = (options?: CallOptions & Record<string, unknown>) => onePage({}, options);
    helpers.all = (options?: CallOptions & Record<string, unknown>) => everyItem({}, options);
  }
  return helpers as ResourceHelpers<R>;
}

/** One page of a list operation, and every item of it page after page (bounded by maxPages). */
function pagerOf(list: OperationRef, call: CallOperation) {
  type PathValues = Readonly<Record<string, unknown>>;
  const page = async (values: PathValues, query: PageQuery, options: CallOptions) => {
    const { data, response } = await call(list, values, { query }, options);
    // The pipeline checked the body: a page is an array.
    return { page: readPage(data as unknown[], response, query), response };
  };
  return {
    onePage: (values: PathValues, options?: CallOptions & Record<string, unknown>) => {
      const { call: callOptions, query } = splitOptions(options);
      return page(values, query, callOptions).then((result) => result.page);
    },
    everyItem: async function* everyItem(values: PathValues, options?: CallOptions & Record<string, unknown>) {
      const { call: callOptions, query, maxPages = DEFAULT_MAX_PAGES } = splitOptions(options);
      // NaN or Infinity would take away the bound.
      if (!Number.isSafeInteger(maxPages) || maxPages < 1)
        throw new RangeError(`maxPages must be a whole number of pages, at least 1, not ${String(maxPages)}`);
      let next: PageQuery = { page: 0, ...query };
      for (let fetched = 1; ; fetched++) {
        const { page: current, response } = await page(values, next, callOptions);
        yield* current.items;
        if (!current.next) return;
        if (fetched >= maxPages) {
          throw new LeafInvalidResponseError(
            operationName(list),
            response,
            undefined,
            [],
            `still lists more after ${maxPages} pages (maxPages)`,
          );
        }
        next = {
          page: current.next.page,
          ...query,
          ...(current.next.size === undefined ? {} : { size: current.next.size }),
        };
      }
    },
  };
}
