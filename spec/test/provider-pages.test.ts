/**
 * The eleven providers added from Leaf's pages (../shared/leaf-docs/credentials_<provider>.md)
 * follow them field for field. For each provider, a resource shaped like its page's GET and POST
 * response examples and a create body with its page's request-body fields, "str" placeholders
 * replaced by realistic values of the documented type, are written here independently of the
 * schemas. They must validate; the create body must refuse each of its fields missing and any
 * field the page does not list. Self-contradictions the spec resolves (spec/README.md, P1-P10)
 * have a case each.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BundledSpec, readBundledSpec } from '../src/index.js';
import { createResponseValidator, type ResponseValidator } from '../src/validate.js';

type Body = Record<string, unknown>;

interface ProviderPage {
  /** Schema name prefix: `<schema>Credentials`, `<schema>CredentialsCreate`. */
  schema: string;
  /** The path segment the page documents, `/users/{leafUserId}/<segment>`. */
  segment: string;
  /** The page's GET (and POST) response example. */
  resource: Body;
  /** The page's request body: every field it lists, all required unless in `optionalOnCreate`. */
  create: Body;
  optionalOnCreate?: string[];
  /** Fields the page takes on create but shows in no response: `writeOnly` in the resource. */
  neverReturned?: string[];
}

const LEAF_ID = { id: '0b8e6f2a-3c4d-4e5f-9a1b-2c3d4e5f6a7b', status: 'OK', createdTime: '2026-03-09T10:15:30.123Z' };

const PAGES: ProviderPage[] = [
  {
    schema: 'JohnDeere',
    segment: 'john-deere-credentials',
    resource: {
      ...LEAF_ID,
      tokenMetadata: { scopes: ['ag1', 'eq1', 'offline_access'] },
      clientKey: 'deere-app-4f1c',
      clientSecret: 'dS3cr3t-1a2b3c',
      accessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZWVyZSJ9.c2ln',
      refreshToken: 'deere-refresh-7d8e',
      clientEnvironment: 'PRODUCTION',
    },
    create: {
      clientKey: 'deere-app-4f1c',
      clientSecret: 'dS3cr3t-1a2b3c',
      refreshToken: 'deere-refresh-7d8e',
      clientEnvironment: 'STAGE',
    },
  },
  {
    schema: 'Cnhi',
    segment: 'cnhi-credentials',
    resource: {
      ...LEAF_ID,
      clientId: 'cnhi-client-2b9a',
      clientSecret: 'cnhi-secret-6c1d',
      refreshToken: 'cnhi-refresh-0e4f',
      clientEnvironment: 'STAGE',
      subscriptionKey: '4f2a9c1e7b3d4e8f9a0b1c2d3e4f5a6b',
    },
    create: {
      clientId: 'cnhi-client-2b9a',
      clientSecret: 'cnhi-secret-6c1d',
      subscriptionKey: '4f2a9c1e7b3d4e8f9a0b1c2d3e4f5a6b',
      refreshToken: 'cnhi-refresh-0e4f',
      clientEnvironment: 'PRODUCTION',
    },
  },
  {
    schema: 'AgLeader',
    segment: 'ag-leader-credentials',
    resource: {
      ...LEAF_ID,
      accessToken: 'agl-access-3a7b',
      refreshToken: 'agl-refresh-8c2d',
      publicKey: 'agl-public-5e9f',
      privateKey: 'agl-private-1b6c',
    },
    // P2: this repo's page lists accessToken, Leaf's newer web page does not.
    create: {
      accessToken: 'agl-access-3a7b',
      refreshToken: 'agl-refresh-8c2d',
      publicKey: 'agl-public-5e9f',
      privateKey: 'agl-private-1b6c',
    },
    optionalOnCreate: ['accessToken'],
  },
  {
    schema: 'Agvance',
    segment: 'agvance-credentials',
    resource: {
      ...LEAF_ID,
      clientEnvironment: 'PRODUCTION',
      username: 'agronomist@example.com',
      password: 'c0rn-And-So7',
      databaseId: 'COOP_0042',
      sessionId: 'a8f3c2e1-5b7d-4a9c-8e6f-1d2c3b4a5e6f',
      apiKey: 'agv-key-9d3e',
    },
    create: {
      apiKey: 'agv-key-9d3e',
      clientEnvironment: 'STAGE',
      databaseId: 'COOP_0042',
      password: 'c0rn-And-So7',
      username: 'agronomist@example.com',
    },
  },
  {
    schema: 'Lindsay',
    segment: 'lindsay-credentials',
    resource: {
      ...LEAF_ID,
      tokenMetadata: { scopes: ['fieldnet.read'] },
      clientId: 'lindsay-client-7a1b',
      clientSecret: 'lindsay-secret-2c3d',
      clientEnvironment: 'STAGE',
      accessToken: 'lindsay-access-4e5f',
      refreshToken: 'lindsay-refresh-6a7b',
    },
    create: {
      clientId: 'lindsay-client-7a1b',
      clientSecret: 'lindsay-secret-2c3d',
      refreshToken: 'lindsay-refresh-6a7b',
      clientEnvironment: 'PRODUCTION',
    },
  },
  {
    schema: 'Panorama',
    segment: 'panorama-credentials',
    resource: {
      ...LEAF_ID,
      clientId: 'panorama-client-1c2d',
      username: 'grower@example.com',
      organizationCode: 'PP-ORG-318',
      clientEnvironment: 'STAGE',
      accessToken: 'panorama-access-3e4f',
      refreshToken: 'panorama-refresh-5a6b',
    },
    create: {
      clientId: 'panorama-client-1c2d',
      username: 'grower@example.com',
      password: 'Pl4nt-Early',
      organizationCode: 'PP-ORG-318',
      refreshToken: 'panorama-refresh-5a6b',
      clientEnvironment: 'PRODUCTION',
    },
    neverReturned: ['password'],
  },
  {
    schema: 'Raven',
    segment: 'raven-credentials',
    resource: {
      ...LEAF_ID,
      tokenMetadata: { scopes: ['openid', 'offline_access'] },
      clientId: 'raven-client-8b9c',
      clientSecret: 'raven-secret-0d1e',
      refreshToken: 'raven-refresh-2f3a',
      accessToken: 'raven-access-4b5c',
    },
    create: { clientId: 'raven-client-8b9c', clientSecret: 'raven-secret-0d1e', refreshToken: 'raven-refresh-2f3a' },
  },
  {
    schema: 'RavenSlingshot',
    segment: 'raven-slingshot-credentials',
    resource: {
      ...LEAF_ID,
      apiKey: 'slingshot-api-6d7e',
      accessKey: 'slingshot-access-8f9a',
      sharedSecret: 'slingshot-shared-0b1c',
    },
    create: { apiKey: 'slingshot-api-6d7e', accessKey: 'slingshot-access-8f9a', sharedSecret: 'slingshot-shared-0b1c' },
  },
  {
    schema: 'Sentera',
    segment: 'sentera-credentials',
    resource: {
      ...LEAF_ID,
      username: 'scout@example.com',
      authToken: 'sentera-auth-2d3e',
      organizationId: 'sentera-org-4f5a',
      organizationName: 'Prairie View Farms',
    },
    create: { username: 'scout@example.com', password: 'Dr0ne-Fl1ght', organizationName: 'Prairie View Farms' },
    neverReturned: ['password'],
  },
  {
    schema: 'Stara',
    segment: 'stara-credentials',
    resource: {
      ...LEAF_ID,
      accessTokenClient: 'stara-client-token-6b7c',
      refreshToken: 'stara-refresh-8d9e',
      accessToken: 'stara-access-0f1a',
      apiKey: 'stara-api-2b3c',
    },
    create: {
      apiKey: 'stara-api-2b3c',
      accessToken: 'stara-access-0f1a',
      accessTokenClient: 'stara-client-token-6b7c',
      refreshToken: 'stara-refresh-8d9e',
    },
  },
  {
    schema: 'Valley',
    segment: 'valley-credentials',
    // P3: the page's example has a trailing comma; this is the JSON it meant.
    resource: {
      ...LEAF_ID,
      apid: 'valley-apid-4d5e',
      key: 'valley-key-6f7a',
      initializationVector: 'valley-iv-8b9c',
      username: 'irrigator@example.com',
    },
    create: {
      apid: 'valley-apid-4d5e',
      initializationVector: 'valley-iv-8b9c',
      key: 'valley-key-6f7a',
      username: 'irrigator@example.com',
      password: 'P1vot-Run',
    },
    neverReturned: ['password'],
  },
];

let spec: BundledSpec;
let responses: ResponseValidator;
let ajv: Ajv2020;

beforeAll(() => {
  spec = readBundledSpec();
  responses = createResponseValidator(spec);
  ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addSchema(spec as object, 'spec');
});

const createValidator = (page: ProviderPage): ValidateFunction =>
  ajv.getSchema(`spec#/components/schemas/${page.schema}CredentialsCreate`) ??
  ajv.compile({ $ref: `spec#/components/schemas/${page.schema}CredentialsCreate` });

function createErrors(page: ProviderPage, body: Body): string[] {
  const validate = createValidator(page);
  return validate(body)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`.trim());
}

const resourceProperties = (page: ProviderPage) =>
  (spec.components.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>)[
    `${page.schema}Credentials`
  ]!.properties;

const without = (body: Body, field: string): Body =>
  Object.fromEntries(Object.entries(body).filter(([name]) => name !== field));

describe.each(PAGES.map((page) => [page.schema, page] as const))('%s, as its page shows it', (_name, page) => {
  const path = `/users/{leafUserId}/${page.segment}`;

  it.each([
    ['get', 200],
    ['post', 201],
  ] as const)('accepts the page-shaped resource as the %s %i response', (method, status) => {
    expect(responses.check(method, path, status, 'application/json', page.resource)).toEqual({ ok: true, errors: [] });
  });

  it('accepts the resource with a field Leaf may add later', () => {
    expect(
      responses.check('get', path, 200, 'application/json', {
        ...page.resource,
        lastSyncTime: '2026-03-10T08:00:00.000Z',
      }).ok,
    ).toBe(true);
  });

  it('refuses a resource without its id', () => {
    expect(responses.check('get', path, 200, 'application/json', without(page.resource, 'id')).errors).toContainEqual(
      expect.stringContaining("must have required property 'id'"),
    );
  });

  it('accepts the page-shaped create body', () => {
    expect(createErrors(page, page.create)).toEqual([]);
  });

  it.each(Object.keys(page.create).map((field) => [field]))(
    'a create body without %s is refused unless the page makes it optional',
    (field) => {
      const errors = createErrors(page, without(page.create, field));
      if (page.optionalOnCreate?.includes(field)) expect(errors).toEqual([]);
      else expect(errors).toContainEqual(`must have required property '${field}'`);
    },
  );

  it('refuses a create body with a field its page does not list', () => {
    expect(createErrors(page, { ...page.create, tokenId: 'legacy-oauth1-token' })).toContainEqual(
      'must NOT have additional properties',
    );
  });

  it('marks as writeOnly and x-sensitive exactly the create fields no response shows', () => {
    const properties = resourceProperties(page);
    const writeOnly = Object.keys(properties).filter((name) => properties[name]!.writeOnly === true);
    expect(writeOnly).toEqual(page.neverReturned ?? []);
    for (const name of writeOnly) expect(properties[name]!['x-sensitive']).toBe(true);
  });
});

describe('page contradictions, resolved (spec/README.md)', () => {
  const johnDeere = PAGES.find((page) => page.schema === 'JohnDeere');

  it("P5: clientEnvironment is STAGE or PRODUCTION, not the pages' placeholder text", () => {
    expect(createErrors(johnDeere!, { ...johnDeere!.create, clientEnvironment: 'STAGE or PRODUCTION' })).toContainEqual(
      '/clientEnvironment must be equal to one of the allowed values',
    );
  });

  it("P6: John Deere's OAuth 1 fields from the resource form are accepted in responses, deprecated", () => {
    const body = { ...johnDeere!.resource, tokenId: 'oauth1-token', tokenSecretKey: 'oauth1-secret' };
    expect(responses.check('get', '/users/{leafUserId}/john-deere-credentials', 200, 'application/json', body).ok).toBe(
      true,
    );
    const properties = resourceProperties(johnDeere!);
    expect([properties.tokenId!.deprecated, properties.tokenSecretKey!.deprecated]).toEqual([true, true]);
  });

  it('P7: Agvance credentials are deleted with DELETE, answered 204', () => {
    const operation = spec.paths['/users/{leafUserId}/agvance-credentials']!.delete as {
      responses: Record<string, unknown>;
    };
    expect(Object.keys(operation.responses).filter((status) => status.startsWith('2'))).toEqual(['204']);
  });
});
