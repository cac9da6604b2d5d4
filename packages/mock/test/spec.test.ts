import { describe, expect, it } from 'vitest';
import { readStoredOperations, shareEqualParts, storedOperations } from '../src/spec.js';
import { operations } from './sandbox/support.js';

describe('shareEqualParts', () => {
  it.each([
    { what: 'equal objects', value: { a: { x: 1 }, b: { x: 1 } }, shared: true },
    { what: 'equal arrays', value: { a: [1, { y: 'z' }], b: [1, { y: 'z' }] }, shared: true },
    { what: 'objects that differ in one leaf', value: { a: { x: 1 }, b: { x: 2 } }, shared: false },
    { what: 'an object and a string spelling a reference', value: { a: { x: {} }, b: { x: '@0' } }, shared: false },
    { what: 'the same keys in another order', value: { a: { x: 1, y: 2 }, b: { y: 2, x: 1 } }, shared: false },
  ])('$what: one shared object is $shared', ({ value, shared }) => {
    const result = shareEqualParts(value as Record<string, unknown>);
    expect(result).toEqual(value);
    expect(result.a === result.b).toBe(shared);
  });
});

describe('stored operations', () => {
  // As the build writes them; reading links the parsed parts in place, so each test parses its own.
  const text = JSON.stringify(storedOperations('the spec', shareEqualParts(operations)));

  it('read back equal to the operations they were made from', () => {
    expect(readStoredOperations(JSON.parse(text))).toEqual(operations);
  });

  it('write a part used in several places once, and read it back as one object', () => {
    const problemSchemas = (list: typeof operations) =>
      list.flatMap((operation) =>
        operation.responses.flatMap((response) =>
          (response.contents ?? []).filter((content) => content.mediaType === 'application/problem+json'),
        ),
      );
    const read = readStoredOperations(JSON.parse(text));
    const properties = new Set(problemSchemas(read).map((content) => content.schema?.properties));
    expect(problemSchemas(read).length).toBeGreaterThan(1);
    expect(properties.size).toBe(1);
    expect(text.length).toBeLessThan(JSON.stringify(operations).length / 2);
  });

  it('refuse an operation that has a "$shared" property of its own', () => {
    const odd = [{ ...operations[0]!, extensions: { $shared: 1 } }] as unknown as typeof operations;
    expect(() => storedOperations('the spec', odd)).toThrow(/\$shared/);
  });
});
