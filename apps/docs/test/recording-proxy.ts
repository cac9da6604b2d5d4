/**
 * A pass-through HTTP proxy in front of the mock that records every exchange,
 * so a sample's test sees what really went over the wire (method, path,
 * status, body) whatever the sample prints. Each sample gets its own base URL
 * (`<proxy>/<label>`), which keeps concurrent runs apart.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  /** The path the mock saw, without the run's prefix. */
  path: string;
  status: number;
  contentType: string | null;
  body: string;
}

export interface RecordingProxy {
  /** A base URL whose exchanges are recorded under `label`. */
  baseUrlFor(label: string): string;
  exchangesOf(label: string): Exchange[];
  close(): Promise<void>;
}

/** Where the exchanges of requests to an `unlabeled` path are recorded. */
const UNLABELED = '';

/**
 * `unlabeled`: paths a sample reaches without its label, such as the sign-in the client
 * sends to the base URL's origin (not under it); they are forwarded as they are.
 */
export async function startRecordingProxy(targetUrl: string, unlabeled: string[] = []): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const exchanges = new Map<string, Exchange[]>();

  const server: Server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', 'http://proxy.invalid');
    const [, first = '', ...rest] = url.pathname.split('/');
    const passedThrough = unlabeled.includes(url.pathname);
    const label = passedThrough ? UNLABELED : first;
    const path = passedThrough ? url.pathname : `/${rest.join('/')}`;
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: `${path}${url.search}`,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const recorded = exchanges.get(label) ?? [];
          recorded.push({
            method: incoming.method ?? 'GET',
            path,
            status: answer.statusCode ?? 0,
            contentType: answer.headers['content-type'] ?? null,
            body: body.toString('utf8'),
          });
          exchanges.set(label, recorded);
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(body);
        });
      },
    );
    upstream.on('error', (error) => outgoing.writeHead(502).end(`proxy: ${error.message}`));
    incoming.pipe(upstream);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrlFor: (label) => `http://127.0.0.1:${port}/${label}`,
    exchangesOf: (label) => exchanges.get(label) ?? [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
