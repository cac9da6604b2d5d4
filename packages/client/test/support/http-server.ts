/**
 * A real HTTP server on a free loopback port, for what a stub fetch cannot
 * show: sockets, and bodies that arrive (or stall) after the headers.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

const open: TestServer[] = [];

export async function startServer(handler: RequestListener): Promise<TestServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const testServer = {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // A stalled response would keep its socket, and close(), waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(testServer);
  return testServer;
}

/** Closes every server a test started, whatever happened in it. */
export function closeServersAfterEach(): void {
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
}
