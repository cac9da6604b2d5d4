/**
 * Secrets never leave the client. Known secret strings are planted in the
 * token, in every create body and in what the server answers; every helper is
 * driven through every failure path, and the secrets must appear nowhere in
 * what the caller can see: messages, stacks, toJSON(), util.inspect, logs.
 */
import { inspect } from 'node:util';
import { readBundledSpec } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../src/generated/operations.js';
import {
  createLeafCredentialsClient,
  type LeafCredentialsClientOptions,
  LeafError,
  type OperationId,
  type OperationRef,
  REDACTED,
  redactValue,
  SECRET_FIELDS,
} from '../src/index.js';
import { scrubText, secretsIn } from '../src/redact.js';
import { settle, until, useFakeClock } from './support/fake-clock.js';
import {
  everyHelperCall,
  hangingReply,
  LEAF_USER_ID,
  type Reply,
  stubFetch,
  TEST_BASE_URL,
} from './support/stub-fetch.js';

const PLANTED = {
  token: 'PLANTED-bearer-token-0a1b2c',
  clientSecret: 'PLANTED-client-secret-3d4e5f',
  refreshToken: 'PLANTED-refresh-token-6a7b8c',
  apiKey: 'PLANTED-api-key-9d0e1f',
  // Known only to the server: it can answer with it, but the client never sent it.
  accessToken: 'PLANTED-access-token-2a3b4c',
  // The auth password, and the token a sign-in issues for it.
  password: 'PLANTED-password-3c4d5e',
  issuedToken: 'PLANTED-issued-token-6f7a8b',
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
    .map(([field, value]) => ({
      objectName: 'body',
      field,
      message: `invalid: ${String(value)}`,
      rejectedValue: value,
    }));
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
  // No field names next to the values: only knowing the body's secrets finds them.
  'a network error quoting the body’s values alone': async (request) => {
    const body = request.body === null ? {} : ((await request.json()) as Record<string, unknown>);
    throw new TypeError(`fetch failed while sending ${Object.values(body).join(' ')}`);
  },
  'a success response with invalid JSON holding secrets': () =>
    new Response(
      `{"clientSecret":"${PLANTED.clientSecret}","accessToken":"${PLANTED.accessToken}" oops ${PLANTED.apiKey}`,
      { status: 200 },
    ),
  'a timeout': hangingReply,
  'retries that end in a 503 echoing the request': async (request) =>
    new Response(JSON.stringify({ title: 'Service Unavailable', status: 503, detail: await echo(request) }), {
      status: 503,
      headers: { 'content-type': 'application/problem+json' },
    }),
};

const PLANTED_BODIES = {
  createTrimbleCredentials: {
    clientId: 'trimble-client-id',
    clientSecret: PLANTED.clientSecret,
    refreshToken: PLANTED.refreshToken,
  },
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
      ? [
          error.message,
          error.stack,
          String(error),
          JSON.stringify(error),
          inspect(error, { depth: null, showHidden: true }),
        ]
      : [inspect(error, { depth: null })];
  return [...errorViews, ...logged.map((entry) => inspect(entry, { depth: null }) + JSON.stringify(entry))].join('\n');
}

function expectNoSecret(text: string): void {
  for (const secret of PLANTED_VALUES) expect(text).not.toContain(secret);
}

useFakeClock();

const isSignIn = (request: Request) => new URL(request.url).pathname.endsWith('/authenticate');

/** How the client gets its token, and how the server answers the sign-in (`undefined`: like every other request). */
const CREDENTIALS: Record<
  string,
  { credentials: Pick<LeafCredentialsClientOptions, 'token' | 'auth'>; signIn?: Reply }
> = {
  'a string token': { credentials: { token: PLANTED.token } },
  'a token function': { credentials: { token: async () => PLANTED.token } },
  'a sign-in': {
    credentials: { auth: { username: 'planted-user@example.com', password: PLANTED.password } },
    signIn: () =>
      new Response(JSON.stringify({ id_token: PLANTED.issuedToken }), {
        headers: { 'content-type': 'application/json' },
      }),
  },
  'a sign-in that fails the same way': {
    credentials: { auth: { username: 'planted-user@example.com', password: PLANTED.password } },
  },
};

describe('planted secrets appear nowhere', () => {
  for (const [failure, reply] of Object.entries(FAILURES)) {
    for (const [source, { credentials, signIn }] of Object.entries(CREDENTIALS)) {
      it(`through every helper, with ${source}, on ${failure}`, async () => {
        const logged: unknown[][] = [];
        const record = (...entry: unknown[]) => void logged.push(entry);
        const answer = (request: Request) => (typeof reply === 'function' ? reply(request) : reply);
        const signInAnswer = signIn as ((request: Request) => Response) | undefined;
        const options = {
          baseUrl: TEST_BASE_URL,
          ...credentials,
          fetch: stubFetch(
            (request) =>
              (signInAnswer && isSignIn(request) ? signInAnswer(request) : answer(request)) as Promise<Response>,
          ),
          timeoutMs: 1_000,
          retry: { methods: ['GET', 'DELETE', 'POST'], statuses: [500, 503] },
          logger: { debug: record, warn: record, error: record },
        } as LeafCredentialsClientOptions;
        const client = createLeafCredentialsClient(options);
        expectNoSecret(inspect(client, { depth: null, showHidden: true }));
        const signInFails = 'auth' in credentials && !signIn;
        // Each log entry is read once, with the call that wrote it (reading them all after every call was quadratic).
        let checked = 0;
        for (const { label, id, call } of everyHelperCall(client, PLANTED_BODIES)) {
          const error = await settle(call());
          // An operation whose success has no body never reads it, so a broken body is no failure there (unless the sign-in read one).
          const fails =
            (OPERATIONS[id] as OperationRef).responseBody || !failure.includes('success response') || signInFails;
          expect(error, label).toSatisfy((value) => (fails ? value instanceof LeafError : value === undefined));
          expectNoSecret(visibleText(error, logged.slice(checked)));
          checked = logged.length;
        }
        expect(logged.length).toBeGreaterThan(0);
        expectNoSecret(visibleText(undefined, logged.slice(checked)));
      });
    }
  }
});

/** What client.raw throws (its non-2xx answers are the caller's to read, unredacted, as openapi-fetch returns them). */
const RAW_FAILURES = [
  'a network error whose message echoes the request',
  'a network error quoting the body’s values alone',
  'a success response with invalid JSON holding secrets',
  'a timeout',
] as const;

describe('planted secrets appear nowhere in what client.raw throws', () => {
  for (const failure of RAW_FAILURES) {
    it(`for every operation, on ${failure}`, async () => {
      const client = createLeafCredentialsClient({
        baseUrl: TEST_BASE_URL,
        token: PLANTED.token,
        fetch: stubFetch(FAILURES[failure]!),
        timeoutMs: 1_000,
        retry: { methods: ['GET', 'DELETE', 'POST'] },
      });
      const raw = client.raw as unknown as Record<string, (path: string, init: object) => Promise<unknown>>;
      for (const [id, { method, path }] of Object.entries(OPERATIONS)) {
        const body = PLANTED_BODIES[id as keyof typeof PLANTED_BODIES];
        const error = await settle(raw[method]!(path, { params: { path: { leafUserId: LEAF_USER_ID } }, body }));
        expect(error, id).toBeInstanceOf(LeafError);
        expectNoSecret(visibleText(error, []));
      }
    });
  }
});

describe('a rotating token', () => {
  it('is scrubbed from errors of calls that ran while it was replaced', async () => {
    const tokens = Array.from({ length: 3 }, (_, index) => `PLANTED-rotating-token-${index}-5e6f`);
    let issued = 0;
    let arrived = 0;
    // Every call waits until all have sent their token, then echoes its own, without the `Bearer ` a pattern would catch.
    const fetch = stubFetch(async (request) => {
      arrived++;
      await until(() => arrived === tokens.length);
      const token = request.headers.get('authorization')!.replace(/^Bearer /, '');
      return new Response(JSON.stringify({ title: 'Forbidden', status: 403, detail: `token ${token} lacks access` }), {
        status: 403,
        headers: { 'content-type': 'application/problem+json' },
      });
    });
    const logged: unknown[][] = [];
    const client = createLeafCredentialsClient({
      baseUrl: TEST_BASE_URL,
      token: async () => tokens[issued++]!,
      fetch,
      logger: { error: (...entry) => void logged.push(entry) },
    });
    const errors = await Promise.all(
      tokens.map(() => client.trimble.get(LEAF_USER_ID).catch((caught: unknown) => caught)),
    );
    expect(issued).toBe(tokens.length);
    for (const error of errors) {
      expect(error).toBeInstanceOf(LeafError);
      expect((error as LeafError).message).toContain(`token ${REDACTED} lacks access`);
      const text = visibleText(error, logged);
      for (const token of tokens) expect(text).not.toContain(token);
    }
  });
});

describe('the redaction rules', () => {
  it('cover exactly the properties the spec marks x-sensitive', () => {
    // Every `properties.<name>` object marked `x-sensitive: true`, at any depth of the schemas.
    const sensitive = new Set<string>();
    const visit = (node: unknown, path: string[]): void => {
      if (!node || typeof node !== 'object') return;
      if ((node as Record<string, unknown>)['x-sensitive'] === true && path.at(-2) === 'properties')
        sensitive.add(path.at(-1)!);
      for (const [key, child] of Object.entries(node)) visit(child, [...path, key]);
    };
    visit(readBundledSpec().components.schemas, []);
    expect(sensitive.size).toBeGreaterThan(0);
    expect([...SECRET_FIELDS].sort()).toEqual([...sensitive].sort());
  });

  it('replace secret fields at any depth, in camelCase and snake_case text, and bearer credentials', () => {
    expect(redactValue({ a: [{ clientSecret: 'x', id: 'keep' }], apiKey: 'y' }, [])).toEqual({
      a: [{ clientSecret: REDACTED, id: 'keep' }],
      apiKey: REDACTED,
    });
    expect(
      scrubText('{"access_token":"abc","token_type":"Bearer"} refreshToken=def Authorization: Bearer ghi.jkl', []),
    ).toBe(
      `{"access_token":"${REDACTED}","token_type":"Bearer"} refreshToken=${REDACTED} Authorization: Bearer ${REDACTED}`,
    );
    expect(scrubText('the value s3cr3t-value leaked', ['s3cr3t-value'])).toBe(`the value ${REDACTED} leaked`);
  });

  it('know a secret field in any spelling: kebab-case, snake_case, upper case', () => {
    const spelled = {
      'access-token': 'a1',
      ACCESS_TOKEN: 'b2',
      'client-secret': 'c3',
      refresh_token: 'd4',
      Api_Key: 'e5',
      token_type: 'Bearer',
    };
    expect(redactValue(spelled, [])).toEqual({
      'access-token': REDACTED,
      ACCESS_TOKEN: REDACTED,
      'client-secret': REDACTED,
      refresh_token: REDACTED,
      Api_Key: REDACTED,
      token_type: 'Bearer',
    });
    expect(redactValue({ field: 'client-secret', rejectedValue: 'c3', message: 'too short' }, [])).toEqual({
      field: 'client-secret',
      rejectedValue: REDACTED,
      message: 'too short',
    });
    expect(scrubText('access-token=a1 ACCESS_TOKEN: "b2" {"client-secret":"c3"} REFRESH-TOKEN=d4 api_key=e5', [])).toBe(
      `access-token=${REDACTED} ACCESS_TOKEN: "${REDACTED}" {"client-secret":"${REDACTED}"} REFRESH-TOKEN=${REDACTED} api_key=${REDACTED}`,
    );
    expect(secretsIn({ client_secret: 'c3', nested: { 'refresh-token': 'd4' }, clientId: 'id' })).toEqual(['c3', 'd4']);
  });

  it('reach any depth: a secret field nested 50 levels down, and a problem nested 100,000 levels without a stack overflow', () => {
    const nested = (levels: number, leaf: object) => {
      let value: object = leaf;
      for (let level = 0; level < levels; level++) value = { detail: [value] };
      return value;
    };
    const deep = redactValue(nested(50, { clientSecret: 'deep-secret-value' }), []);
    expect(JSON.stringify(deep)).not.toContain('deep-secret-value');
    expect(JSON.stringify(deep)).toContain(REDACTED);
    const deepest = JSON.parse(`${'['.repeat(100_000)}"a known-secret-value"${']'.repeat(100_000)}`) as unknown;
    const redacted = redactValue(deepest, ['known-secret-value']);
    let innermost: unknown = redacted;
    while (Array.isArray(innermost)) innermost = innermost[0];
    expect(innermost).toBe(`a ${REDACTED}`);
  });

  const password = 'p@ss "wörd"/+?';
  const encodings: [string, string][] = [
    ['URL-encoded', encodeURIComponent(password)],
    ['form-encoded', new URLSearchParams({ password }).toString().slice('password='.length)],
    ['base64', Buffer.from(password).toString('base64')],
    ['base64url', Buffer.from(password).toString('base64url')],
    ['JSON-escaped', JSON.stringify(password).slice(1, -1)],
  ];
  for (const [label, encoded] of encodings) {
    it(`find a secret ${label} (${encoded})`, () => {
      expect(scrubText(`the server said ${encoded} back`, [password])).toBe(`the server said ${REDACTED} back`);
    });
  }

  it('find secrets of any length, a 1- to 3-character password included', () => {
    for (const secret of ['x', 'pw', 'abc']) {
      expect(scrubText(`wrong password ${secret}!`, [secret])).not.toContain(` ${secret}!`);
    }
    // Every secret at once, the longest first, so a short one never cuts a longer one or the marker.
    expect(scrubText('e and the-long-e-secret', ['e', 'the-long-e-secret'])).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it('leave text without secrets alone', () => {
    const text =
      "POST /users/{leafUserId}/trimble-credentials failed: 400 Bad Request — body must have required property 'clientSecret'";
    expect(scrubText(text, ['ab', undefined])).toBe(text);
  });
});
