/**
 * The read stage keeps dot segments as sent: URL parsing would resolve `/users/%2e/x` to
 * `/x`, aiming the request at another route, where the mock and the sandbox must refuse
 * the segment as the value of the path parameter it stands in.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAgent, send } from '../support/send.js';

const agent = createAgent(2);
afterAll(() => agent.destroy());

const TARGETS = [
  ['mock', inject('mockUrl')],
  ['sandbox', inject('sandboxUrl')],
] as const;

const DOT_SEGMENTS = ['.', '..', '%2e', '%2E', '.%2e', '%2e%2E'];

describe.each(TARGETS)('%s', (_name, url) => {
  it.each(DOT_SEGMENTS)('refuses %s as leafUserId with a 400 naming it, for GET and DELETE alike', async (segment) => {
    for (const method of ['GET', 'DELETE']) {
      const reply = await send(
        url,
        { method, path: `/users/${segment}/trimble-credentials`, headers: [['authorization', 'Bearer any-token']] },
        agent,
      );
      expect(reply.status, `${method} ${segment}`).toBe(400);
      const body = JSON.parse(reply.text) as { fieldErrors?: { objectName: string; field: string }[] };
      expect(body.fieldErrors).toContainEqual(expect.objectContaining({ objectName: 'path', field: 'leafUserId' }));
    }
  });
});
