/**
 * Leaf's list paging: `page` (from 0) and `size` in the query, the total in
 * `X-Total-Count` and the neighbouring pages in `Link`. A page says whether
 * another follows; only its `page` and `size` are read from a `Link`, so a
 * link can never send the next request somewhere else. A paged list helper
 * answers one page, or every item page after page (`pagerOf`).
 */
import { DEFAULT_MAX_PAGES } from './defaults.js';
import { LeafInvalidResponseError } from './errors.js';
import { type CallOperation, operationName } from './helper-call.js';
import type { OperationRef } from './helpers.js';
import type { CallOptions } from './options.js';

interface PageQuery {
  page?: number;
  size?: number;
}

/** One page of a list. */
export interface Page<Item> {
  items: Item[];
  /** This page's number, from 0. */
  page: number;
  /** How many items the list has in all (`X-Total-Count`), when the server says. */
  totalCount: number | undefined;
  /** The page after this one, or undefined on the last page. */
  next: { page: number; size: number | undefined } | undefined;
}

/** The `page`/`size` of the `Link` header's `rel="next"` target; null when the header has links but no next one. */
function nextFromLink(header: string | null): PageQuery | null | undefined {
  if (!header) return undefined;
  let next: PageQuery | null = null;
  for (const [, target, rel] of header.matchAll(/<([^>]*)>\s*;\s*rel="?([^",;]+)"?/g)) {
    if (rel!.trim().split(/\s+/).includes('next')) {
      const query = new URL(target!, 'http://link.invalid/').searchParams;
      next = { page: Number(query.get('page')), size: query.has('size') ? Number(query.get('size')) : undefined };
    }
  }
  return next;
}

function integerHeader(response: Response, name: string): number | undefined {
  const value = response.headers.get(name)?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * The page `response` answered `query` with. The next page is the `Link`'s
 * `rel="next"` (a Link without one means this is the last page); without a
 * Link, the one after this while `X-Total-Count` says more are left, or while
 * a page comes back full.
 */
export function readPage<Item>(items: Item[], response: Response, query: PageQuery): Page<Item> {
  const page = query.page ?? 0;
  const totalCount = integerHeader(response, 'x-total-count');
  const linked = nextFromLink(response.headers.get('link'));
  let next: Page<Item>['next'];
  if (linked !== undefined) {
    // Only forward: a link back to this page or an earlier one would loop.
    if (linked && Number.isInteger(linked.page) && linked.page! > page)
      next = { page: linked.page!, size: linked.size ?? query.size };
  } else if (items.length > 0) {
    const size = query.size ?? items.length;
    const more =
      totalCount === undefined
        ? query.size !== undefined && items.length >= query.size
        : (page + 1) * size < totalCount;
    if (more) next = { page: page + 1, size: query.size };
  }
  return { items, page, totalCount, next };
}

type PathValues = Readonly<Record<string, unknown>>;
type ListOptions = CallOptions & Record<string, unknown>;

/** A list helper's options: the call's (signal, headers), `maxPages`, and the rest its query. */
function splitOptions(options: ListOptions | undefined) {
  const { signal, headers, maxPages, ...query } = options ?? {};
  return { call: { signal, headers }, query, maxPages: maxPages as number | undefined };
}

/** One page of a list operation, and every item of it page after page (bounded by maxPages). */
export function pagerOf(list: OperationRef, call: CallOperation) {
  const page = async (values: PathValues, query: PageQuery, options: CallOptions) => {
    const { data, response } = await call(list, values, { query }, options);
    // The pipeline checked the body: a page is an array.
    return { page: readPage(data as unknown[], response, query), response };
  };
  return {
    onePage: (values: PathValues, options?: ListOptions) => {
      const { call: callOptions, query } = splitOptions(options);
      return page(values, query, callOptions).then((result) => result.page);
    },
    everyItem: async function* everyItem(values: PathValues, options?: ListOptions) {
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
        // A next page without a size only follows a query without one: the query string leaves it out.
        next = { page: current.next.page, ...query, size: current.next.size };
      }
    },
  };
}
