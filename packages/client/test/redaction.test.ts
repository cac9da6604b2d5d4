/**
 * Secrets never leave the client. Known secret strings are planted in the
 * token, in every create body and in what the server answers; every helper is
 * driven through every failure path, and the secrets must appear nowhere in
 * what the caller can see: messages, stacks, toJSON(), util.inspect, logs.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listOperations, readBundledSpec } from '@leaf-credentials/spec';
import {
  createLeafCredentialsClient,
  LeafError,
  OPERATIONS,
  REDACTED,
  redactValue,
  SECRET_FIELDS,
  type LeafCredentialsClientOptions,
  type OperationId,
  type TokenSource,
} from '../src/index.js';
import { scrubText } from '../src/redact.js';
import { settle, useFakeClock } from './support/fake-clock.js';
import { everyHelperCall, hangingReply, stubFetch, TEST_BASE_URL, type Reply } from './support/stub-fetch.js';

const PLANTED = {
  token: 'PLANTED-bearer-token-0a1b2c',
  clientSecret: 'PLANTED-client-secret-3d4e5f',
  refreshToken: 'PLANTED-refresh-token-6a7b8c',
  apiKey: 'PLANTED-api-key-9d0e1f',
  // Known only to the server: it can answer with it, but the client never sent it.
  accessToken: 'PLANTED-access-token-2a3b4c',
};
const PLANTED_VALUES = Object.values(PLANTED);

/** The request's token and body, echoed back in every way a server or a proxy might. */
async function echo(request: Request): Promise<string> {
  const body = request.body === null ? '' : await request.text();
  return `Authorization: ${request.headers.get('authorization')} body: ${body} accessToken=${PLANTED.accessToken}`;
}

/** JHipster-style field errors quoting each secret field the request sent. */
async function echoedFieldErrors(request: Request) {
  const body = request.body === null ? {} : ((await request.clone().json()) as Record<string, unknown>);
  return Object.entries(body)
    .filter(([field]) => (SECRET_FIELDS as readonly string[]).includes(field))
    .map(([field, value]) => ({ objectName: 'body', field, message: `invalid: ${String(value)}`, rejectedValue: value }));
}

const FAILURES: Record<string, Reply> = {
  'a problem+json error echoing the request': async (request) =>
    new Response(
      JSON.stringify({
        title: 'Bad Request',
        status: 400,
        detail: await echo(request),
        accessToken: PLANTED.accessToken,
        fieldErrors: await echoedFieldErrors(request),
      }),
      { status: 400, headers: { 'content-type': 'application/problem+json' } },
    ),
  'a non-JSON 500 echoing the request': async (request) => new Response(await echo(request), { status: 500 }),
  'a network error whose message echoes the request': async (request) => {
    throw new TypeError(`fetch failed ${await echo(request)}`, { cause: new Error(await echo(request.clone())) });
  },
  'a success response with invalid JSON holding secrets': () =>
    new Response(`{"clientSecret":"${PLANTED.clientSecret}","accessToken":"${PLANTED.accessToken}" oops ${PLANTED.apiKey}`, { status: 200 }),
  'a timeout': hangingReply,
  'retries that end in a 503 echoing the request': async (request) =>
    new Response(JSON.stringify({ title: 'Service Unavailable', status: 503, detail: await echo(request) }), {
      status: 503,
      headers: { 'content-type': 'application/problem+json' },
    }),
};

const PLANTED_BODIES = {
  createTrimbleCredentials: { clientId: 'trimble-client-id', clientSecret: PLANTED.clientSecret, refreshToken: PLANTED.refreshToken },
  createClimateFieldViewCredentials: {
    clientId: 'fieldview-client-id',
    clientSecret: PLANTED.clientSecret,
    apiKey: PLANTED.apiKey,
    refreshToken: PLANTED.refreshToken,
  },
} satisfies Partial<Record<OperationId, object>>;

/** Everything a caller could print or ship somewhere about an error and the logs. */
function visibleText(error: unknown, logged: unknown[][]): string {
  const errorViews =
    error instanceof Error
      ? [error.message, error.stack, String(error), JSON.stringify(error), inspect(error, { depth: null, showHidden: true })]
      : [inspect(error, { depth: null })];
  return [...errorViews, ...logged.map((entry) => inspect(entry, { depth: null }) + JSON.stringify(entry))].join('\n');
}

function expectNoSecret(text: string): void {
  for (const secret of PLANTED_VALUES) expect(text).not.toContain(secret);
}

useFakeClock();

describe('planted secrets appear nowhere', () => {
  for (const [failure, reply] of Object.entries(FAILURES)) {
    for (const token of [PLANTED.token, async () => PLANTED.token] as TokenSource[]) {
      const tokenKind = typeof token === 'string' ? 'a string token' : 'a token function';
      it(`through every helper, with ${tokenKind}, on ${failure}`, async () => {
        const logged: unknown[][] = [];
        const record = (...entry: unknown[]) => void logged.push(entry);
        const options: LeafCredentialsClientOptions = {
          baseUrl: TEST_BASE_URL,
          token,
          fetch: stubFetch(reply),
          timeoutMs: 1_000,
          retry: { methods: ['GET', 'DELETE', 'POST'], statuses: [500, 503] },
          logger: { debug: record, warn: record, error: record },
        };
        const client = createLeafCredentialsClient(options);
        expectNoSecret(inspect(client, { depth: null, showHidden: true }));
        for (const { label, id, call } of everyHelperCall(client, PLANTED_BODIES)) {
          const error = await settle(call());
          // An operation whose success has no body never reads it, so a broken body is no failure there.
          const fails = OPERATIONS[id].responseBody || !failure.includes('success response');
          expect(error, label).toSatisfy((value) => (fails ? value instanceof LeafError : value === undefined));
          expectNoSecret(visibleText(error, logged));
        }
        expect(logged.length).toBeGreaterThan(0);
      });
    }
  }
});

describe('the redaction rules', () => {
  it('cover every field the spec describes as sensitive', () => {
    const schemas = readBundledSpec().components.schemas as Record<string, { properties?: Record<string, { description?: string }> }>;
    const sensitive = new Set(
      Object.values(schemas).flatMap((schema) =>
        Object.entries(schema.properties ?? {})
          .filter(([, property]) => /\bSensitive\b/.test(property.description ?? ''))
          .map(([name]) => name),
      ),
    );
    expect([...sensitive].sort()).toEqual([...SECRET_FIELDS].sort());
    expect(listOperations().length).toBeGreaterThan(0);
  });

  it('replace secret fields at any depth, in camelCase and snake_case text, and bearer credentials', () => {
    expect(redactValue({ a: [{ clientSecret: 'x', id: 'keep' }], apiKey: 'y' }, [])).toEqual({
      a: [{ clientSecret: REDACTED, id: 'keep' }],
      apiKey: REDACTED,
    });
    expect(scrubText('{"access_token":"abc","token_type":"Bearer"} refreshToken=def Authorization: Bearer ghi.jkl', [])).toBe(
      `{"access_token":"${REDACTED}","token_type":"Bearer"} refreshToken=${REDACTED} Authorization: Bearer ${REDACTED}`,
    );
    expect(scrubText('the value s3cr3t-value leaked', ['s3cr3t-value'])).toBe(`the value ${REDACTED} leaked`);
  });

  it('leave text without secrets alone', () => {
    const text = "POST /users/{leafUserId}/trimble-credentials failed: 400 Bad Request — body must have required property 'clientSecret'";
    expect(scrubText(text, ['ab', undefined])).toBe(text);
  });
});
