/**
 * A small HTTP client for tests that must send what fetch will not: any
 * method token, repeated headers, raw bytes, no Host. Requests share a
 * keep-alive agent with a few sockets, and each one has a deadline so a hang
 * fails the test instead of stalling it.
 */
import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query, sent as is. */
  path: string;
  /** Name/value pairs, in order; a name may repeat. Host is added unless present or `omitHost`. */
  headers: Array<[string, string]>;
  omitHost?: boolean;
  body?: string | Buffer;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A hang guard, not a speed check: far above an answer's time even on a loaded 2-core machine,
 * where the sandbox's first `Prefer` request loads Prism's mocker and took over 5 s.
 */
export const REQUEST_DEADLINE_MS = 30_000;

export function createAgent(sockets = 4): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets });
}

/** `deadlineMs` bounds the whole exchange, not just idle time: a server that trickles bytes still fails. */
export function send(baseUrl: string, raw: RawRequest, agent: Agent, deadlineMs = REQUEST_DEADLINE_MS): Promise<Reply> {
  const { hostname, port } = new URL(baseUrl);
  const has = (header: string) => raw.headers.some(([name]) => name.toLowerCase() === header);
  const headers =
    raw.omitHost || has('host')
      ? [...raw.headers]
      : [['host', `${hostname}:${port}`] as [string, string], ...raw.headers];
  // With headers given as a list node frames no body itself, not even for GET.
  if (raw.body !== undefined && !has('content-length') && !has('transfer-encoding')) {
    headers.push(['content-length', String(Buffer.byteLength(raw.body))]);
  }
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(deadline);
      reject(error);
    };
    const outgoing = request(
      { hostname, port, method: raw.method, path: raw.path, headers: headers.flat(), agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(deadline);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', fail);
      },
    );
    const deadline = setTimeout(() => {
      fail(new Error(`no complete answer within ${deadlineMs} ms`));
      outgoing.destroy(); // its own errors come too late to count
    }, deadlineMs);
    outgoing.on('error', fail);
    outgoing.end(raw.body);
  });
}
