/**
 * An idle keep-alive connection outlives a client's pause: node's own 5 s
 * made a client that paused about that long (a loaded machine) reuse a socket
 * the server was closing, and fail with ECONNRESET at random.
 */
import { Agent, request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';

/** Past node's default 5 s, with room for the server's timer to fire late on a busy machine. */
const PAUSE_MS = 8_000;

/** A GET through `agent`: its status, and whether it reused the previous request's socket. */
function get(url: string, agent: Agent): Promise<{ status: number; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL('/no-such-path', url), { agent }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => resolve({ status: incoming.statusCode!, reusedSocket: outgoing.reusedSocket }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('an idle keep-alive connection', () => {
  it.concurrent.each([
    ['mock', inject('mockUrl')],
    ['sandbox', inject('sandboxUrl')],
  ])('stays open in the %s process past a pause, so the next request reuses it', async (_name, url) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await get(url, agent)).status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      expect(await get(url, agent)).toEqual({ status: 404, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });
});
