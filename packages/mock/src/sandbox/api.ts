/**
 * The sandbox's answers to the API's operations, from stored state: the
 * answer stage behind the mock's routing and validation. Which operation does
 * what comes from its `x-leaf-helper`; whose state it sees, from its token.
 */
import type { IHttpOperation } from '@stoplight/types';
import type { IHttpResponse } from '@stoplight/prism-http';
import type { Clock } from './clock.js';
import { createCredential } from './credentials.js';
import { PAGE_DEFAULTS, pageOf, retained, type PageRequest } from './events.js';
import { answerView, type Resource } from './resource-shape.js';
import type { ProviderResource, ResourceTable, Route } from './resources.js';
import { emptyResponse, fieldProblem, jsonResponse, noCredentials, problemResponse } from './responses.js';
import type { Slot, Store } from './store.js';
import { checkToken, type StateKey } from './token-keys.js';
import { authenticate } from './authenticate.js';

export interface ApiRequest {
  /** Routed; the mock has validated the request against it already. */
  operation: IHttpOperation;
  /** Such as `{ leafUserId }`. */
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, valid against the spec. */
  body: unknown;
  /** The path as received (under the production base path, say): links and problems quote it. Defaults to the operation's path filled in. */
  path?: string;
}

export interface ApiContext {
  table: ResourceTable;
  store: Store;
  clock: Clock;
}

export function answerApi(request: ApiRequest, context: ApiContext): IHttpResponse {
  const path = request.path ?? fillPath(request.operation.path, request.pathParams);
  const route = context.table.route(request.operation);
  if (!route) {
    return problemResponse(500, path, `The sandbox has no answer for ${request.operation.method.toUpperCase()} ${request.operation.path}: it has no x-leaf-helper the sandbox knows.`);
  }
  if (route.helper === 'authenticate') return authenticate(request.body, path, context.clock.now());

  const now = context.clock.now();
  const token = checkToken(request.headers.authorization, now);
  if ('missing' in token) return fieldProblem(401, path, 'header', 'Authorization', 'Authorization header: a bearer token is required');
  if ('expired' in token) {
    const message = `Authorization header: the sandbox token of ${token.expired.username} expired at ${new Date(token.expired.exp * 1000).toISOString()}; authenticate again`;
    const answer = fieldProblem(401, path, 'header', 'Authorization', message);
    return { ...answer, headers: { ...answer.headers, 'www-authenticate': 'Bearer error="invalid_token"' } };
  }
  return answerCredentials(route as Required<Route>, request, path, token.key, context);
}

function answerCredentials(route: Required<Route>, request: ApiRequest, path: string, key: StateKey, context: ApiContext): IHttpResponse {
  const { provider } = route;
  const leafUserId = request.pathParams.leafUserId ?? '';
  const slot: Slot = { leafUserId, provider: provider.name };
  const now = context.clock.now();
  if (route.helper === 'create') {
    const credential = createCredential(provider, request.body as Resource, now);
    context.store.put(key, slot, credential);
    return jsonResponse(201, answerView(credential.resource, provider.answerSchemas.create ?? provider.resourceSchema, provider.createSchema));
  }
  if (route.helper === 'delete') return context.store.delete(key, slot) ? emptyResponse(204) : noCredentials(path, provider.name, leafUserId);

  const credential = context.store.get(key, slot);
  if (!credential) return noCredentials(path, provider.name, leafUserId);
  switch (route.helper) {
    case 'get':
      return jsonResponse(200, answerView(credential.resource, provider.answerSchemas.get ?? provider.resourceSchema, provider.createSchema));
    case 'status':
      return jsonResponse(200, answerView(credential.resource, provider.answerSchemas.status ?? { properties: { status: {} }, additionalProperties: false }, undefined));
    case 'events': {
      const paging = readPaging(request.query, provider, path);
      if ('statusCode' in paging) return paging;
      const page = pageOf(retained(credential.log, now), paging, path);
      return jsonResponse(200, page.items, { 'x-total-count': String(page.total), ...(page.link ? { link: page.link } : {}) });
    }
    default:
      return problemResponse(500, path, `The sandbox does not answer x-leaf-helper ${route.helper}.`);
  }
}

/** page, size and sort as the spec documents them on the events operation (Leaf's defaults where it is silent). */
function readPaging(query: ApiRequest['query'], provider: ProviderResource, path: string): PageRequest | IHttpResponse {
  const schemaOf = (name: string) => provider.eventsQuery.find((parameter) => parameter.name === name)?.schema ?? {};
  const integer = (name: string, fallback: number, minimum: number, maximum: number): number | IHttpResponse => {
    const raw = single(query[name]);
    const schema = schemaOf(name);
    const value = raw === undefined ? Number(schema.default ?? fallback) : Number(raw);
    const low = Number(schema.minimum ?? minimum);
    const high = Number(schema.maximum ?? maximum);
    if (!Number.isInteger(value) || value < low || value > high) {
      return fieldProblem(400, path, 'query', name, `query parameter ${name} must be an integer from ${low} to ${high}`);
    }
    return value;
  };
  const page = integer('page', PAGE_DEFAULTS.page, 0, Number.MAX_SAFE_INTEGER);
  if (typeof page !== 'number') return page;
  const size = integer('size', PAGE_DEFAULTS.size, 1, PAGE_DEFAULTS.maxSize);
  if (typeof size !== 'number') return size;
  const sort = single(query.sort);
  if (sort === undefined || sort === '') return { page, size };
  const [field = '', direction = 'desc'] = sort.split(',');
  if (!EVENT_FIELDS.has(field) || !/^(asc|desc)$/i.test(direction)) {
    return fieldProblem(400, path, 'query', 'sort', `query parameter sort must be one of ${[...EVENT_FIELDS].join(', ')}, optionally followed by ,asc or ,desc`);
  }
  return { page, size, sort: { field, descending: direction.toLowerCase() === 'desc' } };
}

/** What an event can be sorted by: the fields every event has. */
const EVENT_FIELDS = new Set(['createdDate', 'id', 'statusCode']);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : encodeURIComponent(params[name]!)));
}
