/**
 * Paging as every Leaf list does it (setup_information: `page` from 0, `size`
 * up to 100, `X-Total-Count` and `Link` headers). The mock pages its example
 * list with it and the sandbox its stored events, so both answer alike. The
 * bounds themselves are the spec's: Prism's validator has refused a negative
 * page or a size over 100 (a 400 naming the parameter) before this runs.
 */
import type { IHttpOperation } from '@stoplight/types';

export interface PageRequest {
  page: number;
  size: number;
}

/** The `default` of the operation's query parameter `name`, as the spec gives it. */
function documentedDefault(operation: IHttpOperation, name: string): number | undefined {
  const parameter = operation.request?.query?.find((candidate) => candidate.name === name);
  const value = (parameter?.schema as { default?: unknown } | undefined)?.default;
  return typeof value === 'number' ? value : undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The page asked for, or undefined when the operation is not a paged list (it documents no `size`). */
export function pageRequestOf(
  operation: IHttpOperation,
  query: Record<string, string | string[]>,
): PageRequest | undefined {
  const defaultSize = documentedDefault(operation, 'size');
  if (defaultSize === undefined) return undefined;
  const page = single(query.page);
  const size = single(query.size);
  return {
    page: page === undefined ? (documentedDefault(operation, 'page') ?? 0) : Number(page),
    size: size === undefined ? defaultSize : Number(size),
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
