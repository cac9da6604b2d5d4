/**
 * Contract tests: every operation in the spec, called through the generated
 * client against the real mock, answers with what the spec documents.
 */
import { describe, expect, inject, it } from 'vitest';
import { listOperations } from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import { createLeafCredentialsClient, type TrimbleCredentialsCreate } from '../src/index.js';
import { CREATE_BODIES } from './support/stub-fetch.js';

const baseUrl = inject('mockUrl');
const client = createLeafCredentialsClient({ baseUrl, token: 'contract.test.token' }).raw;
const validator = createResponseValidator();
const leafUserId = '5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f';

const expectedStatus = { get: 200, post: 201, delete: 204 } as const;

async function callOperation(operationId: string, method: string, path: string) {
  const params = { path: { leafUserId } };
  // The generated types make each call site precise; here the table of
  // operations comes from the spec at run time, so the call is widened.
  const untyped = client as unknown as Record<string, (path: string, init: object) => Promise<{ response: Response; data?: unknown; error?: unknown }>>;
  const init = method === 'post' ? { params, body: CREATE_BODIES[operationId as keyof typeof CREATE_BODIES] } : { params };
  return untyped[method.toUpperCase()]!(path, init);
}

const operations = listOperations();

describe('every operation answers as the spec documents', () => {
  it('covers all nine operations of the two providers', () => {
    expect(operations.map((operation) => operation.operationId).sort()).toEqual([
      'createClimateFieldViewCredentials',
      'createTrimbleCredentials',
      'deleteClimateFieldViewCredentials',
      'deleteTrimbleCredentials',
      'getClimateFieldViewCredentialEvents',
      'getClimateFieldViewCredentialStatus',
      'getClimateFieldViewCredentials',
      'getTrimbleCredentialEvents',
      'getTrimbleCredentials',
    ]);
  });

  for (const { operationId, method, path } of operations) {
    it(`${operationId}: ${method.toUpperCase()} ${path}`, async () => {
      const { response, data } = await callOperation(operationId, method, path);
      const status = expectedStatus[method as keyof typeof expectedStatus];
      expect(response.status).toBe(status);
      const check = validator.check(method, path, response.status, response.headers.get('content-type'), data);
      expect(check.errors).toEqual([]);
      if (status !== 204) expect(data).toBeDefined();
    });
  }
});

describe('errors are problem+json as documented', () => {
  const path = '/users/{leafUserId}/trimble-credentials';

  it('answers 401 without a token', async () => {
    // The per-call `Authorization: null` unsets the client's header (an empty token is refused up front).
    const anonymous = createLeafCredentialsClient({ baseUrl, token: 'contract.test.token' }).raw;
    const { response, error } = await anonymous.GET(path, { params: { path: { leafUserId } }, headers: { Authorization: null } });
    expect(response.status).toBe(401);
    expect(validator.check('get', path, 401, response.headers.get('content-type'), error).errors).toEqual([]);
  });

  it('answers 400 naming clientSecret when the create body lacks it', async () => {
    const body = { clientId: 'id', refreshToken: 'token' } as unknown as TrimbleCredentialsCreate;
    const { response, error } = await client.POST(path, { params: { path: { leafUserId } }, body });
    expect(response.status).toBe(400);
    expect(validator.check('post', path, 400, response.headers.get('content-type'), error).errors).toEqual([]);
    expect(error).toMatchObject({ status: 400, fieldErrors: [expect.objectContaining({ field: 'clientSecret' })] });
  });

  it('answers 400 naming leafUserId when it is not a uuid', async () => {
    const { response, error } = await client.GET('/users/{leafUserId}/climate-field-view-credentials/status', {
      params: { path: { leafUserId: 'not-a-uuid' } },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ fieldErrors: [expect.objectContaining({ field: 'leafUserId' })] });
  });
});
