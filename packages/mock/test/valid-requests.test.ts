/**
 * The companion of the fuzzer: requests that follow the spec (any uuid, any
 * well-formed token, any body its schema allows) get the documented 2xx and a
 * body the spec documents. The spec's own examples (what the load benchmark
 * sends) pass too.
 */

import { listOperations, type OperationModel, specModel } from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { exampleRequest } from '../src/example-requests.js';
import { validRequest } from './support/bad-requests.js';
import { createAgent, type RawRequest, send } from './support/send.js';

const mockUrl = inject('mockUrl');
const shapes = specModel().operations;
const validator = createResponseValidator();
const agent = createAgent(4);
afterAll(() => agent.destroy());

/**
 * Each operation's one 2xx, read from the spec's responses here rather than
 * through operationShapes, so a wrong `success.status` fails these tests.
 */
const DOCUMENTED_SUCCESS = new Map(
  listOperations().map(({ operationId, operation }) => {
    const statuses = Object.keys(operation.responses as object).filter((status) => /^2\d\d$/.test(status));
    if (statuses.length !== 1) throw new Error(`${operationId} documents ${statuses.length} 2xx responses, not one.`);
    return [operationId, Number(statuses[0])];
  }),
);

async function expectDocumentedSuccess(shape: OperationModel, request: RawRequest): Promise<void> {
  const reply = await send(mockUrl, request, agent);
  expect(reply.status, reply.text).toBe(DOCUMENTED_SUCCESS.get(shape.operationId));
  const contentType = (reply.headers['content-type'] as string | undefined) ?? null;
  const check = validator.check(
    shape.method,
    shape.path,
    reply.status,
    contentType,
    reply.text ? JSON.parse(reply.text) : undefined,
  );
  expect(check.errors).toEqual([]);
  if (reply.status === 204) {
    // No content, so no content type either (Prism's engine says text/plain).
    expect(reply.text).toBe('');
    expect(reply.headers['content-type']).toBeUndefined();
  }
}

describe.concurrent('valid requests get the documented success', () => {
  for (const shape of shapes) {
    it(`${shape.operationId}: generated valid requests get ${shape.success.status}`, async () => {
      await fc.assert(
        fc.asyncProperty(validRequest(shape), (request) => expectDocumentedSuccess(shape, request)),
        { numRuns: 100 },
      );
    });

    it(`${shape.operationId}: the spec's example request gets ${shape.success.status}`, async () => {
      const example = exampleRequest(shape);
      expect(example.expectedStatus).toBe(DOCUMENTED_SUCCESS.get(shape.operationId));
      await expectDocumentedSuccess(shape, { ...example, headers: Object.entries(example.headers) });
    });
  }
});
