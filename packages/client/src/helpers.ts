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

/** What the helpers need from the client: one call of an operation, answered 2xx, its body parsed. */
export type CallOperation = (
  operation: OperationRef,
  leafUserId: string,
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
          call(operation, leafUserId, { body }, options).then(({ data }) => data)
      : (leafUserId: string, options?: CallOptions) =>
          call(operation, leafUserId, {}, options).then(({ data }) => data);
  }
  const { events, get } = definition;
  if (events) {
    const page = async (leafUserId: string, query: PageQuery, options: CallOptions) => {
      const { data, response } = await call(events, leafUserId, { query }, options);
      // The pipeline checked the body: a page is an array.
      return { page: readPage(data as unknown[], response, query), response };
    };
    helpers.events = (leafUserId: string, options?: CallOptions & Record<string, unknown>) => {
      const { call: callOptions, query } = splitOptions(options);
      return page(leafUserId, query, callOptions).then((result) => result.page);
    };
    helpers.allEvents = async function* allEvents(leafUserId: string, options?: CallOptions & Record<string, unknown>) {
      const { call: callOptions, query, maxPages = DEFAULT_MAX_PAGES } = splitOptions(options);
      // NaN or Infinity would take away the bound.
      if (!Number.isSafeInteger(maxPages) || maxPages < 1)
        throw new RangeError(`maxPages must be a whole number of pages, at least 1, not ${String(maxPages)}`);
      let next: PageQuery = { page: 0, ...query };
      for (let fetched = 1; ; fetched++) {
        const { page: current, response } = await page(leafUserId, next, callOptions);
        yield* current.items;
        if (!current.next) return;
        if (fetched >= maxPages) {
          throw new LeafInvalidResponseError(
            operationName(events),
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
    };
  }
  if (get)
    return withWaitUntilHealthy(
      provider,
      helpers as { get: (id: string, options: CallOptions) => Promise<WithStatus> },
    ) as never;
  return helpers as ProviderHelpers<P>;
}
