/**
 * Contract tests: every operation in the spec, called through the generated
 * client (raw and every helper) against the real mock, answers with what the
 * spec documents, and the mock's errors become the client's typed errors. The
 * operations come from the client's generated tables (OPERATIONS, and
 * PROVIDER_OPERATIONS for the helpers), which the spec generates: a provider
 * added to the spec is covered here without an edit.
 */

import {
  listOperations,
  listProviders,
  localBasePath,
  readBundledSpec,
  requestBodyExample,
  type SpecOperation,
  successStatus,
} from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import createClient from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import { OPERATIONS } from '../src/generated/operations.js';
import {
  createLeafCredentialsClient,
  LeafApiError,
  LeafAuthError,
  LeafRequestError,
  type paths,
  type TrimbleCredentialsCreate,
} from '../src/index.js';
import { LEAF_USER_ID, PROVIDER_OPERATIONS } from './support/stub-fetch.js';

const baseUrl = inject('mockUrl');
const leaf = createLeafCredentialsClient({ baseUrl, token: 'contract.test.token' });
const client = leaf.raw;
const spec = readBundledSpec();
const validator = createResponseValidator(spec);
/** Every path parameter of the spec (leafUserId, webhookId, …) at its example; leafUserId at the mock's user. */
const pathExamples = Object.fromEntries(
  Object.values(spec.components?.parameters ?? {})
    .map((parameter) => parameter as { name: string; in: string; example?: unknown })
    .filter((parameter) => parameter.in === 'path')
    .map((parameter) => [parameter.name, parameter.example]),
);
const params = { path: { ...pathExamples, leafUserId: LEAF_USER_ID } };
const operations = listOperations(spec);

type OperationId = keyof typeof OPERATIONS;
type RawResult = { response: Response; data?: unknown; error?: unknown };
type RawCall = (path: string, init: { params: typeof params; body?: unknown; baseUrl: string }) => Promise<RawResult>;

/**
 * The operation as the generated table has it, sent through openapi-fetch with the spec's
 * example body, under the path its local server adds (authenticate: `/api`).
 */
function callRaw(operation: SpecOperation): Promise<RawResult> {
  const { method, path } = OPERATIONS[operation.operationId as OperationId];
  const send = (client as unknown as Record<string, RawCall>)[method]!;
  const body = requestBodyExample(spec, operation);
  return send(path, {
    params,
    baseUrl: `${baseUrl}${localBasePath(spec, operation)}`,
    ...(body === undefined ? {} : { body }),
  });
}

function operationNamed(operationId: string): SpecOperation {
  const operation = operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`${operationId} is in the client's tables but not in the spec.`);
  return operation;
}

describe("the generated tables are the spec's operations", () => {
  it('OPERATIONS lists exactly the operations of the spec, with their method and path', () => {
    const fromSpec = Object.fromEntries(
      operations.map(({ operationId, method, path }) => [operationId, { method: method.toUpperCase(), path }]),
    );
    const generated = Object.fromEntries(
      Object.entries(OPERATIONS).map(([operationId, { method, path }]) => [operationId, { method, path }]),
    );
    expect(generated).toEqual(fromSpec);
  });

  it('PROVIDER_OPERATIONS has a helper for every provider operation the spec tags (x-leaf-provider, x-leaf-helper)', () => {
    const fromSpec = Object.fromEntries(
      listProviders(spec).map((provider) => [provider.property, provider.operations]),
    );
    expect(fromSpec).not.toEqual({});
    expect(PROVIDER_OPERATIONS).toEqual(fromSpec);
  });
});

describe('every operation answers as the spec documents', () => {
  for (const operation of operations) {
    const { operationId, method, path } = operation;
    it(`${operationId}: ${method.toUpperCase()} ${path}`, async () => {
      const { response, data } = await callRaw(operation);
      const status = successStatus(operation);
      expect(response.status).toBe(status);
      const check = validator.check(method, path, response.status, response.headers.get('content-type'), data);
      expect(check.errors).toEqual([]);
      if (status !== 204) expect(data).toBeDefined();
    });
  }
});

type Helper = (leafUserId: string, ...args: unknown[]) => Promise<unknown>;

describe('every provider helper answers as the spec documents', () => {
  const helpers = Object.entries(PROVIDER_OPERATIONS).flatMap(([provider, table]) =>
    Object.entries(table).map(([helper, operationId]) => ({
      provider,
      helper,
      operation: operationNamed(operationId),
    })),
  );

  for (const { provider, helper, operation } of helpers) {
    const { operationId, method, path } = operation;
    it(`leaf.${provider}.${helper} (${operationId})`, async () => {
      const call = (leaf as unknown as Record<string, Record<string, Helper>>)[provider]![helper]!;
      const body = requestBodyExample(spec, operation);
      const returned = await (body === undefined ? call(LEAF_USER_ID) : call(LEAF_USER_ID, body));
      // An events helper resolves to a page: its items are the response body.
      const result = helper === 'events' ? (returned as { items: unknown[] }).items : returned;
      const status = successStatus(operation);
      const contentType = status === 204 ? null : 'application/json';
      expect(validator.check(method, path, status, contentType, result).errors).toEqual([]);
    });
  }
});

describe('signing in', () => {
  it('leaf.authenticate() with auth: { username, password } gets a token from the authenticate operation', async () => {
    const authenticate = operations.find((operation) => operation.operation['x-leaf-helper'] === 'authenticate');
    expect(authenticate, 'the authenticate operation').toBeDefined();
    const { username, password } = requestBodyExample(spec, authenticate!) as { username: string; password: string };
    const signedIn = createLeafCredentialsClient({ baseUrl, auth: { username, password } });
    const { expiresAt } = await signedIn.authenticate();
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
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

  it('answers 400 naming leafUserId when it is not a uuid (sent with bare openapi-fetch: the client refuses it unsent)', async () => {
    const bare = createClient<paths>({ baseUrl, headers: { Authorization: 'Bearer contract.test.token' } });
    const { response, error } = await bare.GET('/users/{leafUserId}/climate-field-view-credentials/status', {
      params: { path: { leafUserId: 'not-a-uuid' } },
    });
    expect(response.status).toBe(400);
    const check = validator.check(
      'get',
      '/users/{leafUserId}/climate-field-view-credentials/status',
      400,
      response.headers.get('content-type'),
      error,
    );
    expect(check.errors).toEqual([]);
    expect(error).toMatchObject({ fieldErrors: [expect.objectContaining({ field: 'leafUserId' })] });
  });
});

describe('the helpers against the mock', () => {
  it('reads the token from an async function before each request', async () => {
    let calls = 0;
    const refreshing = createLeafCredentialsClient({
      baseUrl,
      token: async () => `refreshed.token.${++calls}`,
    });
    await refreshing.trimble.get(LEAF_USER_ID);
    await refreshing.climateFieldView.status(LEAF_USER_ID);
    expect(calls).toBe(2);
  });

  for (const provider of ['trimble', 'climateFieldView'] as const) {
    it(`waits until ${provider} credentials are healthy, resolving to them (the mock answers OK)`, async () => {
      await expect(leaf[provider].waitUntilHealthy(LEAF_USER_ID, { timeoutMs: 5_000 })).resolves.toMatchObject({
        status: 'OK',
        clientId: expect.any(String),
      });
    });
  }

  it('leaves the non-throwing openapi-fetch style to client.raw', async () => {
    const { data, error, response } = await leaf.raw.POST('/users/{leafUserId}/trimble-credentials', {
      params: { path: { leafUserId: LEAF_USER_ID } },
      body: { clientId: 'id' } as never,
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ status: 400 });
  });
});

describe('a non-2xx answer from the mock becomes a LeafApiError', () => {
  it('rejects a Trimble create body without clientSecret with a one-line message naming the field', async () => {
    const body = { clientId: 'id', refreshToken: 'refresh-token-value' } as unknown as TrimbleCredentialsCreate;
    const error = await leaf.trimble.create(LEAF_USER_ID, body).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LeafApiError);
    const apiError = error as LeafApiError;
    expect(apiError.message).toBe(
      "POST /users/{leafUserId}/trimble-credentials failed: 400 Bad Request — body must have required property 'clientSecret'",
    );
    expect(apiError.message).not.toContain('\n');
    expect(apiError.status).toBe(400);
    expect(apiError.operation).toBe('POST /users/{leafUserId}/trimble-credentials');
    expect(apiError.problem.fieldErrors).toEqual([expect.objectContaining({ field: 'clientSecret' })]);
  });

  it('refuses a token that is not RFC 6750 b64token before sending, the rule the mock applies too', async () => {
    // A valid header value, but the mock would answer it with a 401: the client and mock share one rule.
    expect(() => createLeafCredentialsClient({ baseUrl, token: 'not@a#jwt' })).toThrow(LeafAuthError);
    const reply = await fetch(`${baseUrl}/users/${LEAF_USER_ID}/trimble-credentials`, {
      headers: { authorization: 'Bearer not@a#jwt' },
    });
    expect(reply.status).toBe(401);
  });

  it('refuses a leafUserId that is not a uuid with a LeafRequestError naming leafUserId (the mock would answer 400)', async () => {
    const error = (await leaf.climateFieldView
      .status('not-a-uuid')
      .catch((caught: unknown) => caught)) as LeafRequestError;
    expect(error).toBeInstanceOf(LeafRequestError);
    expect(error.message).toBe(
      'GET /users/{leafUserId}/climate-field-view-credentials/status failed: could not make the request: path parameter leafUserId must be a UUID, not "not-a-uuid"',
    );
  });
});
