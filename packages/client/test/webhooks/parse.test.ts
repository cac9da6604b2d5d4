/** parseLeafAlert: verified, typed alerts, or one LeafWebhookError saying why not. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LeafWebhookError, leafJson, parseLeafAlert } from '../../src/webhooks/index.js';

const SECRET = 'sandbox-webhook-secret';
const signed = (value: unknown) => {
  const body = typeof value === 'string' ? value : leafJson(value);
  return { body, signature: createHmac('sha256', SECRET).update(body).digest('base64') };
};
const alert = (type: string, status: string) => ({
  credential: 'client-1',
  provider: 'JohnDeere',
  credentialId: 'c-1',
  message: 'changed',
  status,
  type,
  timestamp: '2026-04-21T12:16:27.997586Z',
});

describe('parseLeafAlert', () => {
  it.each([
    ['credentialsUnauthenticated', alert('credentialsUnauthenticated', 'UNAUTHENTICATED')],
    ['credentialsLimitedPermission', alert('credentialsLimitedPermission', 'MISSING_PERMISSION')],
    ['the registration confirmation', { message: 'confirmation of webhook upon registration' }],
    ['an alert with a member Leaf added later', { ...alert('credentialsUnauthenticated', 'X'), leafUserId: 'u' }],
  ])('returns %s as sent', async (_name, value) => {
    const { body, signature } = signed(value);
    await expect(parseLeafAlert(body, signature, SECRET)).resolves.toEqual(value);
  });

  const good = signed(alert('credentialsUnauthenticated', 'UNAUTHENTICATED'));
  it.each([
    ['no signature', good.body, undefined, 'bad-signature'],
    ['a signature that is not a SHA-256 digest', good.body, 'c2hvcnQ=', 'bad-signature'],
    ['a tampered body', good.body.replace('client-1', 'client-2'), good.signature, 'tampered'],
    ['another secret', good.body, signed('x').signature.replace(/^./, 'A'), 'tampered'],
    ['a body that is not JSON', signed('not json').body, signed('not json').signature, 'not-json'],
    ['a JSON array', signed('[1]').body, signed('[1]').signature, 'not-json'],
    ['an event it does not know', ...Object.values(signed({ ...alert('fieldCreated', 'OK') })), 'unknown-type'],
    ['no type and no confirmation', ...Object.values(signed({ message: 'hello' })), 'unknown-type'],
    [
      'a credential alert without credentialId',
      ...Object.values(signed({ ...alert('credentialsUnauthenticated', 'X'), credentialId: 5 })),
      'invalid-alert',
    ],
  ] as Array<[string, string, string | undefined, string]>)(
    'throws LeafWebhookError for %s (%s)',
    async (_name, body, signature, reason) => {
      const failure = await parseLeafAlert(body, signature, SECRET).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(LeafWebhookError);
      expect((failure as LeafWebhookError).reason).toBe(reason);
      expect((failure as Error).message).not.toContain(SECRET);
    },
  );

  it('never names the secret, even when the body quotes it', async () => {
    const { body, signature } = signed({ ...alert('unknownThing', 'X'), message: SECRET });
    const failure = (await parseLeafAlert(body, signature, SECRET).catch((error: unknown) => error)) as Error;
    expect(JSON.stringify((failure as LeafWebhookError).toJSON())).not.toContain(SECRET);
  });
});
