/**
 * What the browser asks the sandbox before a Try-it panel's request: a CORS
 * preflight for each method the panels send, with the headers they set, from
 * a page opened from disk (Origin `null`) and from the docs `npm start` serves.
 */
import { readBundledSpec } from '@leaf-credentials/spec';
import { describe, expect, inject, it } from 'vitest';
import { describeTryIt } from '../../src/try-it/describe.js';

const panels = describeTryIt(readBundledSpec()).operations;
const methods = [...new Set(panels.map((panel) => panel.method))];
const ORIGINS = ['null', 'http://localhost:8080'];

describe.each(ORIGINS)('a preflight from Origin %s', (origin) => {
  it.each(methods)('lets %s through with Authorization and Content-Type', async (method) => {
    const panel = panels.find((candidate) => candidate.method === method)!;
    const url = `${inject('sandboxUrl')}${panel.basePath}${panel.path.replace(/\{[^}]+\}/g, 'x')}`;
    const answer = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(answer.ok, `${answer.status}`).toBe(true);
    const allowed = (name: string) =>
      (answer.headers.get(name) ?? '')
        .toLowerCase()
        .split(',')
        .map((value) => value.trim());
    expect(['*', origin]).toContain(answer.headers.get('access-control-allow-origin'));
    expect(allowed('access-control-allow-methods')).toContain(method.toLowerCase());
    expect(allowed('access-control-allow-headers')).toEqual(expect.arrayContaining(['authorization', 'content-type']));
  });
});
