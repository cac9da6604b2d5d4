import { describe, expect, it } from 'vitest';
import { firstFailure } from '../../src/sandbox/schemas.js';

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: {
    status: { enum: ['OK', 'UNAUTHENTICATED'] },
    when: { type: 'string', format: 'date-time' },
    nested: { type: 'object', properties: { list: { type: 'array', items: { type: 'string' } } } },
  },
};

describe('schema failures', () => {
  it.each([
    { value: { status: 'OK' }, failure: undefined },
    { value: {}, failure: { field: 'status', message: "must have required property 'status'" } },
    { value: { status: 'NO' }, failure: { field: 'status', message: 'must be one of OK, UNAUTHENTICATED' } },
    { value: { status: 'OK', colour: 1 }, failure: { field: 'colour', message: "unknown property 'colour'" } },
    { value: { status: 'OK', when: 'soon' }, failure: { field: 'when', message: 'must match format "date-time"' } },
    { value: { status: 'OK', nested: { list: [1] } }, failure: { field: 'nested.list.0', message: 'must be string' } },
    { value: 'text', failure: { field: '', message: 'must be object' } },
  ])('names the field of $value', ({ value, failure }) => {
    expect(firstFailure(schema, value)).toEqual(failure);
  });
});
