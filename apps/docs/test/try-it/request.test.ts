/** The panel's request rules, without a browser: loopback-only targets, the request made, its curl command. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  buildRequest,
  checkTarget,
  curlCommand,
  formatBody,
  type TryItOperation,
  type TryItRequest,
} from '../../src/try-it/request.js';

const create: TryItOperation = {
  operationId: 'createThing',
  summary: 'Create a thing',
  method: 'POST',
  path: '/users/{leafUserId}/things',
  basePath: '',
  parameters: [
    { name: 'leafUserId', in: 'path', required: true, example: 'u-1' },
    { name: 'size', in: 'query', required: false, example: '20' },
    { name: 'sort', in: 'query', required: false, example: '' },
  ],
  body: '{\n  "a": 1\n}',
  bearer: true,
};

describe('checkTarget', () => {
  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['  http://127.0.0.1:4010  ', 'http://127.0.0.1:4010'],
    ['https://localhost:9443', 'https://localhost:9443'],
  ])('accepts the loopback origin %j', (target, origin) => {
    expect(checkTarget(target)).toEqual({ origin });
  });

  it.each([
    ['https://api.withleaf.io', /withleaf\.io is not one/],
    ['http://127.0.0.2:4010', /127\.0\.0\.2 is not one/],
    ['http://10.0.0.1:4010', /10\.0\.0\.1 is not one/],
    ['http://localhost.example.com:4010', /localhost\.example\.com is not one/],
    ['http://[::1]:4010', /\[::1\] is not one/],
    ['ftp://127.0.0.1', /ftp: is not/],
    ['file:///etc/passwd', /file: is not/],
    ['127.0.0.1:4010', /is not/],
    ['not a url', /is not a URL/],
    ['http://127.0.0.1:4010/api', /origin alone/],
    ['http://user:pw@127.0.0.1:4010', /origin alone/],
    ['http://127.0.0.1:4010/?x=1', /origin alone/],
  ])('refuses %j', (target, reason) => {
    const checked = checkTarget(target);
    expect(checked).toHaveProperty('refused');
    expect((checked as { refused: string }).refused).toMatch(reason);
  });
});

describe('buildRequest', () => {
  const typed = {
    target: 'http://127.0.0.1:4010',
    token: 'sandbox-abc',
    parameters: { leafUserId: 'u 1/2', size: '5', sort: '' },
    body: '{"a":2}',
  };

  it('fills the path (encoded), sends the filled query parameters, the bearer token and the body as typed', () => {
    expect(buildRequest(create, typed)).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:4010/users/u%201%2F2/things?size=5',
      headers: { Authorization: 'Bearer sandbox-abc', 'Content-Type': 'application/json' },
      body: '{"a":2}',
    });
  });

  it('puts the loopback base path in front and sends no token where none is wanted', () => {
    const signIn = { ...create, path: '/authenticate', basePath: '/api', parameters: [], bearer: false };
    expect(buildRequest(signIn, { ...typed, token: '' })).toMatchObject({
      url: 'http://127.0.0.1:4010/api/authenticate',
      headers: { 'Content-Type': 'application/json' },
    });
  });

  it.each([
    ['a non-loopback target', { target: 'https://api.withleaf.io' }, /Only loopback/],
    ['a missing required parameter', { parameters: { leafUserId: '' } }, /leafUserId is required/],
    ['a missing token', { token: ' ' }, /bearer token is required/],
  ])('refuses %s, sending nothing', (_case, change, reason) => {
    const request = buildRequest(create, { ...typed, ...change });
    expect((request as { refused: string }).refused).toMatch(reason);
  });
});

describe('curlCommand', () => {
  const request: TryItRequest = {
    method: 'POST',
    url: 'http://127.0.0.1:4010/users/u/things?size=5&sort=a,desc',
    headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
    body: `{"name": "it's $HOME \`x\` \\n"}`,
  };

  it('is a command a shell runs into exactly the method, URL, headers and body sent', () => {
    // `printf` stands in for curl: the shell hands it each word as curl would get it.
    const command = curlCommand(request).replace(/^curl/, "printf '%s\\n'");
    const words = spawnSync('sh', ['-c', command], { encoding: 'utf8' }).stdout.split('\n').slice(0, -1);
    expect(words).toEqual([
      '-i',
      '-X',
      'POST',
      request.url,
      '-H',
      'Authorization: Bearer t',
      '-H',
      'Content-Type: application/json',
      '--data-raw',
      request.body,
    ]);
  });

  it('has no body option when nothing was sent', () => {
    expect(curlCommand({ method: 'GET', url: 'http://127.0.0.1:4010/x', headers: {} })).toBe(
      "curl -i -X GET 'http://127.0.0.1:4010/x'",
    );
  });
});

describe('formatBody', () => {
  it.each([
    ['{"a":[1,{"b":null}]}', '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}'],
    ['not json', 'not json'],
    ['', ''],
  ])('shows %j as %j', (text, shown) => {
    expect(formatBody(text)).toBe(shown);
  });
});
