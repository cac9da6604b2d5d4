/**
 * The validate stage asks the spec model whether an operation is secured: with
 * an empty requirement among its `security` (`[{}, { bearerAuth: [] }]`) a
 * request without a token is let through, and so is one whose Authorization
 * header the bearer rule cannot read; where a token is required, a malformed one
 * is a 401 naming the header.
 */
import { readBundledSpec, specModel } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { exampleRequest } from '../../src/example-requests.js';
import { createHandler } from '../../src/handler.js';
import { loadOperations } from '../../src/spec.js';

const read = specModel().operations.find((operation) => operation.method === 'GET' && operation.security.required)!;

/** The bundled spec with `read`'s security made optional (an empty requirement first). */
function withOptionalSecurity() {
  const spec = readBundledSpec();
  const pathItem = spec.paths[read.path] as Record<string, Record<string, unknown>>;
  pathItem[read.method.toLowerCase()]!.security = [{}, { bearerAuth: [] }];
  return spec;
}

const handlers = {
  secured: createHandler({ operations: await loadOperations(readBundledSpec()) }),
  optional: createHandler({ operations: await loadOperations(withOptionalSecurity()) }),
};

const CASES = [
  { security: 'secured', authorization: undefined, status: 401 },
  { security: 'secured', authorization: 'Bearer not a token', status: 401 },
  { security: 'optional', authorization: undefined, status: read.success.status },
  { security: 'optional', authorization: 'Bearer not a token', status: read.success.status },
] as const;

describe('security, as the spec model reads it', () => {
  it.each(CASES)(
    '$security operation, Authorization $authorization: $status',
    async ({ security, authorization, status }) => {
      const { method, path } = exampleRequest(read);
      const request = new Request(`http://127.0.0.1${path}`, {
        method,
        headers: authorization === undefined ? {} : { authorization },
      });
      const response = await handlers[security](request);
      expect(response.status, await response.clone().text()).toBe(status);
      if (status === 401) expect(await response.text()).toContain('Authorization');
    },
  );
});
