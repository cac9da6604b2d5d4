/**
 * The Leaf users follow their page (../shared/leaf-docs/user_management_endpoints.md): its
 * response examples (GET one, GET all, POST and PUT answers) validate, its create and update
 * bodies (with a credential link) are accepted, and what the page does not allow is refused
 * (spec/README.md R14–R17). "str" placeholders are replaced by realistic values, written here
 * independently of the schemas.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundledSpec } from '../src/index.js';
import { createResponseValidator, type ResponseValidator } from '../src/validate.js';

const USER_ID = '9a4e2c7b-1d3f-4b6a-8c5e-0f2d4b6a8c1e';

/** The page's create body: the four contact fields. */
const created = {
  name: 'Maya Okafor',
  email: 'maya@prairieview.example',
  phone: '+1 515 555 0142',
  address: '88 County Road 7, Boone, IA 50036',
};

/** The page's GET answer: the user with its providers' credentials embedded. */
const fetched = {
  id: USER_ID,
  ...created,
  externalId: 'crm-000318',
  johnDeereCredentials: {
    id: 'jd-cred-7f1a',
    status: 'OK',
    createdTime: '2026-03-09T10:15:30.123456Z',
    tokenMetadata: { scopes: ['ag1', 'offline_access'] },
    clientKey: 'deere-app-4f1c',
    clientSecret: 'dS3cr3t-1a2b3c',
    accessToken: 'deere-access-2b3c',
    refreshToken: 'deere-refresh-7d8e',
    clientEnvironment: 'STAGE',
  },
  ravenSlingshotCredentials: {
    id: 'rs-cred-0c4d',
    status: 'UNAUTHENTICATED',
    createdTime: '2026-03-09T10:15:30.123Z',
    apiKey: 'slingshot-api-6d7e',
    accessKey: 'slingshot-access-8f9a',
    sharedSecret: 'slingshot-shared-0b1c',
  },
};

interface ResponseCase {
  name: string;
  method: string;
  path: string;
  status: number;
  body: unknown;
}

const DOCUMENTED: ResponseCase[] = [
  {
    name: 'GET one user, credentials embedded',
    method: 'get',
    path: '/users/{leafUserId}',
    status: 200,
    body: fetched,
  },
  { name: 'GET all users', method: 'get', path: '/users', status: 200, body: [fetched, { id: USER_ID, ...created }] },
  { name: 'the POST answer', method: 'post', path: '/users', status: 201, body: { id: USER_ID, ...created } },
  { name: 'the PUT answer', method: 'put', path: '/users', status: 200, body: { id: USER_ID, ...created } },
  {
    name: 'a user carrying a field Leaf may add later',
    method: 'get',
    path: '/users/{leafUserId}',
    status: 200,
    body: { ...fetched, createdTime: '2026-03-09T10:15:30.123Z' },
  },
];

const { name: _name, ...withoutName } = fetched;

const REFUSED: (ResponseCase & { error: string })[] = [
  {
    name: 'a user without its name (R16)',
    method: 'get',
    path: '/users/{leafUserId}',
    status: 200,
    body: withoutName,
    error: "must have required property 'name'",
  },
  {
    name: 'embedded credentials that are not their provider’s resource',
    method: 'get',
    path: '/users/{leafUserId}',
    status: 200,
    body: { ...fetched, johnDeereCredentials: { id: 'jd-cred-7f1a' } },
    error: "/johnDeereCredentials must have required property 'status'",
  },
];

let responses: ResponseValidator;
let ajv: Ajv2020;

beforeAll(() => {
  const spec = readBundledSpec();
  responses = createResponseValidator(spec);
  ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addSchema(spec as object, 'spec');
});

function bodyErrors(schema: string, body: unknown): string[] {
  const validate = ajv.getSchema(`spec#/components/schemas/${schema}`)!;
  return validate(body)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`.trim());
}

describe("the users page's answers", () => {
  it.each(DOCUMENTED)('validate: $name', ({ method, path, status, body }) => {
    expect(responses.check(method, path, status, 'application/json', body)).toEqual({ ok: true, errors: [] });
  });

  it.each(REFUSED)('refuse $name', ({ method, path, status, body, error }) => {
    expect(responses.check(method, path, status, 'application/json', body).errors).toContainEqual(
      expect.stringContaining(error),
    );
  });
});

describe("the users page's request bodies", () => {
  it.each([
    { name: 'the create body', schema: 'LeafUserCreate', body: created },
    { name: 'a create body with externalId', schema: 'LeafUserCreate', body: { ...created, externalId: 'crm-000318' } },
    {
      name: 'a create body linking John Deere credentials',
      schema: 'LeafUserCreate',
      body: { ...created, johnDeereCredentials: { id: 'jd-cred-7f1a' } },
    },
    {
      name: 'the update body, keeping a link',
      schema: 'LeafUserUpdate',
      body: { id: USER_ID, ...created, johnDeereCredentials: { id: 'jd-cred-7f1a' } },
    },
  ])('accept $name', ({ schema, body }) => {
    expect(bodyErrors(schema, body)).toEqual([]);
  });

  it.each([
    { name: 'a create body without email', schema: 'LeafUserCreate', body: { ...created, email: undefined } },
    {
      name: 'a create body with a field the page does not list',
      schema: 'LeafUserCreate',
      body: { ...created, role: 'admin' },
    },
    {
      name: 'a link carrying more than the id',
      schema: 'LeafUserCreate',
      body: { ...created, trimbleCredentials: { id: 'x', refreshToken: 'y' } },
    },
    { name: 'an update body without the id', schema: 'LeafUserUpdate', body: created },
  ])('refuse $name', ({ schema, body }) => {
    expect(bodyErrors(schema, JSON.parse(JSON.stringify(body)))).not.toEqual([]);
  });
});
