/**
 * The route stage: which operation a request is for. A path is matched under
 * each base path the operation's servers name, so the mock answers both where
 * its own server lists it (`/users/...`) and where production serves it
 * (`/services/usermanagement/api/users/...`), and an operation with path-level
 * servers (`/authenticate` under `…/api`) only under those. The rest is matched
 * against the operations' path templates, compiled once at start into a table
 * (Prism's router scores every operation on every request: most of a
 * request's time, by the profile). As Prism's router does, a segment is
 * compared percent-decoded, a `{parameter}` takes any one segment, and a
 * template with fewer parameters wins.
 */
import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { namedProblem, problem, problemResponse } from '../problem.js';

export interface Route {
  operation: IHttpOperation;
  /** The request path without its base path: what the operation's template matched. */
  path: string;
  /** The base path it was found under: `''`, `/services/usermanagement/api`, `/api`. */
  basePath: string;
}

/** The path of each of the operation's servers (`https://api.withleaf.io/api` → `/api`). */
function basePathsOf(operation: IHttpOperation): string[] {
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

/** An operation's path template, split: a literal segment, or undefined for a `{parameter}`. */
interface Template {
  operation: IHttpOperation;
  method: string;
  segments: Array<string | undefined>;
  parameters: number;
}

function compile(operation: IHttpOperation): Template {
  const segments = operation.path.split('/').map((segment) => (/^\{.+\}$/.test(segment) ? undefined : segment));
  return {
    operation,
    method: operation.method.toLowerCase(),
    segments,
    parameters: segments.filter((segment) => segment === undefined).length,
  };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matches(template: Template, segments: readonly string[]): boolean {
  if (template.segments.length !== segments.length) return false;
  return template.segments.every((literal, index) => literal === undefined || literal === decoded(segments[index]!));
}

export interface Router {
  /** The route for `method` (lower-case) on `path`, or the 404 / 405 problem to answer. */
  route(method: string, path: string): Route | IHttpResponse;
  /** Every method some operation documents, HEAD included, for CORS and protocol errors. */
  methods: string[];
}

export function createRouter(operations: IHttpOperation[]): Router {
  const byBasePath = new Map<string, Template[]>();
  for (const operation of operations) {
    const template = compile(operation);
    for (const basePath of basePathsOf(operation))
      byBasePath.set(basePath, [...(byBasePath.get(basePath) ?? []), template]);
  }
  // The most literal template first: `/users/me` would beat `/users/{id}`.
  for (const templates of byBasePath.values()) templates.sort((a, b) => a.parameters - b.parameters);
  // The longest base first: `/api/authenticate` is `/authenticate` under `/api`, not a path of the root.
  const basePaths = [...byBasePath.keys()].sort((a, b) => b.length - a.length);
  const methods = [...new Set(operations.map((operation) => operation.method.toLowerCase()))];

  /** Each (base path, rest of the path) the request path could be. */
  function splits(path: string): Array<{ basePath: string; rest: string; templates: Template[] }> {
    return basePaths
      .filter((basePath) => basePath === '' || path === basePath || path.startsWith(`${basePath}/`))
      .map((basePath) => ({
        basePath,
        rest: path.slice(basePath.length) || '/',
        templates: byBasePath.get(basePath)!,
      }));
  }

  function find(method: string, path: string): Route | undefined {
    for (const { basePath, rest, templates } of splits(path)) {
      const segments = rest.split('/');
      const found = templates.find((template) => template.method === method && matches(template, segments));
      if (found) return { operation: found.operation, path: rest, basePath };
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
