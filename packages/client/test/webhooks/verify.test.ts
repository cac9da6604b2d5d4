/**
 * verifyLeafSignature against signatures made with node:crypto (an independent
 * HMAC): over the raw bytes, and over Leaf's serialization of the parsed body
 * (what Leaf's documented Python check computes).
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyLeafSignature } from '../../src/webhooks/index.js';

const SECRET = 'sandbox-webhook-secret';
const sign = (body: string | Uint8Array, secret = SECRET) => createHmac('sha256', secret).update(body).digest('base64');

const ALERT = {
  credential: 'client-1',
  provider: 'JohnDeere',
  credentialId: 'c-1',
  message: 'Bad credentials: ünïcode – and "quotes"\n',
  status: 'UNAUTHENTICATED',
  type: 'credentialsUnauthenticated',
  timestamp: '2026-04-21T12:16:27.997586Z',
};
// What Python's json.dumps(ALERT) writes: `: ` and `, `, non-ASCII as \uXXXX.
const PYTHON_TEXT =
  '{"credential": "client-1", "provider": "JohnDeere", "credentialId": "c-1", "message": "Bad credentials: \\u00fcn\\u00efcode \\u2013 and \\"quotes\\"\\n", "status": "UNAUTHENTICATED", "type": "credentialsUnauthenticated", "timestamp": "2026-04-21T12:16:27.997586Z"}';
const PRETTY = JSON.stringify(ALERT, null, 2);

describe('verifyLeafSignature', () => {
  const cases: Array<[string, string | Uint8Array, string | null | undefined, string, boolean]> = [
    ['raw bytes, signed as sent (Leaf serialization)', PYTHON_TEXT, sign(PYTHON_TEXT), SECRET, true],
    ['raw bytes as a Uint8Array', new TextEncoder().encode(PYTHON_TEXT), sign(PYTHON_TEXT), SECRET, true],
    ['a re-indented body whose Leaf serialization was signed', PRETTY, sign(PYTHON_TEXT), SECRET, true],
    ['compact JSON signed as sent', JSON.stringify(ALERT), sign(JSON.stringify(ALERT)), SECRET, true],
    ['a wrong secret', PYTHON_TEXT, sign(PYTHON_TEXT, 'another-secret'), SECRET, false],
    ['a tampered body', PYTHON_TEXT.replace('UNAUTHENTICATED', 'OK'), sign(PYTHON_TEXT), SECRET, false],
    ['a missing header', PYTHON_TEXT, undefined, SECRET, false],
    ['an empty header', PYTHON_TEXT, '', SECRET, false],
    ['a header that is not base64', PYTHON_TEXT, '%%%not base64%%%', SECRET, false],
    ['a truncated signature', PYTHON_TEXT, sign(PYTHON_TEXT).slice(0, 20), SECRET, false],
    ['a body that is not JSON, signed', 'not json {', sign('not json {'), SECRET, true],
    ['a body that is not JSON, unsigned', 'not json {', sign('other'), SECRET, false],
    ['an empty secret', PYTHON_TEXT, sign(PYTHON_TEXT), '', false],
  ];
  it.each(cases)('%s → %s', async (_name, body, header, secret, expected) => {
    await expect(verifyLeafSignature(body, header, secret)).resolves.toBe(expected);
  });

  it('refuses a body or secret of the wrong type with false, never a TypeError', async () => {
    await expect(verifyLeafSignature(42 as never, sign('42'), SECRET)).resolves.toBe(false);
    await expect(verifyLeafSignature(PYTHON_TEXT, sign(PYTHON_TEXT), undefined as never)).resolves.toBe(false);
  });
});
