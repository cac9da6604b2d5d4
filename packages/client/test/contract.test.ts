/**
 * Contract tests: every operation in the spec, called through the generated
 * client against the real mock, answers with what the spec documents.
 */
import { describe, expect, inject, it } from 'vitest';
import { listOperations, successStatus } from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import { createLeafCredentialsClient, type TrimbleCredentialsCreate } from '../src/index.js';
import type { OPERATIONS } from '../src/generated/operations.js';
import { CREATE_BODIES, LEAF_USER_ID } from './support/stub-fetch.js';

const baseUrl = inject('mockUrl');
const client = createLeafCredentialsClient({ baseUrl, token: 'contract.test.token' }).raw;
const validator = createResponseValidator();
const params = { path: { leafUserId: LEAF_USER_ID } };

/**
 * One typed call per operation, written out so the generated types check each path, method
 * and body; `satisfies` fails the build when the spec gains an operation this table lacks.
 */
const calls = {
  getTrimbleCredentials: () => client.GET('/users/{leafUserId}/trimble-credentials', { params }),
  createTrimbleCredentials: () =>
    client.POST('/users/{leafUserId}/trimble-credentials', { params, body: CREATE_BODIES.createTrimbleCredentials }),
  deleteTrimbleCredentials: () => client.DELETE('/users/{leafUserId}/trimble-credentials', { params }),
  getTrimbleCredentialEvents: () => client.GET('/users/{leafUserId}/trimble-credentials/events', { params }),
  getClimateFieldViewCredentials: () => client.GET('/users/{leafUserId}/climate-field-view-credentials', { params }),
  createClimateFieldViewCredentials: () =>
    client.POST('/users/{leafUserId}/climate-field-view-credentials', {
      params,
      body: CREATE_BODIES.createClimateFieldViewCredentials,
    }),
  deleteClimateFieldViewCredentials: () => client.DELETE('/users/{leafUserId}/climate-field-view-credentials', { params }),
  getClimateFieldViewCredentialStatus: () =>
    client.GET('/users/{leafUserId}/climate-field-view-credentials/status', { params }),
  getClimateFieldViewCredentialEvents: () =>
    client.GET('/users/{leafUserId}/climate-field-view-credentials/events', { params }),
} satisfies Record<keyof typeof OPERATIONS, () => Promise<{ response: Response; data?: unknown; error?: unknown }>>;

const operations = listOperations();

describe('every operation answers as the spec documents', () => {
  it('has a typed call for exactly the operations of the spec', () => {
    expect(Object.keys(calls).sort()).toEqual(operations.map((operation) => operation.operationId).sort());
  });

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

  for (const operation of operations) {
    const { operationId, method, path } = operation;
    it(`${operationId}: ${method.toUpperCase()} ${path}`, async () => {
      const call = calls[operationId as keyof typeof calls];
      expect(call, `a typed call for ${operationId}`).toBeDefined();
      const { response, data } = await call();
      const status = successStatus(operation);
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
    const { response, error } = await anonymous.GET(path, { params, headers: { Authorization: null } });
    expect(response.status).toBe(401);
    expect(validator.check('get', path, 401, response.headers.get('content-type'), error).errors).toEqual([]);
  });

  it('answers 400 naming clientSecret when the create body lacks it', async () => {
    const body = { clientId: 'id', refreshToken: 'token' } as unknown as TrimbleCredentialsCreate;
    const { response, error } = await client.POST(path, { params, body });
    expect(response.status).toBe(400);
    expect(validator.check('post', path, 400, response.headers.get('content-type'), error).errors).toEqual([]);
    expect(error).toMatchObject({ status: 400, fieldErrors: [expect.objectContaining({ field: 'clientSecret' })] });
  });

  it('answers 400 naming leafUserId when it is not a uuid', async () => {
    const { response, error } = await client.GET('/users/{leafUserId}/climate-field-view-credentials/status', {
      params: { path: { leafUserId: 'not-a-uuid' } },
    });
    expect(response.status).toBe(400);
    const check = validator.check('get', '/users/{leafUserId}/climate-field-view-credentials/status', 400, response.headers.get('content-type'), error);
    expect(check.errors).toEqual([]);
    expect(error).toMatchObject({ fieldErrors: [expect.objectContaining({ field: 'leafUserId' })] });
  });
});
