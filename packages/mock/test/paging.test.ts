/**
 * Events are paged like every Leaf list: the spec's `page`, `size` and `sort`
 * parameters are validated by the mock, and a value out of Leaf's documented
 * range is a 400 problem naming the parameter. (How the mock slices its
 * example list and fills X-Total-Count / Link is tested with that code.)
 */
import { describe, expect, inject, it } from 'vitest';

const mockUrl = inject('mockUrl');
const LEAF_USER_ID = '5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f';
const EVENTS_PATHS = [
  `/users/${LEAF_USER_ID}/trimble-credentials/events`,
  `/users/${LEAF_USER_ID}/climate-field-view-credentials/events`,
];
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

describe.each(EVENTS_PATHS)('paging parameters of %s', (path) => {
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
