/** Where the sandbox sends webhooks, and how it signs them (the text it signs: spec/test/leaf-json.test.ts). */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureOf, urlRefusal } from '../../src/sandbox/webhooks-delivery.js';

describe('urlRefusal', () => {
  const loopbackOnly = { allowedHosts: new Set<string>() };
  it.each([
    ['an IPv4 loopback address', 'http://127.0.0.1:9/hook', undefined],
    ['another 127/8 address', 'http://127.8.9.10/hook', undefined],
    ['the IPv6 loopback address', 'http://[::1]:9/hook', undefined],
    ['localhost (resolves to loopback)', 'http://localhost:9/hook', undefined],
    ['a reserved example domain (recorded, never sent)', 'https://example.com/leaf', undefined],
    ['a documentation address', 'http://192.0.2.10/hook', 'neither'],
    ['a private address', 'http://10.0.0.1/hook', 'neither'],
    ['an IPv4-mapped private address', 'http://[::ffff:10.0.0.1]/hook', 'neither'],
    ['a name that does not resolve', 'http://leaf-alerts.invalid/hook', 'does not resolve'],
    ['another scheme', 'ftp://127.0.0.1/hook', 'http:// or https://'],
  ])('%s: %s', async (_name, url, refusal) => {
    const reason = await urlRefusal(new URL(url), loopbackOnly);
    if (refusal === undefined) expect(reason).toBeUndefined();
    else expect(reason).toContain(refusal);
  });

  it('lets the hosts of --webhook-allow through, and only them', async () => {
    const policy = { allowedHosts: new Set(['hooks.internal']) };
    expect(await urlRefusal(new URL('https://hooks.internal/leaf'), policy)).toBeUndefined();
    expect(await urlRefusal(new URL('http://192.0.2.10/leaf'), policy)).toContain('neither');
  });
});

describe('the signature', () => {
  it('signs it with HMAC-SHA256, base64', () => {
    expect(signatureOf('{"a": 1}', 'key')).toBe(createHmac('sha256', 'key').update('{"a": 1}').digest('base64'));
  });
});
