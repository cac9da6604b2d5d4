/**
 * Teams who run stock Prism (`prism mock`, @stoplight/prism-cli pinned) on the
 * bundled spec are served too: every operation answers its documented example,
 * and a create body missing a required field is refused.
 */

import { readBundledSpec, specModel } from '@leaf-credentials/spec';
import type { IHttpOperation } from '@stoplight/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startStockPrism } from '../bench/stock-prism.js';
import type { RunningServer } from '../src/adapters/server-process.js';
import { exampleRequest } from '../src/example-requests.js';
import { loadOperations } from '../src/spec.js';
import { createAgent, send } from './support/send.js';

// Not yet the alerts service's operations (#21, open): /webhooks/failed-calls overlaps
// /webhooks/{webhookId}, and the generated requests miss WebhookCreate's minItems and pattern.
const shapes = specModel().operations;
const agent = createAgent(2);
let prism: RunningServer;
let operations: IHttpOperation[];

beforeAll(async () => {
  operations = await loadOperations(readBundledSpec());
  prism = await startStockPrism(await freePort());
}, 90_000);
afterAll(async () => {
  agent.destroy();
  await prism?.stop();
});

/** The example of the operation's documented success response, as the spec gives it. */
function documentedExample(operationId: string, status: number): unknown {
  const operation = operations.find((candidate) => candidate.iid === operationId);
  const response = operation?.responses.find((candidate) => candidate.code === String(status));
  const example = response?.contents?.[0]?.examples?.[0] as { value?: unknown } | undefined;
  return example?.value;
}

/** Stock Prism serves each path from the root: it does not read base paths out of server URLs. */
function stockPath(path: string, basePath: string): string {
  return path.slice(basePath.length);
}

describe('stock prism mock', () => {
  for (const shape of shapes) {
    const request = exampleRequest(shape);
    it(`${shape.operationId}: answers ${request.expectedStatus} with the spec's example`, async () => {
      const reply = await send(
        prism.url,
        {
          method: request.method,
          path: stockPath(request.path, shape.basePaths.local),
          headers: Object.entries(request.headers),
          body: request.body,
        },
        agent,
      );
      expect(reply.status, reply.text).toBe(request.expectedStatus);
      const example = documentedExample(shape.operationId, request.expectedStatus);
      if (example === undefined) expect(reply.text).toBe('');
      else expect(JSON.parse(reply.text)).toEqual(example);
    });
  }

  const creates = shapes.filter((shape) => shape.requestBody?.schema.required?.length);
  it('has creates with required fields to leave out', () => expect(creates.length).toBeGreaterThan(0));
  for (const shape of creates) {
    const [field] = shape.requestBody!.schema.required!;
    it(`${shape.operationId}: refuses a body without ${field} with a 4xx`, async () => {
      const request = exampleRequest(shape);
      const { [field!]: _left, ...body } = shape.requestBody!.example as Record<string, unknown>;
      const reply = await send(
        prism.url,
        {
          method: request.method,
          path: stockPath(request.path, shape.basePaths.local),
          headers: Object.entries(request.headers),
          body: JSON.stringify(body),
        },
        agent,
      );
      expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    });
  }
});
