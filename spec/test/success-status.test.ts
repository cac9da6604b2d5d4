/** successStatus: the one 2xx an operation documents, or a clear error. */
import { describe, expect, it } from 'vitest';
import { type SpecOperation, successStatus } from '../src/index.js';

const operation = (responses: Record<string, unknown> | undefined): SpecOperation => ({
  operationId: 'planted',
  method: 'post',
  path: '/planted',
  tags: [],
  operation: responses === undefined ? {} : { responses },
});

describe('successStatus', () => {
  it.each<[Record<string, unknown>, number]>([
    [{ '200': {}, '400': {} }, 200],
    [{ '201': {}, '4XX': {}, default: {} }, 201],
    [{ '204': {} }, 204],
  ])('%j is %i', (responses, expected) => {
    expect(successStatus(operation(responses))).toBe(expected);
  });

  it.each<[Record<string, unknown> | undefined, string]>([
    [undefined, 'none'],
    [{ '400': {}, '2XX': {} }, 'none'],
    [{ '200': {}, '201': {} }, '200, 201'],
  ])('throws for %j, naming the operation and what it documents', (responses, found) => {
    expect(() => successStatus(operation(responses))).toThrow(
      `planted (POST /planted) must document exactly one 2xx response; it documents ${found}.`,
    );
  });
});
