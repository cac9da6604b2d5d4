import { describe, expect, it } from 'vitest';
import {
  MAX_RECORDED_BYTES,
  MAX_RECORDED_REQUESTS,
  RECORDED_HEADERS,
  RequestLog,
} from '../../src/sandbox/request-log.js';

const at = new Date('2030-01-01T00:00:00Z');
const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers, status: 200 });

describe('the request log', () => {
  it('keeps the most recent MAX_RECORDED_REQUESTS requests, oldest first, and counts the ones it dropped', () => {
    const log = new RequestLog();
    for (let index = 0; index < MAX_RECORDED_REQUESTS * 2 + 5; index += 1) log.record(get(`/${index}`), 'token:a', at);
    const { requests, dropped } = log.list('token:a');
    expect(requests).toHaveLength(MAX_RECORDED_REQUESTS);
    expect(requests.at(-1)!.url).toBe(`/${MAX_RECORDED_REQUESTS * 2 + 4}`);
    expect(dropped).toBe(MAX_RECORDED_REQUESTS + 5);
    expect(log.list().dropped).toBe(MAX_RECORDED_REQUESTS + 5);
  });

  it('keeps at most MAX_RECORDED_BYTES of them, however big each is', () => {
    const log = new RequestLog();
    const agent = 'x'.repeat(8 * 1024);
    for (let index = 0; index < 2_000; index += 1) log.record(get(`/${index}`, { 'user-agent': agent }), 'token:a', at);
    const { requests, dropped } = log.list();
    const bytes = requests.reduce((sum, request) => sum + 2 * (request.url.length + agent.length), 0);
    expect(bytes).toBeLessThanOrEqual(MAX_RECORDED_BYTES);
    expect(dropped).toBe(2_000 - requests.length);
    expect(dropped).toBeGreaterThan(0);
    expect(requests.at(-1)!.url).toBe('/1999');
  });

  it('lets go of the requests it dropped: at most as many are held as are kept', () => {
    const log = new RequestLog();
    const agent = 'x'.repeat(64 * 1024);
    for (let index = 0; index < 1_000; index += 1) log.record(get(`/${index}`, { 'user-agent': agent }), 'token:a', at);
    const held = (log as unknown as { entries: unknown[] }).entries.length;
    expect(held).toBeLessThanOrEqual(2 * log.list().requests.length + 1);
  });

  it('files requests by state key: each key sees its own, the admin all', () => {
    const log = new RequestLog();
    log.record(get('/a'), 'token:a', at);
    log.record(get('/b'), 'token:b', at);
    log.record(get('/none'), undefined, at);
    expect(log.list('token:a').requests.map((request) => request.url)).toEqual(['/a']);
    expect(log.list().requests).toHaveLength(3);
    log.clear('token:a');
    expect(log.list().requests.map((request) => request.url)).toEqual(['/b', '/none']);
  });

  it('keeps only the headers on its allow-list, under lower-case names', () => {
    const log = new RequestLog();
    const secrets = {
      Authorization: 'Bearer secret-1',
      Cookie: 'session=secret-2',
      'X-Api-Key': 'secret-3',
      'Proxy-Authorization': 'Basic secret-4',
      'X-Anything-Else': 'secret-5',
    };
    log.record(get('/a', { ...secrets, Accept: 'application/json', 'User-Agent': 'test' }), 'token:a', at);
    const [recorded] = log.list().requests;
    expect(recorded!.headers).toEqual({ accept: 'application/json', 'user-agent': 'test' });
    expect(JSON.stringify(log.list())).not.toMatch(/secret/);
    for (const name of RECORDED_HEADERS) expect(name).toBe(name.toLowerCase());
  });
});
