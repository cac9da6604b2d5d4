/**
 * The mock answers every invalid request with application/problem+json that
 * names what was wrong, and valid ones with the spec's examples.
 */
import { describe, expect, inject, it } from 'vitest';

const mockUrl = inject('mockUrl');
const LEAF_USER_ID = '5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f';
const TRIMBLE = `/users/${LEAF_USER_ID}/trimble-credentials`;
const AUTH = { authorization: 'Bearer test.token.value' };
const JSON_BODY = { ...AUTH, 'content-type': 'application/json' };

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(new URL(path, mockUrl), init);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

describe('valid requests', () => {
  it('answers GET with the documented example', async () => {
    const reply = await call(TRIMBLE, { headers: AUTH });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'OK', createdTime: '2023-05-10T14:03:11.123456Z' });
  });

  it('answers DELETE with 204 and no body', async () => {
    const reply = await call(TRIMBLE, { method: 'DELETE', headers: AUTH });
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
  });

  it('answers a CORS preflight', async () => {
    const reply = await call(TRIMBLE, { method: 'OPTIONS' });
    expect(reply.status).toBe(204);
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('invalid requests get problem+json naming the field', () => {
  it('rejects a request without a token with 401 naming the Authorization header', async () => {
    const reply = await call(TRIMBLE);
    expect(reply.status).toBe(401);
    expect(reply.contentType).toBe('application/problem+json');
    expect(reply.headers.get('www-authenticate')).toBe('Bearer');
    expect(reply.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(reply.body.fieldErrors[0].field).toBe('Authorization');
  });

  it('rejects a non-bearer or malformed token with 401', async () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer two words', 'Bearer tok"en']) {
      const reply = await call(TRIMBLE, { headers: { authorization } });
      expect(reply.status, authorization).toBe(401);
      expect(reply.contentType).toBe('application/problem+json');
    }
  });

  it('rejects a non-uuid leafUserId with 400 naming leafUserId', async () => {
    const reply = await call('/users/not-a-uuid/trimble-credentials', { headers: AUTH });
    expect(reply.status).toBe(400);
    expect(reply.contentType).toBe('application/problem+json');
    expect(reply.body.fieldErrors).toEqual([expect.objectContaining({ objectName: 'path', field: 'leafUserId' })]);
    expect(reply.body.detail).toContain('leafUserId');
  });

  it('rejects a create body without clientSecret with a 400 naming the field', async () => {
    const reply = await call(TRIMBLE, {
      method: 'POST',
      headers: JSON_BODY,
      body: JSON.stringify({ clientId: 'id', refreshToken: 'token' }),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.fieldErrors).toEqual([expect.objectContaining({ objectName: 'body', field: 'clientSecret' })]);
    expect(reply.body.detail).toContain('clientSecret');
  });

  it('rejects an unknown body field with a 400 naming it', async () => {
    const reply = await call(TRIMBLE, {
      method: 'POST',
      headers: JSON_BODY,
      body: JSON.stringify({ clientId: 'id', clientSecret: 's', refreshToken: 't', extra: true }),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.fieldErrors).toEqual([expect.objectContaining({ field: 'extra' })]);
  });

  it('rejects a field of the wrong type with a 400 naming it', async () => {
    const reply = await call(TRIMBLE, {
      method: 'POST',
      headers: JSON_BODY,
      body: JSON.stringify({ clientId: 42, clientSecret: 's', refreshToken: 't' }),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.fieldErrors).toEqual([expect.objectContaining({ field: 'clientId' })]);
  });

  it('rejects malformed JSON with a 400 problem, not a bare error', async () => {
    const reply = await call(TRIMBLE, { method: 'POST', headers: JSON_BODY, body: '{"clientId": ' });
    expect(reply.status).toBe(400);
    expect(reply.contentType).toBe('application/problem+json');
    expect(reply.body.detail).toMatch(/not valid JSON/);
  });

  it('rejects a missing body with a 400 naming the body', async () => {
    const reply = await call(TRIMBLE, { method: 'POST', headers: JSON_BODY });
    expect(reply.status).toBe(400);
    expect(reply.body.fieldErrors).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it('rejects a form-encoded body with 415 naming Content-Type', async () => {
    const reply = await call(TRIMBLE, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' },
      body: '{"clientId":"a","clientSecret":"b","refreshToken":"c"}',
    });
    expect(reply.status).toBe(415);
    expect(reply.body.fieldErrors[0].field).toBe('Content-Type');
  });

  it('answers an unknown path with 404 and an undocumented method with 405', async () => {
    expect((await call(`/users/${LEAF_USER_ID}/nothing`, { headers: AUTH })).status).toBe(404);
    const put = await call(TRIMBLE, { method: 'PUT', headers: AUTH });
    expect(put.status).toBe(405);
    expect(put.contentType).toBe('application/problem+json');
  });
});
