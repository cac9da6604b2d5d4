/**
 * A small Leaf stand-in on a real loopback socket, for end-to-end flows
 * before (and besides) the sandbox: `POST /api/authenticate` issues JWTs
 * that expire by its own clock, a refused password gets a 401, and Trimble
 * credentials are stored per signed-in user with a paged events log.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerTokenOf } from '@leaf-credentials/spec/bearer-token';
import { startServer, type TestServer } from './http-server.js';
import { jwt } from './jwt.js';

export const REFUSED_PASSWORD = 'stand-in-wrong-password';
const TOKEN_LIFETIME_MS = 24 * 3600_000;
const CREDENTIALS_PATH = /^\/users\/([^/]+)\/trimble-credentials(\/events)?$/;

export interface LeafStandIn extends TestServer {
  /** How far the stand-in's clock is ahead of the real one (to expire tokens). */
  clockOffsetMs: number;
  /** Every request it got: method and path. */
  log: string[];
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  response.writeHead(status, body === undefined ? headers : { 'content-type': type, ...headers });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

const problem = (status: number, title: string) => ({ type: 'about:blank', title, status });

export async function startLeafStandIn(): Promise<LeafStandIn> {
  const stored = new Map<string, { resource: Record<string, unknown>; events: unknown[] }>();
  const standIn = { clockOffsetMs: 0, log: [] as string[] };
  const now = () => Date.now() + standIn.clockOffsetMs;

  /** The signed-in user of a request, or undefined when its token is missing or expired. */
  function userOf(request: IncomingMessage): string | undefined {
    const token = bearerTokenOf(request.headers.authorization);
    try {
      const claims = JSON.parse(Buffer.from(token!.split('.')[1]!, 'base64url').toString()) as {
        sub: string;
        exp: number;
      };
      return claims.exp * 1000 > now() ? claims.sub : undefined;
    } catch {
      return undefined;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url!, 'http://stand-in');
    standIn.log.push(`${request.method} ${url.pathname}`);
    if (url.pathname === '/api/authenticate' && request.method === 'POST') {
      const { username, password } = await readJson(request);
      if (password === REFUSED_PASSWORD) return send(response, 401, problem(401, 'Unauthorized'));
      return send(response, 200, {
        id_token: jwt({ sub: username, exp: Math.floor((now() + TOKEN_LIFETIME_MS) / 1000) }),
      });
    }
    const user = userOf(request);
    if (!user) return send(response, 401, problem(401, 'Unauthorized'));
    const match = CREDENTIALS_PATH.exec(url.pathname);
    if (!match) return send(response, 404, problem(404, 'Not Found'));
    const key = `${user} ${match[1]}`;
    const entry = stored.get(key);
    if (match[2]) {
      if (!entry) return send(response, 404, problem(404, 'Not Found'));
      const page = Number(url.searchParams.get('page') ?? 0);
      const size = Number(url.searchParams.get('size') ?? 20);
      const last = Math.max(0, Math.ceil(entry.events.length / size) - 1);
      const next = page < last ? `<${url.pathname}?page=${page + 1}&size=${size}>; rel="next", ` : '';
      const link = `${next}<${url.pathname}?page=${last}&size=${size}>; rel="last"`;
      return send(response, 200, entry.events.slice(page * size, (page + 1) * size), {
        link,
        'x-total-count': String(entry.events.length),
      });
    }
    if (request.method === 'POST') {
      const body = await readJson(request);
      const resource = {
        id: `credentials-of-${match[1]}`,
        status: 'OK',
        createdTime: new Date(now()).toISOString(),
        tokenMetadata: { scopes: ['openid'] },
        clientId: body.clientId,
        clientSecret: body.clientSecret,
        accessToken: 'stand-in-access-token',
        refreshToken: body.refreshToken,
      };
      // Each exchange with the provider is an event: three dozen make several pages.
      const events = Array.from({ length: 45 }, (_, n) => ({
        id: `event-${n}`,
        body: '{}',
        headers: '',
        statusCode: 200,
        createdDate: new Date(now()).toISOString(),
      }));
      stored.set(key, { resource, events });
      return send(response, 201, resource);
    }
    if (!entry) return send(response, 404, problem(404, 'Not Found'));
    if (request.method === 'DELETE') {
      stored.delete(key);
      return send(response, 204);
    }
    return send(response, 200, entry.resource);
  }

  const server = await startServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, problem(500, 'Internal Server Error')));
  });
  return Object.assign(standIn, server);
}
