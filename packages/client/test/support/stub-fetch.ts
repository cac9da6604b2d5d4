/**
 * An in-memory fetch for unit tests: answers each request with the next
 * planned reply and records what it was sent (and when, on the faked clock).
 */
import { readBundledSpec, specModel } from '@leaf-credentials/spec';
import { type FetchLike, type LeafCredentialsClient, type OperationId, PROVIDERS } from '../../src/index.js';

export const LEAF_USER_ID = '5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f';
export const TEST_BASE_URL = 'https://leaf.test/api';

/** A reply: a Response, an error to throw, or a function of the request. */
export type Reply = Response | Error | ((request: Request) => Response | Promise<Response>);

export interface StubFetch extends FetchLike {
  requests: Request[];
  /** Date.now() at each request. */
  times: number[];
}

/** Replies in order; the last reply repeats once the list runs out. */
export function stubFetch(...replies: Reply[]): StubFetch {
  const requests: Request[] = [];
  const times: number[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    times.push(Date.now());
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(request);
    return reply.clone();
  };
  return Object.assign(fetch, { requests, times });
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function problemResponse(
  status: number,
  problem: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ status, ...problem }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** Never answers; rejects with the request's abort reason when it is aborted, like fetch. */
export function hangingReply(request: Request): Promise<Response> {
  return new Promise((_resolve, reject) => {
    if (request.signal.aborted) reject(request.signal.reason);
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}

/**
 * One body that is every provider's credentials at once (each credentials schema's example,
 * merged): what a stub answers when a test needs a get or create to pass the response checks.
 */
export const ANY_CREDENTIALS: Record<string, unknown> = Object.assign(
  {},
  ...Object.entries(readBundledSpec().components.schemas ?? {})
    .filter(([name]) => name.endsWith('Credentials'))
    .map(([, schema]) => (schema as { example?: object }).example ?? {}),
);

/** Which operation each helper calls, per provider (`x-leaf-helper`), read off the providers' definitions. */
export const PROVIDER_OPERATIONS: Record<string, Record<string, OperationId>> = Object.fromEntries(
  Object.entries(PROVIDERS).map(([provider, definition]) => [
    provider,
    Object.fromEntries(Object.entries(definition).map(([helper, operation]) => [helper, operation.id])),
  ]),
);

/** The planted body of every create helper: secret fields that must never show up anywhere. */
export const CREATE_BODIES = {
  createTrimbleCredentials: {
    clientId: 'example-trimble-client-id',
    clientSecret: 'example-trimble-client-secret',
    refreshToken: 'example-trimble-refresh-token',
  },
  createClimateFieldViewCredentials: {
    clientId: 'example-fieldview-client-id',
    clientSecret: 'example-fieldview-client-secret',
    apiKey: 'example-fieldview-api-key',
    refreshToken: 'example-fieldview-refresh-token',
  },
} as const;

/** The request body the spec shows for each operation that takes one (its example): valid for every create. */
const EXAMPLE_BODIES: Partial<Record<OperationId, object>> = Object.fromEntries(
  specModel().operations.flatMap((shape) =>
    shape.requestBody ? [[shape.operationId, shape.requestBody.example as object]] : [],
  ),
);

/** Every helper of a client, with the bodies create helpers send: what "every operation" means in tests. */
export function everyHelperCall(
  client: LeafCredentialsClient,
  bodies: Partial<Record<OperationId, object>> = EXAMPLE_BODIES,
  leafUserId: string = LEAF_USER_ID,
) {
  return Object.entries(PROVIDER_OPERATIONS).flatMap(([provider, table]) =>
    Object.entries(table as Record<string, string>).map(([name, id]) => {
      const helper = (client as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[
        provider
      ]![name]!;
      const body = bodies[id as OperationId];
      return {
        label: `${provider}.${name}`,
        name,
        id: id as OperationId,
        body,
        call: () => (body === undefined ? helper(leafUserId) : helper(leafUserId, body)),
      };
    }),
  );
}
