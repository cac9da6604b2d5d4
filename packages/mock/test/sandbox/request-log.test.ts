import { describe, expect, it } from 'vitest';
import { MAX_RECORDED_REQUESTS, RequestLog } from '../../src/sandbox/request-log.js';
import { issueToken } from '../../src/sandbox/token-keys.js';

const at = new Date('2030-01-01T00:00:00Z');

describe('the request log', () => {
  it('keeps the most recent MAX_RECORDED_REQUESTS requests, oldest first', () => {
    const log = new RequestLog();
    for (let index = 0; index < MAX_RECORDED_REQUESTS * 2 + 5; index += 1)
      log.record({ method: 'GET', url: `/${index}`, headers: {}, status: 200 }, at);
    const urls = log.list().map((request) => request.url);
    expect(urls).toHaveLength(MAX_RECORDED_REQUESTS);
    expect(urls.at(-1)).toBe(`/${MAX_RECORDED_REQUESTS * 2 + 4}`);
  });

  it.each([
    { name: 'the same raw token', first: 'Bearer raw', second: 'Bearer raw', together: true },
    { name: 'two raw tokens', first: 'Bearer raw-a', second: 'Bearer raw-b', together: false },
    {
      name: 'two sandbox tokens of one user',
      first: `Bearer ${issueToken('ann', true, at)}`,
      second: `Bearer ${issueToken('ann', false, at)}`,
      together: true,
    },
  ])('files requests made with $name under one key: $together', ({ first, second, together }) => {
    const log = new RequestLog();
    log.record({ method: 'GET', url: '/a', headers: { authorization: first }, status: 200 }, at);
    log.record({ method: 'GET', url: '/b', headers: { Authorization: second }, status: 200 }, at);
    const keyOfFirst = first.startsWith('Bearer raw') ? `token:${first.slice(7)}` : 'user:ann';
    expect(log.list(keyOfFirst)).toHaveLength(together ? 2 : 1);
    expect(JSON.stringify(log.list())).not.toContain('Bearer');
  });
});
