/**
 * Responses shaped like Leaf's current docs pages (../shared/leaf-docs:
 * credentials_trimble.md, credentials_cfv.md, setup_information.md, and the
 * JHipster error body its README quotes) validate against the spec's response
 * schemas. Each page's "str" placeholders are replaced by realistic values of
 * the documented type. Counter-examples show the validator does refuse what
 * the documents do not allow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundledSpec } from '../src/index.js';
import { createResponseValidator, type ResponseValidator } from '../src/validate.js';

const TRIMBLE = '/users/{leafUserId}/trimble-credentials';
const FIELD_VIEW = '/users/{leafUserId}/climate-field-view-credentials';
const JSON_TYPE = 'application/json';
const PROBLEM_TYPE = 'application/problem+json';

/** credentials_trimble.md, GET response. */
const trimbleToday = {
  id: 'a4b7e2f0-93c1-4d5e-8f6a-0b1c2d3e4f50',
  status: 'OK',
  createdTime: '2026-03-09T10:15:30.123Z',
  tokenMetadata: { scopes: ['openid', 'ag-api'] },
  clientId: 'trimble-app-7f3e',
  clientSecret: 'tS3cr3t-9a8b7c6d',
  accessToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl',
  refreshToken: 'rt-5b2d9c1e-4f6a',
};

/** credentials_cfv.md, GET and POST responses: no top-level `scopes`. */
const fieldViewToday = {
  id: 'c9d8e7f6-a5b4-4c3d-8e2f-1a0b9c8d7e6f',
  status: 'TEMPORARILY_UNAVAILABLE',
  createdTime: '2026-03-09T10:15:30.123456Z',
  tokenMetadata: { scopes: ['fields:read', 'asPlanted:read'] },
  clientId: 'cfv-client-31ab',
  clientSecret: 'cfv-secret-77de',
  apiKey: 'cfv-api-key-0c4f',
  refreshToken: 'cfv-refresh-9e21',
  accessToken: 'cfv-access-5a60',
};

/** The 2022 Climate FieldView page (the seed): top-level `scopes`, no id, createdTime or accessToken. */
const fieldViewSeed = {
  clientId: 'cfv-client-31ab',
  clientSecret: 'cfv-secret-77de',
  apiKey: 'cfv-api-key-0c4f',
  refreshToken: 'cfv-refresh-9e21',
  status: 'OK',
  scopes: ['fields:read'],
};

/** Leaf's one documented error body: JHipster's problem-with-message (README of leaf-docs). */
const leafError = {
  type: 'https://www.jhipster.tech/problem/problem-with-message',
  title: 'Bad Request',
  status: 400,
  path: '/services/usermanagement/api/users/a4b7e2f0-93c1-4d5e-8f6a-0b1c2d3e4f50/trimble-credentials',
  message: 'The credentials could not be created: the refresh token was refused by Trimble.',
  errorKey: 'invalidCredentials',
};

/** credentials_*.md, /events response, with setup_information.md's millisecond dates. */
const eventsPage = [
  {
    body: '{"error":"invalid_grant"}',
    createdDate: '2026-03-09T10:15:30.123Z',
    headers: '{"content-type":"application/json"}',
    id: '65ec3b2f9d1e4a0012ab34cd',
    statusCode: 400,
  },
];

interface Case {
  name: string;
  method: string;
  path: string;
  status: number;
  contentType?: string;
  body: unknown;
}

const VALID: Case[] = [
  // The four responses issue 10 found rejected.
  {
    name: 'Trimble GET with tokenMetadata.scopes as an array of strings',
    method: 'get',
    path: TRIMBLE,
    status: 200,
    body: trimbleToday,
  },
  {
    name: 'Climate FieldView GET with id, createdTime, tokenMetadata.scopes[] and no top-level scopes',
    method: 'get',
    path: FIELD_VIEW,
    status: 200,
    body: fieldViewToday,
  },
  {
    name: 'Trimble GET carrying a field Leaf may add later',
    method: 'get',
    path: TRIMBLE,
    status: 200,
    body: { ...trimbleToday, organizationId: 'org-1f2e' },
  },
  {
    name: "Leaf's documented error body (problem-with-message)",
    method: 'post',
    path: TRIMBLE,
    status: 400,
    contentType: PROBLEM_TYPE,
    body: leafError,
  },
  // Around them.
  { name: 'Trimble POST answered with the resource', method: 'post', path: TRIMBLE, status: 201, body: trimbleToday },
  {
    name: 'Climate FieldView POST answered with the resource',
    method: 'post',
    path: FIELD_VIEW,
    status: 201,
    body: fieldViewToday,
  },
  {
    name: 'Climate FieldView GET as the 2022 page showed it',
    method: 'get',
    path: FIELD_VIEW,
    status: 200,
    body: fieldViewSeed,
  },
  {
    name: 'Trimble GET with microsecond createdTime (the seeds)',
    method: 'get',
    path: TRIMBLE,
    status: 200,
    body: { ...trimbleToday, createdTime: '2023-02-23T08:41:52.654321Z' },
  },
  {
    name: 'Trimble GET whose tokenMetadata carries an unknown member',
    method: 'get',
    path: TRIMBLE,
    status: 200,
    body: { ...trimbleToday, tokenMetadata: { scopes: [], expiresIn: 3600 } },
  },
  {
    name: "Leaf's error body sent as application/json",
    method: 'get',
    path: FIELD_VIEW,
    status: 404,
    contentType: JSON_TYPE,
    body: { ...leafError, status: 404, title: 'Not Found' },
  },
  {
    name: 'a 500 problem with a member Leaf may add',
    method: 'delete',
    path: TRIMBLE,
    status: 500,
    contentType: PROBLEM_TYPE,
    body: { title: 'Internal Server Error', status: 500, traceId: 'f00d' },
  },
  {
    name: 'Trimble events page with millisecond dates',
    method: 'get',
    path: `${TRIMBLE}/events`,
    status: 200,
    body: eventsPage,
  },
  {
    name: 'Climate FieldView events whose event carries an unknown field',
    method: 'get',
    path: `${FIELD_VIEW}/events`,
    status: 200,
    body: [{ ...eventsPage[0], provider: 'ClimateFieldView' }],
  },
];

const { scopes: _seedScopes, ...fieldViewSeedNoScopes } = fieldViewSeed;
const { status: _status, ...fieldViewNoStatus } = fieldViewToday;

const INVALID: (Case & { error: string })[] = [
  {
    name: 'Trimble tokenMetadata.scopes as one string (the seed)',
    method: 'get',
    path: TRIMBLE,
    status: 200,
    body: { ...trimbleToday, tokenMetadata: { scopes: 'openid ag-api' } },
    error: '/tokenMetadata/scopes must be array',
  },
  {
    name: 'Climate FieldView without status',
    method: 'get',
    path: FIELD_VIEW,
    status: 200,
    body: fieldViewNoStatus,
    error: "must have required property 'status'",
  },
  {
    name: 'a createdTime that is not a date-time',
    method: 'get',
    path: TRIMBLE,
    status: 200,
    body: { ...trimbleToday, createdTime: '09/03/2026 10:15' },
    error: '/createdTime must match format "date-time"',
  },
  {
    name: 'an event statusCode sent as a string (the pages\' "int")',
    method: 'get',
    path: `${TRIMBLE}/events`,
    status: 200,
    body: [{ ...eventsPage[0], statusCode: '400' }],
    error: '/0/statusCode must be integer',
  },
  {
    name: 'a problem without its status',
    method: 'get',
    path: TRIMBLE,
    status: 404,
    contentType: PROBLEM_TYPE,
    body: { title: 'Not Found' },
    error: "must have required property 'status'",
  },
  {
    name: 'an unknown status value',
    method: 'get',
    path: FIELD_VIEW,
    status: 200,
    body: { ...fieldViewSeedNoScopes, status: 'BROKEN' },
    error: '/status must be equal to one of the allowed values',
  },
];

let validator: ResponseValidator;

beforeAll(() => {
  validator = createResponseValidator(readBundledSpec());
});

describe("responses shaped like Leaf's current pages", () => {
  for (const { name, method, path, status, contentType = JSON_TYPE, body } of VALID) {
    it(`accepts ${name}`, () => {
      expect(validator.check(method, path, status, contentType, body)).toEqual({ ok: true, errors: [] });
    });
  }
});

describe('responses the documents do not allow', () => {
  for (const { name, method, path, status, contentType = JSON_TYPE, body, error } of INVALID) {
    it(`rejects ${name}`, () => {
      const check = validator.check(method, path, status, contentType, body);
      expect(check.ok).toBe(false);
      expect(check.errors).toContainEqual(expect.stringContaining(error));
    });
  }
});
