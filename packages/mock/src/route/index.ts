/**
 * The route stage: which operation a request is for. A path is matched under
 * each base path the spec model gives the operation (`allBasePaths`), so the
 * mock answers both where its own server lists it (`/users/...`) and where
 * production serves it (`/services/usermanagement/api/users/...`), and an
 * operation with path-level servers (`/authenticate` under `…/api`) only under
 * those. The rest is matched against the path templates, compiled once at
 * start into a table (Prism's router scores every operation on every request:
 * most of a request's time, by the profile). As OpenAPI says, the path is found
 * first and the method then: a concrete path wins over a templated one
 * (`/webhooks/failed-calls` over `/webhooks/{webhookId}`, whatever the method),
 * and a method the path does not document is a 405. As Prism's router does, a
 * segment is compared percent-decoded and a `{parameter}` takes any one segment.
 */
import type { OperationModel } from '@leaf-credentials/spec';
import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { operationModelOf } from '../model.js';
import { namedProblem, problem, problemResponse } from '../problem.js';

export interface Route {
  operation: IHttpOperation;
  /** What the spec model says about the operation. */
  model: OperationModel;
  /** The request path without its base path: what the operation's template matched. */
  path: string;
  /** The base path it was found under: `''`, `/services/usermanagement/api`, `/api`. */
  basePath: string;
}

export function formatMethods(methods: string[]): string {
  return methods.map((method) => method.toUpperCase()).join(', ');
}

/** HEAD is answered like GET without the body (RFC 9110 §9.3.2), wherever GET is documented. */
function withHead(methods: string[]): string[] {
  return methods.includes('get') ? [...methods, 'head'] : methods;
}

/** A path template, split (a literal segment, or undefined for a `{parameter}`), with its operations by method. */
interface Template {
  segments: Array<string | undefined>;
  parameters: number;
  /** Lower-case method to the operation documented there. */
  operations: Map<string, { operation: IHttpOperation; model: OperationModel }>;
}

function compile(path: string): Template {
  const segments = path.split('/').map((segment) => (/^\{.+\}$/.test(segment) ? undefined : segment));
  return { segments, parameters: segments.filter((segment) => segment === undefined).length, operations: new Map() };
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
  const byBasePath = new Map<string, Map<string, Template>>();
  for (const operation of operations) {
    const model = operationModelOf(operation);
    for (const basePath of model.allBasePaths) {
      const templates = byBasePath.get(basePath) ?? new Map<string, Template>();
      byBasePath.set(basePath, templates);
      const template = templates.get(operation.path) ?? compile(operation.path);
      templates.set(operation.path, template);
      template.operations.set(operation.method.toLowerCase(), { operation, model });
    }
  }
  // Concrete before templated (OpenAPI 3.1 §4.8.8.2): `/users/me` would beat `/users/{id}`.
  const sorted = new Map(
    [...byBasePath].map(([basePath, templates]) => [
      basePath,
      [...templates.values()].sort((a, b) => a.parameters - b.parameters),
    ]),
  );
  // The longest base first: `/api/authenticate` is `/authenticate` under `/api`, not a path of the root.
  const basePaths = [...sorted.keys()].sort((a, b) => b.length - a.length);
  const methods = [...new Set(operations.map((operation) => operation.method.toLowerCase()))];

  /** The template the path is, under the first base path that has one, and where it was found. */
  function find(path: string): { template: Template; basePath: string; rest: string } | undefined {
    for (const basePath of basePaths) {
      if (basePath !== '' && path !== basePath && !path.startsWith(`${basePath}/`)) continue;
      const rest = path.slice(basePath.length) || '/';
      const segments = rest.split('/');
      const template = sorted.get(basePath)!.find((candidate) => matches(candidate, segments));
      if (template) return { template, basePath, rest };
    }
    return undefined;
  }

  function route(method: string, path: string): Route | IHttpResponse {
    const found = find(path);
    if (!found) return problemResponse(problem('NOT_FOUND', path, `No operation of the spec has the path ${path}.`));
    const { template, basePath, rest } = found;
    const documented = template.operations.get(method === 'head' ? 'get' : method);
    if (documented) return { ...documented, path: rest, basePath };
    const allowed = withHead([...template.operations.keys()]);
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
