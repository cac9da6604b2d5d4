/**
 * The sandbox's answers to the API's operations, from stored state: the
 * answer stage behind the mock's routing and validation. Which operation does
 * what comes from its `x-leaf-helper`; whose state it sees, from its token.
 */

import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { type PageRequest, pageOf, pageRequestOf, queryValue } from '../answer/paging.js';
import { operationModelOf } from '../model.js';
import { authenticate, type SignInContext } from './authenticate.js';
import { createCredential } from './credentials.js';
import { EVENT_SORT_FIELDS, type EventOrder, orderedEvents, retained } from './events.js';
import { canonicalUserId, MAX_NESTING, tooDeep } from './limits.js';
import { answerView, type Resource } from './resource-shape.js';
import type { ProviderResource, ResourceTable, Route } from './resources.js';
import { emptyResponse, fieldProblem, jsonResponse, noCredentials, problemAnswer } from './responses.js';
import type { JsonSchema } from './schemas.js';
import type { Slot, Store } from './store.js';
import type { StateKey } from './token-keys.js';
import type { UserStore } from './users.js';
import { answerUsers, credentialsOfNoUser } from './users-api.js';

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

export interface ApiContext extends SignInContext {
  table: ResourceTable;
  store: Store;
  /** The Leaf users (when the spec has them): credentials need their user unless `lenientUsers`. */
  users?: UserStore;
  lenientUsers?: boolean;
}

export function answerApi(request: ApiRequest, context: ApiContext): IHttpResponse {
  const path = request.path ?? fillPath(request.operation.path, request.pathParams);
  const route = context.table.route(request.operation);
  const userHelper = context.table.userRoute(request.operation);
  if (!route && !userHelper) {
    return problemAnswer(
      'MOCK_FAILURE',
      path,
      `The sandbox has no answer for ${request.operation.method.toUpperCase()} ${request.operation.path}: it has no x-leaf-helper the sandbox knows.`,
    );
  }
  if (route?.helper === 'authenticate') return authenticate(request.operation, request.body, path, context);

  const key = authorize(request, path, context);
  if (typeof key !== 'string') return key;
  if (userHelper && context.table.users && context.users) {
    const users = { resource: context.table.users, users: context.users, store: context.store };
    return answerUsers({ ...request, helper: userHelper, path, key }, users);
  }
  return answerCredentials(route as Required<Route>, request, path, key, context);
}

/** Every entry of the resource the token sees, each shown as the list's item schema says. */
function listed(provider: ProviderResource, key: StateKey, context: ApiContext): IHttpResponse {
  const itemSchema = (provider.answerSchemas.list?.items as JsonSchema | undefined) ?? provider.resourceSchema;
  const entries = context.store.list(key).filter((stored) => stored.provider === provider.name);
  return jsonResponse(
    200,
    entries.map(({ credential }) => answerView(credential.resource, itemSchema)),
  );
}

/** The state key the request's token names, or the 401 for a missing or expired token (each key on its own clock). */
export function authorize(
  request: ApiRequest,
  path: string,
  context: Pick<SignInContext, 'tokens' | 'clocks'>,
): StateKey | IHttpResponse {
  const token = context.tokens.check(request.headers.authorization, (key) => context.clocks.now(key));
  if ('missing' in token)
    return fieldProblem(
      'UNAUTHORIZED',
      path,
      'header',
      'Authorization',
      'Authorization header: a bearer token is required',
    );
  if ('expired' in token) {
    const message = `Authorization header: the sandbox token of ${token.expired.username} expired at ${new Date(token.expired.exp * 1000).toISOString()}; authenticate again`;
    const answer = fieldProblem('UNAUTHORIZED', path, 'header', 'Authorization', message);
    return { ...answer, headers: { ...answer.headers, 'www-authenticate': 'Bearer error="invalid_token"' } };
  }
  return token.key;
}

function answerCredentials(
  route: Required<Route>,
  request: ApiRequest,
  path: string,
  key: StateKey,
  context: ApiContext,
): IHttpResponse {
  const { provider } = route;
  if (route.helper === 'list') return listed(provider, key, context);
  // One user, whatever the case of its id: stored and looked up in one form.
  const leafUserId = canonicalUserId(request.pathParams.leafUserId ?? '');
  const slot: Slot = { leafUserId, provider: provider.name };
  const now = context.clocks.now(key);
  // Credentials belong to a Leaf user that exists (spec/README.md R14).
  if (context.users && !context.lenientUsers && !context.users.exists(key, leafUserId))
    return credentialsOfNoUser(path, leafUserId);
  if (route.helper === 'create') {
    const deep = tooDeep(request.body);
    if (deep !== undefined)
      return fieldProblem('VIOLATION', path, 'body', deep, `body.${deep} is nested deeper than ${MAX_NESTING} levels`);
    const credential = createCredential(provider, (request.body ?? {}) as Resource, now);
    context.store.put(key, slot, credential);
    return jsonResponse(201, answerView(credential.resource, provider.answerSchemas.create ?? provider.resourceSchema));
  }
  if (route.helper === 'delete')
    return context.store.delete(key, slot) ? emptyResponse(204) : noCredentials(path, provider.name, leafUserId);

  const credential = context.store.get(key, slot);
  if (!credential) return noCredentials(path, provider.name, leafUserId);
  switch (route.helper) {
    case 'get':
      return jsonResponse(200, answerView(credential.resource, provider.answerSchemas.get ?? provider.resourceSchema));
    case 'status':
      return jsonResponse(
        200,
        answerView(
          credential.resource,
          provider.answerSchemas.status ?? { properties: { status: {} }, additionalProperties: false },
        ),
      );
    case 'events': {
      const paging = readPaging(request, path);
      if ('statusCode' in paging) return paging;
      const page = pageOf(orderedEvents(retained(credential.log, now), paging.order), paging.page, path, request.query);
      return jsonResponse(200, page.items, page.headers);
    }
    default:
      return problemAnswer('MOCK_FAILURE', path, `The sandbox does not answer x-leaf-helper ${route.helper}.`);
  }
}

/**
 * page and size within the spec model's paging bounds (Prism has checked them
 * already), and sort; a repeated parameter counts by its first value, as everywhere.
 */
function readPaging(request: ApiRequest, path: string): { page: PageRequest; order?: EventOrder } | IHttpResponse {
  const paging = operationModelOf(request.operation).paging;
  const page = pageRequestOf(request.operation, request.query);
  if (!paging || !page) {
    return problemAnswer(
      'MOCK_FAILURE',
      path,
      `${request.operation.path} documents no paging (a query size with a default).`,
    );
  }
  for (const name of ['page', 'size'] as const) {
    const { minimum, maximum } = paging[name];
    const value = page[name];
    if (!Number.isInteger(value) || value < minimum || (maximum !== undefined && value > maximum)) {
      const range = maximum === undefined ? `from ${minimum}` : `from ${minimum} to ${maximum}`;
      return fieldProblem('VIOLATION', path, 'query', name, `query parameter ${name} must be an integer ${range}`);
    }
  }
  const sort = queryValue(request.query.sort);
  if (sort === undefined || sort === '') return { page };
  // Spring's form: fields, then an optional direction (`createdDate,desc`); the first field orders.
  const parts = sort.split(',');
  const direction = /^(asc|desc)$/i.test(parts.at(-1)!) ? parts.pop()! : 'desc';
  const field = parts[0] ?? '';
  if (parts.length === 0 || !parts.every((name) => EVENT_SORT_FIELDS.includes(name))) {
    return fieldProblem(
      'VIOLATION',
      path,
      'query',
      'sort',
      `query parameter sort must name ${EVENT_SORT_FIELDS.join(', ')}, optionally followed by ,asc or ,desc`,
    );
  }
  return { page, order: { field, descending: direction.toLowerCase() === 'desc' } };
}

export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : encodeURIComponent(params[name]!),
  );
}
