/**
 * The client trusts no response shape: a success body must be what the spec's
 * success schema says at its top level (an object carrying the required fields,
 * each of its JSON type; a list an array of such objects). Anything else is a
 * LeafInvalidResponseError — from helpers and raw alike, never a bare TypeError.
 */
import { readBundledSpec, resolveRef } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { createLeafCredentialsClient, LeafInvalidResponseError } from '../src/index.js';
import { jsonResponse, LEAF_USER_ID, stubFetch, TEST_BASE_URL } from './support/stub-fetch.js';

const spec = readBundledSpec();
const schema = (name: string) => resolveRef(spec, { $ref: `#/components/schemas/${name}` }) as { example: object };
const trimbleCredentials = schema('TrimbleCredentials').example as Record<string, unknown>;
const event = schema('CredentialEvent').example as Record<string, unknown>;

const clientAnswering = (body: unknown, headers: Record<string, string> = {}) => {
  const fetch = stubFetch(
    typeof body === 'string' ? new Response(body, { status: 200 }) : jsonResponse(body, 200, headers),
  );
  return createLeafCredentialsClient({ baseUrl: TEST_BASE_URL, token: 'checks.test.token', fetch, retry: false });
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('a resource is an object carrying its schema’s required fields, each of its type', () => {
  const wrong: [string, unknown][] = [
    ['an empty object', {}],
    ['a JSON string', 'just text'],
    ['a JSON number', 42],
    ['null', null],
    ['an array', [trimbleCredentials]],
    ['a required field missing', { ...trimbleCredentials, clientId: undefined }],
    ['the status a number', { ...trimbleCredentials, status: 3 }],
    ['the token metadata a string', { ...trimbleCredentials, tokenMetadata: 'scopes' }],
  ];
  for (const [label, body] of wrong) {
    it(`get answered 200 with ${label}: LeafInvalidResponseError`, async () => {
      const error = await failure(clientAnswering(JSON.stringify(body)).trimble.get(LEAF_USER_ID));
      expect(error).toBeInstanceOf(LeafInvalidResponseError);
      expect(error).toMatchObject({ status: 200, operation: 'GET /users/{leafUserId}/trimble-credentials' });
    });
  }

  it('names what is wrong, without quoting a value', async () => {
    const error = await failure(clientAnswering({ ...trimbleCredentials, clientSecret: 7 }).trimble.get(LEAF_USER_ID));
    expect((error as Error).message).toBe(
      'GET /users/{leafUserId}/trimble-credentials failed: 200 response does not match the spec: clientSecret must be a string',
    );
  });

  it('resolves to the body when it matches, with fields the spec does not list kept', async () => {
    const body = { ...trimbleCredentials, addedByLeafLater: true };
    await expect(clientAnswering(body).trimble.get(LEAF_USER_ID)).resolves.toEqual(body);
  });

  it('applies to raw too', async () => {
    const error = await failure(
      clientAnswering({}).raw.GET('/users/{leafUserId}/trimble-credentials', {
        params: { path: { leafUserId: LEAF_USER_ID } },
      }),
    );
    expect(error).toBeInstanceOf(LeafInvalidResponseError);
  });
});

describe('a page is an array of events', () => {
  const wrong: [string, unknown][] = [
    ['an object', { items: [event] }],
    ['a string', 'page'],
    ['an array of numbers', [1, 2]],
    ['an event without its statusCode', [{ ...event, statusCode: undefined }]],
  ];
  for (const [label, body] of wrong) {
    it(`events answered with ${label}: LeafInvalidResponseError`, async () => {
      const error = await failure(clientAnswering(JSON.stringify(body)).trimble.events(LEAF_USER_ID));
      expect(error).toBeInstanceOf(LeafInvalidResponseError);
    });

    it(`allEvents answered with ${label}: LeafInvalidResponseError, never a TypeError`, async () => {
      const walk = async () => {
        for await (const _ of clientAnswering(JSON.stringify(body)).trimble.allEvents(LEAF_USER_ID)) {
          // reading is enough
        }
      };
      const error = await failure(walk());
      expect(error).toBeInstanceOf(LeafInvalidResponseError);
    });
  }

  it('reads a page that matches', async () => {
    const page = await clientAnswering([event, event]).trimble.events(LEAF_USER_ID);
    expect(page.items).toEqual([event, event]);
  });
});
