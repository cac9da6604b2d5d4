/**
 * events(id, { page, size, sort }) answers one page and says whether another
 * follows (Link rel="next", else X-Total-Count, else a full page);
 * allEvents(id) walks every page, and stops at maxPages on a list that never ends.
 */
import { describe, expect, it } from 'vitest';
import { type CredentialEvent, createLeafCredentialsClient, LeafInvalidResponseError } from '../src/index.js';
import { readPage } from '../src/paging.js';
import { jsonResponse, LEAF_USER_ID, stubFetch, TEST_BASE_URL } from './support/stub-fetch.js';

const event = (n: number): CredentialEvent =>
  ({
    id: `event-${n}`,
    body: '{}',
    headers: '',
    statusCode: 200,
    createdDate: '2024-01-01T00:00:00.000Z',
  }) as CredentialEvent;
const events = (from: number, count: number) => Array.from({ length: count }, (_, index) => event(from + index));

/** A server holding `total` events, paging them like Leaf (Link and X-Total-Count on every page). */
function pagingServer(total: number, { link = true, count = true } = {}) {
  return stubFetch((request) => {
    const query = new URL(request.url).searchParams;
    const page = Number(query.get('page') ?? 0);
    const size = Number(query.get('size') ?? 20);
    const last = Math.max(0, Math.ceil(total / size) - 1);
    const links = [
      `<api/events?page=0&size=${size}>; rel="first"`,
      `<api/events?page=${last}&size=${size}>; rel="last"`,
    ];
    if (page < last) links.unshift(`<api/events?page=${page + 1}&size=${size}>; rel="next"`);
    const headers: Record<string, string> = {};
    if (link) headers.link = links.join(', ');
    if (count) headers['x-total-count'] = String(total);
    return jsonResponse(events(page * size, Math.max(0, Math.min(size, total - page * size))), 200, headers);
  });
}

const trimbleOf = (fetch: ReturnType<typeof stubFetch>) =>
  createLeafCredentialsClient({ baseUrl: TEST_BASE_URL, token: 'paging.test.token', fetch, retry: false }).trimble;

const queries = (fetch: ReturnType<typeof stubFetch>) => fetch.requests.map((request) => new URL(request.url).search);

describe('events(leafUserId, { page, size, sort })', () => {
  it('sends the page, size and sort, and answers that page with the total and the next page', async () => {
    const fetch = pagingServer(45);
    const page = await trimbleOf(fetch).events(LEAF_USER_ID, { page: 1, size: 20, sort: 'createdDate,desc' });
    expect(queries(fetch)).toEqual(['?page=1&size=20&sort=createdDate%2Cdesc']);
    expect(page).toEqual({ items: events(20, 20), page: 1, totalCount: 45, next: { page: 2, size: 20 } });
  });

  it('has no next page on the last one', async () => {
    const page = await trimbleOf(pagingServer(45)).events(LEAF_USER_ID, { page: 2, size: 20 });
    expect(page).toMatchObject({ items: events(40, 5), page: 2, next: undefined });
  });

  it('answers the first page when asked for none, and sends no query', async () => {
    const fetch = pagingServer(3);
    expect(await trimbleOf(fetch).events(LEAF_USER_ID)).toEqual({
      items: events(0, 3),
      page: 0,
      totalCount: 3,
      next: undefined,
    });
    expect(queries(fetch)).toEqual(['']);
  });
});

describe('readPage: where the next page comes from', () => {
  const response = (headers: Record<string, string>) => new Response('[]', { headers });
  const cases: Array<[string, Record<string, string>, number, { page?: number; size?: number }, unknown]> = [
    [
      'Link rel="next"',
      { link: '<x?page=3&size=10>; rel="next", <x?page=9&size=10>; rel="last"' },
      10,
      { page: 2, size: 10 },
      { page: 3, size: 10 },
    ],
    [
      'a Link without rel="next"',
      { link: '<x?page=0&size=10>; rel="first"', 'x-total-count': '999' },
      10,
      { page: 2, size: 10 },
      undefined,
    ],
    [
      'a Link pointing back (ignored, it would loop)',
      { link: '<x?page=1&size=10>; rel="next"' },
      10,
      { page: 2, size: 10 },
      undefined,
    ],
    [
      'a Link to another host (only page and size are read)',
      { link: '<https://evil.test/steal?page=4&size=10>; rel="next"' },
      10,
      { page: 3, size: 10 },
      { page: 4, size: 10 },
    ],
    ['X-Total-Count with more left', { 'x-total-count': '31' }, 10, { page: 2, size: 10 }, { page: 3, size: 10 }],
    ['X-Total-Count with none left', { 'x-total-count': '30' }, 10, { page: 2, size: 10 }, undefined],
    ['no headers, a full page', {}, 10, { page: 0, size: 10 }, { page: 1, size: 10 }],
    ['no headers, a short page', {}, 9, { page: 0, size: 10 }, undefined],
    ['no headers, no size asked', {}, 20, {}, undefined],
    ['an empty page', { 'x-total-count': '50' }, 0, { page: 7, size: 10 }, undefined],
  ];
  for (const [name, headers, count, query, next] of cases) {
    it(`${name} → ${JSON.stringify(next)}`, () => {
      expect(readPage(events(0, count), response(headers), query).next).toEqual(next);
    });
  }
});

describe('allEvents(leafUserId)', () => {
  for (const [how, options] of [
    ['Link', { count: false }],
    ['X-Total-Count', { link: false }],
    ['full pages', { link: false, count: false }],
  ] as const) {
    it(`yields every event of every page, following ${how}`, async () => {
      const fetch = pagingServer(45, options);
      const seen: string[] = [];
      for await (const item of trimbleOf(fetch).allEvents(LEAF_USER_ID, { size: 20 })) seen.push(item.id!);
      expect(seen).toEqual(events(0, 45).map((item) => item.id));
      expect(queries(fetch)).toEqual(['?page=0&size=20', '?page=1&size=20', '?page=2&size=20']);
    });
  }

  it('fetches the next page only when the loop asks for it', async () => {
    const fetch = pagingServer(45);
    for await (const item of trimbleOf(fetch).allEvents(LEAF_USER_ID, { size: 20 })) if (item.id === 'event-3') break;
    expect(fetch.requests).toHaveLength(1);
  });

  it('stops with a LeafInvalidResponseError after maxPages on a list that never ends', async () => {
    const endless = stubFetch((request) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      return jsonResponse(events(page, 1), 200, { link: `<x?page=${page + 1}&size=1>; rel="next"` });
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of trimbleOf(endless).allEvents(LEAF_USER_ID, { maxPages: 5 })) seen.push(item);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LeafInvalidResponseError);
    expect((error as Error).message).toBe(
      'GET /users/{leafUserId}/trimble-credentials/events failed: 200 response still lists more after 5 pages (maxPages)',
    );
    expect(seen).toHaveLength(5);
    expect(endless.requests).toHaveLength(5);
  });

  for (const maxPages of [0, Number.NaN, Infinity, 1.5]) {
    it(`refuses maxPages ${maxPages} with a RangeError before any request`, async () => {
      const fetch = pagingServer(3);
      const iterator = trimbleOf(fetch).allEvents(LEAF_USER_ID, { maxPages });
      await expect(iterator.next()).rejects.toThrow(RangeError);
      expect(fetch.requests).toEqual([]);
    });
  }
});
