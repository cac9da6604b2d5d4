/**
 * The route stage: which operation a request is for. A path is matched under
 * each base path the operation's servers name, so the mock answers both where
 * its own server lists it (`/users/...`) and where production serves it
 * (`/services/usermanagement/api/users/...`), and an operation with path-level
 * servers (`/authenticate` under `…/api`) only under those. Prism's router then
 * matches the rest against the operation's path template.
 */
import { createRequire } from 'node:module';
import type { IPrismComponents } from '@stoplight/prism-core';
import type { IHttpConfig, IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { namedProblem, problem, problemResponse } from '../problem.js';

type PrismRoute = IPrismComponents<IHttpOperation, IHttpRequest, unknown, IHttpConfig>['route'];
// Prism's router is not in its package index (5.12.0 is pinned): the mock routes
// first so it knows the operation before Prism validates the request.
const { default: prismRoute } = createRequire(import.meta.url)('@stoplight/prism-http/dist/router/index.js') as {
  default: PrismRoute;
};

export interface Route {
  operation: IHttpOperation;
  /** The request path without its base path: what the operation's template matched. */
  path: string;
  /** The base path it was found under: `''`, `/services/usermanagement/api`, `/api`. */
  basePath: string;
}

/** The path of each of the operation's servers (`https://api.withleaf.io/api` → `/api`). */
export function basePathsOf(operation: IHttpOperation): string[] {
  const servers = operation.servers ?? [];
  if (servers.length === 0) return [''];
  const paths = servers.map((server) => {
    try {
      return new URL(server.url).pathname.replace(/\/+$/, '');
    } catch {
      return ''; // a relative or templated server URL: serve from the root
    }
  });
  return [...new Set(paths)];
}

export function formatMethods(methods: string[]): string {
  return methods.map((method) => method.toUpperCase()).join(', ');
}

/** HEAD is answered like GET without the body (RFC 9110 §9.3.2), wherever GET is documented. */
function withHead(methods: string[]): string[] {
  return methods.includes('get') ? [...methods, 'head'] : methods;
}

function requestFor(method: string, path: string): IHttpRequest {
  return { method: method as IHttpRequest['method'], url: { path } };
}

export interface Router {
  /** The route for `method` (lower-case) on `path`, or the 404 / 405 problem to answer. */
  route(method: string, path: string): Route | IHttpResponse;
  /** Every method some operation documents, HEAD included, for CORS and protocol errors. */
  methods: string[];
}

export function createRouter(operations: IHttpOperation[]): Router {
  const byBasePath = new Map<string, IHttpOperation[]>();
  for (const operation of operations) {
    for (const basePath of basePathsOf(operation))
      byBasePath.set(basePath, [...(byBasePath.get(basePath) ?? []), operation]);
  }
  // The longest base first: `/api/authenticate` is `/authenticate` under `/api`, not a path of the root.
  const basePaths = [...byBasePath.keys()].sort((a, b) => b.length - a.length);
  const methods = [...new Set(operations.map((operation) => operation.method.toLowerCase()))];

  /** Each (base path, rest of the path) the request path could be. */
  function splits(path: string): Array<{ basePath: string; rest: string; resources: IHttpOperation[] }> {
    return basePaths
      .filter((basePath) => basePath === '' || path === basePath || path.startsWith(`${basePath}/`))
      .map((basePath) => ({
        basePath,
        rest: path.slice(basePath.length) || '/',
        resources: byBasePath.get(basePath)!,
      }));
  }

  function find(method: string, path: string): Route | undefined {
    for (const { basePath, rest, resources } of splits(path)) {
      const routed = prismRoute({ resources, input: requestFor(method, rest) });
      if (routed._tag === 'Right') return { operation: routed.right, path: rest, basePath };
    }
    return undefined;
  }

  function route(method: string, path: string): Route | IHttpResponse {
    const found = find(method === 'head' ? 'get' : method, path);
    if (found) return found;
    const allowed = withHead(methods.filter((candidate) => find(candidate, path) !== undefined));
    if (allowed.length === 0)
      return problemResponse(problem('NOT_FOUND', path, `No operation of the spec has the path ${path}.`));
    // RFC 9110 §15.5.6: a 405 lists what the resource does allow.
    const message = `${method.toUpperCase()} is not allowed on ${path}; use ${formatMethods(allowed)}`;
    const reply = problemResponse(namedProblem('METHOD_NOT_ALLOWED', path, 'request', 'method', message));
    return { ...reply, headers: { ...reply.headers, allow: formatMethods(allowed) } };
  }

  return { route, methods: withHead(methods) };
}

export function isRoute(value: Route | IHttpResponse): value is Route {
  return 'operation' in value;
}
