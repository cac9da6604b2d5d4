/**
 * Teams who run stock Prism (`prism mock`, @stoplight/prism-cli pinned) on the
 * bundled spec are served too: every operation answers its documented example,
 * and a create body missing a required field is refused.
 */

import { specModel } from '@leaf-credentials/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startStockPrism } from '../bench/stock-prism.js';
import type { RunningServer } from '../src/adapters/server-process.js';
import { exampleRequest } from '../src/example-requests.js';
import { createAgent, send } from './support/send.js';

const shapes = specModel().operations;
const agent = createAgent(2);
let prism: RunningServer;

beforeAll(async () => {
  prism = await startStockPrism(await freePort());
}, 90_000);
afterAll(async () => {
  agent.destroy();
  await prism?.stop();
});

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
      const body = shape.success.body;
      if (!body) expect(reply.text).toBe('');
      else {
        // Without a documented example Prism makes one up from the schema: the spec must say what to answer.
        expect(body.example, `${shape.operationId}'s success response documents no example`).toBeDefined();
        expect(JSON.parse(reply.text)).toEqual(body.example);
      }
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
