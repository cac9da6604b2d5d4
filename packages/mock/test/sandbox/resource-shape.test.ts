import { describe, expect, it } from 'vitest';
import { answerView, createdResource } from '../../src/sandbox/resource-shape.js';

const createSchema = {
  type: 'object',
  properties: { clientId: { type: 'string' }, secret: { type: 'string', writeOnly: true }, note: { type: 'string' } },
};
const resourceSchema = {
  type: 'object',
  required: ['id', 'status', 'clientId', 'tokenMetadata'],
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['OK', 'UNAUTHENTICATED'] },
    createdTime: { type: 'string', format: 'date-time' },
    tokenMetadata: {
      type: 'object',
      required: ['scopes'],
      properties: { scopes: { type: 'array', items: { type: 'string' } } },
    },
    clientId: { type: 'string' },
    secret: { type: 'string' },
    note: { type: 'string' },
    accessToken: { type: 'string', 'x-sensitive': true },
    legacy: { type: 'array', deprecated: true },
    region: { type: 'string', examples: ['eu'] },
  },
};
const now = new Date('2030-01-01T00:00:00.000Z');

describe('a created resource', () => {
  const resource = createdResource({ clientId: 'c', secret: 's', id: 'posted-id' }, resourceSchema, createSchema, {
    now,
    status: 'UNAUTHENTICATED',
  });

  it.each([
    { field: 'clientId', check: (value: unknown) => value === 'c' },
    {
      field: 'id',
      check: (value: unknown) => typeof value === 'string' && value !== 'posted-id' && /^[0-9a-f-]{36}$/.test(value),
    },
    { field: 'createdTime', check: (value: unknown) => value === '2030-01-01T00:00:00.000000Z' },
    { field: 'status', check: (value: unknown) => value === 'UNAUTHENTICATED' },
    { field: 'tokenMetadata', check: (value: unknown) => JSON.stringify(value) === '{"scopes":[]}' },
    {
      field: 'accessToken',
      check: (value: unknown) => typeof value === 'string' && value.startsWith('sandbox-accessToken-'),
    },
    { field: 'region', check: (value: unknown) => value === 'eu' },
  ])('has $field as Leaf sets or posted it', ({ field, check }) => {
    expect(check(resource[field])).toBe(true);
  });

  it("stores the create schema's default for a field the body left out", () => {
    const withDefault = {
      properties: { ...createSchema.properties, region: { type: 'string', default: 'STAGE' } },
    };
    const created = createdResource({ clientId: 'c' }, resourceSchema, withDefault, { now, status: 'OK' });
    expect(created.region).toBe('STAGE');
  });

  it.each(['note', 'legacy'])('leaves out %s (an optional posted field not sent, a deprecated one)', (field) => {
    expect(field in resource).toBe(false);
  });

  it('gives each create its own id and access token', () => {
    const again = createdResource({ clientId: 'c', secret: 's' }, resourceSchema, createSchema, { now, status: 'OK' });
    expect(again.id).not.toBe(resource.id);
    expect(again.accessToken).not.toBe(resource.accessToken);
  });
});

describe('what an answer shows', () => {
  const stored = { id: 'x', status: 'OK', clientId: 'c', secret: 's', extra: 1 };

  it.each([
    {
      name: 'only what the answer does not declare (a write-only create field is no promise)',
      schema: resourceSchema,
      hidden: ['extra'],
    },
    {
      name: 'a field the answer marks write-only',
      schema: { properties: { ...resourceSchema.properties, id: { type: 'string', writeOnly: true } } },
      hidden: ['id', 'extra'],
    },
    {
      name: 'nothing of a field the answer marks write-only but requires',
      schema: { ...resourceSchema, properties: { ...resourceSchema.properties, id: { writeOnly: true } } },
      hidden: ['extra'],
    },
    { name: 'nothing of a schema that declares no fields', schema: { type: 'object' }, hidden: [] as string[] },
  ])('hides $name', ({ schema, hidden }) => {
    const view = answerView(stored, schema);
    for (const field of Object.keys(stored)) expect(field in view).toBe(!hidden.includes(field));
  });
});
