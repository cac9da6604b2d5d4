/**
 * `Prefer: dynamic=true` generates bodies of a bounded size: Leaf users embed
 * every provider's credentials, whose arrays the spec allows up to 10,000
 * items, and Prism made each as long as allowed (half a minute per user).
 */
import { specModel } from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/adapters/fetch.js';
import { DYNAMIC_MAX_ITEMS } from '../../src/answer/dynamic-bounds.js';
import { exampleRequest } from '../../src/example-requests.js';

const mock = createMock();
const validator = createResponseValidator();

/** The length of every array in `value`, at any depth. */
function arrayLengths(value: unknown): number[] {
  if (Array.isArray(value)) return [value.length, ...value.flatMap(arrayLengths)];
  if (value && typeof value === 'object') return Object.values(value).flatMap(arrayLengths);
  return [];
}

// The two deepest documents: a user with every provider's credentials embedded, and a page of users.
const DEEPEST = specModel().operations.filter((shape) => ['getLeafUser', 'listLeafUsers'].includes(shape.operationId));

describe('dynamic=true', () => {
  it.each(DEEPEST.map((shape) => [shape.operationId, shape] as const))(
    '%s: every generated array holds at most the bound, and the body is one the spec allows',
    async (_, shape) => {
      const request = exampleRequest(shape);
      const response = await mock.fetch(request.path, {
        method: request.method,
        headers: { ...request.headers, prefer: 'dynamic=true' },
      });
      const body: unknown = await response.json();
      const lengths = arrayLengths(body);
      expect(response.status).toBe(shape.success.status);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(DYNAMIC_MAX_ITEMS);
      // Arrays are still generated, up to the bound: the bound caps them, it does not empty them.
      expect(lengths).toContain(DYNAMIC_MAX_ITEMS);
      const check = validator.check(
        shape.method,
        shape.path,
        response.status,
        response.headers.get('content-type'),
        body,
      );
      expect(check.errors).toEqual([]);
    },
  );
});
