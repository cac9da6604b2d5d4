/**
 * Paging as every Leaf list does it (setup_information: `page` from 0, `size`
 * up to 100, `X-Total-Count` and `Link` headers). The mock pages its example
 * list with it and the sandbox its stored events, so both answer alike. The
 * defaults and bounds are the spec model's (`paging`): Prism's validator has
 * refused a page or size out of them (a 400 naming the parameter) before this runs.
 */
import type { IHttpOperation } from '@stoplight/types';
import { operationModelOf } from '../model.js';

export interface PageRequest {
  page: number;
  size: number;
}

/** A query parameter's value: a repeated one counts by its first value, as Spring (Leaf's server) binds it. */
export function queryValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The page asked for, or undefined when the model says the operation is no paged list. */
export function pageRequestOf(
  operation: IHttpOperation,
  query: Record<string, string | string[]>,
): PageRequest | undefined {
  const paging = operationModelOf(operation).paging;
  if (!paging) return undefined;
  const page = queryValue(query.page);
  const size = queryValue(query.size);
  return {
    page: page === undefined ? paging.page.default : Number(page),
    size: size === undefined ? paging.size.default : Number(size),
  };
}

export interface Page<T> {
  items: T[];
  /** `X-Total-Count` and `Link`. */
  headers: Record<string, string>;
}

/**
 * One page of `items`. `path` and `query` are the request's: each Link keeps
 * every other query parameter (`sort`) and replaces `page` and `size`.
 */
export function pageOf<T>(
  items: readonly T[],
  request: PageRequest,
  path: string,
  query: Record<string, string | string[]>,
): Page<T> {
  const { page, size } = request;
  const lastPage = Math.max(Math.ceil(items.length / size) - 1, 0);
  const link = (target: number, rel: string) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (name === 'page' || name === 'size') continue;
      for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
    }
    search.set('page', String(target));
    search.set('size', String(size));
    return `<${path}?${search}>; rel="${rel}"`;
  };
  const links = [
    ...(page < lastPage ? [link(page + 1, 'next')] : []),
    ...(page > 0 ? [link(Math.min(page - 1, lastPage), 'prev')] : []),
    link(lastPage, 'last'),
    link(0, 'first'),
  ];
  return {
    items: items.slice(page * size, page * size + size),
    headers: { 'x-total-count': String(items.length), link: links.join(', ') },
  };
}
