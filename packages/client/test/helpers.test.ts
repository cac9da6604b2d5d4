/**
 * The per-provider helpers against the real mock: each returns the body the
 * spec documents, and each non-2xx becomes a LeafApiError naming the problem.
 */

import { specModel } from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import { describe, expect, expectTypeOf, inject, it } from 'vitest';
import { OPERATIONS } from '../src/generated/operations.js';
import {
  type ClimateFieldViewCredentials,
  type CredentialEvent,
  type CredentialStatusReport,
  createLeafCredentialsClient,
  LeafApiError,
  LeafAuthError,
  LeafRequestError,
  type OperationRef,
  type Page,
  type TrimbleCredentials,
  type TrimbleCredentialsCreate,
} from '../src/index.js';
import { everyHelperCall, LEAF_USER_ID } from './support/stub-fetch.js';

const baseUrl = inject('mockUrl');
const client = createLeafCredentialsClient({ baseUrl, token: 'helpers.test.token', retry: false });
const validator = createResponseValidator();

describe('every helper returns the body the spec documents', () => {
  it('has one helper per operation of a provider (x-leaf-helper) in the spec', () => {
    const providerOperations = specModel()
      .operations.filter((operation) => operation.resource.kind === 'provider')
      .map((operation) => operation.source);
    expect(
      everyHelperCall(client)
        .map(({ id }) => id)
        .sort(),
    ).toEqual(providerOperations.map(({ operationId }) => operationId).sort());
  });

  for (const { label, name, id, call } of everyHelperCall(client)) {
    const { method, path, responseBody }: OperationRef = OPERATIONS[id];
    const what = name === 'events' ? 'a page of the JSON body' : responseBody ? 'the JSON body' : 'the empty body';
    it(`${label} resolves to ${what} of ${method} ${path}`, async () => {
      const result = await call();
      const body = name === 'events' ? (result as Page<unknown>).items : result;
      if (!responseBody) {
        expect(body).toBeUndefined();
        return;
      }
      const status = method === 'POST' ? 201 : 200;
      expect(validator.check(method.toLowerCase(), path, status, 'application/json', body).errors).toEqual([]);
    });
  }

  it('types each helper result as the schema type', () => {
    expectTypeOf(client.trimble.get).returns.resolves.toEqualTypeOf<TrimbleCredentials>();
    expectTypeOf(client.trimble.create).parameter(1).toEqualTypeOf<TrimbleCredentialsCreate>();
    expectTypeOf(client.trimble.delete).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(client.climateFieldView.get).returns.resolves.toEqualTypeOf<ClimateFieldViewCredentials>();
    expectTypeOf(client.climateFieldView.status).returns.resolves.toEqualTypeOf<CredentialStatusReport>();
    expectTypeOf(client.climateFieldView.events).returns.resolves.toEqualTypeOf<Page<CredentialEvent>>();
  });

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
      await expect(client[provider].waitUntilHealthy(LEAF_USER_ID, { timeoutMs: 5_000 })).resolves.toMatchObject({
        status: 'OK',
        clientId: expect.any(String),
      });
    });
  }

  it('leaves the non-throwing openapi-fetch style to client.raw', async () => {
    const { data, error, response } = await client.raw.POST('/users/{leafUserId}/trimble-credentials', {
      params: { path: { leafUserId: LEAF_USER_ID } },
      body: { clientId: 'id' } as never,
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ status: 400 });
  });
});

describe('a non-2xx answer becomes a LeafApiError', () => {
  it('rejects a Trimble create body without clientSecret with a one-line message naming the field', async () => {
    const body = { clientId: 'id', refreshToken: 'refresh-token-value' } as unknown as TrimbleCredentialsCreate;
    const error = await client.trimble.create(LEAF_USER_ID, body).catch((caught: unknown) => caught);
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
    const error = (await client.climateFieldView
      .status('not-a-uuid')
      .catch((caught: unknown) => caught)) as LeafRequestError;
    expect(error).toBeInstanceOf(LeafRequestError);
    expect(error.message).toBe(
      'GET /users/{leafUserId}/climate-field-view-credentials/status failed: could not make the request: path parameter leafUserId must be a UUID, not "not-a-uuid"',
    );
  });
});
