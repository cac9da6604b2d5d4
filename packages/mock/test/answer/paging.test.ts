/**
 * Paging as Leaf's lists do it: pageOf's arithmetic and Link header, the
 * mock's example events list paged over HTTP, and the spec's `page`, `size`
 * and `sort` parameters validated: a value out of Leaf's documented range is a
 * 400 problem naming the parameter.
 */
import { specModel } from '@leaf-credentials/spec';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pageOf } from '../../src/answer/paging.js';
import { exampleRequest } from '../../src/example-requests.js';
import { createAgent, send } from '../support/send.js';

const ITEMS = ['a', 'b', 'c', 'd', 'e'];
const PATH = '/users/u/trimble-credentials/events';

const PAGES = [
  {
    behaviour: 'the first page links next, last and first',
    page: 0,
    size: 2,
    items: ['a', 'b'],
    rels: ['next', 'last', 'first'],
  },
  {
    behaviour: 'a middle page links next and prev',
    page: 1,
    size: 2,
    items: ['c', 'd'],
    rels: ['next', 'prev', 'last', 'first'],
  },
  { behaviour: 'the last page links no next', page: 2, size: 2, items: ['e'], rels: ['prev', 'last', 'first'] },
  {
    behaviour: 'a page past the end is empty and its prev is the last page',
    page: 9,
    size: 2,
    items: [],
    rels: ['prev', 'last', 'first'],
  },
  {
    behaviour: 'one page holding everything links only last and first',
    page: 0,
    size: 20,
    items: ITEMS,
    rels: ['last', 'first'],
  },
];

describe('pageOf', () => {
  for (const { behaviour, page, size, items, rels } of PAGES) {
    it(behaviour, () => {
      const result = pageOf(ITEMS, { page, size }, PATH, { sort: 'createdDate,desc', page: String(page) });
      expect(result.items).toEqual(items);
      expect(result.headers['x-total-count']).toBe('5');
      const links = result.headers.link!.split(', ').map((entry) => /^<(.*)>; rel="(\w+)"$/.exec(entry)!);
      expect(links.map((match) => match[2])).toEqual(rels);
      for (const [, url] of links)
        expect(url).toMatch(new RegExp(`^${PATH}\\?sort=createdDate%2Cdesc&page=\\d+&size=${size}$`));
    });
  }

  it('points prev of a page past the end at the last page', () => {
    const prev = pageOf(ITEMS, { page: 9, size: 2 }, PATH, {}).headers.link!.split(', ')[0];
    expect(prev).toBe(`<${PATH}?page=2&size=2>; rel="prev"`);
  });
});

const mockUrl = inject('mockUrl');
const agent = createAgent(2);
afterAll(() => agent.destroy());
const eventShapes = specModel().operations.filter((shape) => shape.operationId.endsWith('Events'));

describe('the mock pages each example events list', () => {
  it('has events operations to page', () => expect(eventShapes.length).toBeGreaterThan(0));

  for (const shape of eventShapes) {
    const { method, path, headers } = exampleRequest(shape);
    const get = (query: string) =>
      send(mockUrl, { method, path: `${path}${query}`, headers: Object.entries(headers) }, agent);

    it(`${shape.operationId}: size=1 answers one event, the total and the links`, async () => {
      const whole = await get('');
      const all = JSON.parse(whole.text) as unknown[];
      expect(whole.headers['x-total-count']).toBe(String(all.length));
      const reply = await get('?size=1&page=0');
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toEqual(all.slice(0, 1));
      expect(reply.headers['x-total-count']).toBe(String(all.length));
      expect(reply.headers.link).toContain(`<${path}?page=0&size=1>; rel="first"`);
    });
  }
});

const AUTH = { authorization: 'Bearer test.token.value' };

async function events(path: string, query: string) {
  const response = await fetch(new URL(`${path}?${query}`, mockUrl), { headers: AUTH });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

const REFUSED: { query: string; field: string; says: string }[] = [
  { query: 'size=101', field: 'size', says: '<= 100' },
  { query: 'size=0', field: 'size', says: '>= 1' },
  { query: 'size=twenty', field: 'size', says: 'integer' },
  { query: 'page=-1', field: 'page', says: '>= 0' },
  { query: 'page=1.5', field: 'page', says: 'integer' },
  { query: 'sort=createdDate;drop', field: 'sort', says: 'pattern' },
];

const ACCEPTED = ['page=0&size=100', 'page=3&size=1', 'size=20', 'sort=createdDate,desc', 'sort=id,asc&page=0'];

describe.each(eventShapes.map((shape) => exampleRequest(shape).path))('paging parameters of %s', (path) => {
  for (const { query, field, says } of REFUSED) {
    it(`refuses ${query} with a 400 problem naming ${field}`, async () => {
      const reply = await events(path, query);
      expect(reply.status).toBe(400);
      expect(reply.contentType).toBe('application/problem+json');
      expect(reply.body.fieldErrors).toEqual([
        expect.objectContaining({ objectName: 'query', field, message: expect.stringContaining(says) }),
      ]);
      expect(reply.body.detail).toContain(field);
    });
  }

  it('names both parameters when page and size are both out of range', async () => {
    const reply = await events(path, 'page=-1&size=500');
    expect(reply.status).toBe(400);
    expect(reply.body.fieldErrors.map((error: { field: string }) => error.field).sort()).toEqual(['page', 'size']);
  });

  for (const query of ACCEPTED) {
    it(`accepts ${query}`, async () => {
      const reply = await events(path, query);
      expect(reply.status).toBe(200);
      expect(Array.isArray(reply.body)).toBe(true);
    });
  }
});
