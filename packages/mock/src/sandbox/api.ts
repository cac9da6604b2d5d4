/**
 * The sandbox's answers to the API's operations, from stored state: the
 * answer stage behind the mock's routing and validation. Which operation does
 * what comes from its `x-leaf-helper`; whose state it sees, from its token.
 */

import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { type PageRequest, pageOf, pageRequestOf } from '../answer/paging.js';
import { authenticate, type SignInContext } from './authenticate.js';
import { createCredential } from './credentials.js';
import { EVENT_SORT_FIELDS, type EventOrder, orderedEvents, retained } from './events.js';
import { canonicalUserId, MAX_NESTING, tooDeep } from './limits.js';
import { answerView, type Resource } from './resource-shape.js';
import type { ResourceTable, Route } from './resources.js';
import { emptyResponse, fieldProblem, jsonResponse, noCredentials, problemAnswer } from './responses.js';
import type { Slot, Store } from './store.js';
import type { StateKey } from './token-keys.js';

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
}

export function answerApi(request: ApiRequest, context: ApiContext): IHttpResponse {
  const path = request.path ?? fillPath(request.operation.path, request.pathParams);
  const route = context.table.route(request.operation);
  if (!route) {
    return problemAnswer(
      'MOCK_FAILURE',
      path,
      `The sandbox has no answer for ${request.operation.method.toUpperCase()} ${request.operation.path}: it has no x-leaf-helper the sandbox knows.`,
    );
  }
  if (route.helper === 'authenticate') return authenticate(request.operation, request.body, path, context);

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
  return answerCredentials(route as Required<Route>, request, path, token.key, context);
}

function answerCredentials(
  route: Required<Route>,
  request: ApiRequest,
  path: string,
  key: StateKey,
  context: ApiContext,
): IHttpResponse {
  const { provider } = route;
  // One user, whatever the case of its id: stored and looked up in one form.
  const leafUserId = canonicalUserId(request.pathParams.leafUserId ?? '');
  const slot: Slot = { leafUserId, provider: provider.name };
  const now = context.clocks.now(key);
  if (route.helper === 'create') {
    const deep = tooDeep(request.body);
    if (deep !== undefined)
      return fieldProblem('VIOLATION', path, 'body', deep, `body.${deep} is nested deeper than ${MAX_NESTING} levels`);
    const credential = createCredential(provider, (request.body ?? {}) as Resource, now);
    context.store.put(key, slot, credential);
    return jsonResponse(
      201,
      answerView(credential.resource, provider.answerSchemas.create ?? provider.resourceSchema, provider.createSchema),
    );
  }
  if (route.helper === 'delete')
    return context.store.delete(key, slot) ? emptyResponse(204) : noCredentials(path, provider.name, leafUserId);

  const credential = context.store.get(key, slot);
  if (!credential) return noCredentials(path, provider.name, leafUserId);
  switch (route.helper) {
    case 'get':
      return jsonResponse(
        200,
        answerView(credential.resource, provider.answerSchemas.get ?? provider.resourceSchema, provider.createSchema),
      );
    case 'status':
      return jsonResponse(
        200,
        answerView(
          credential.resource,
          provider.answerSchemas.status ?? { properties: { status: {} }, additionalProperties: false },
          undefined,
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
 * page and size as the spec documents them (Prism has checked their bounds), and
 * sort. Without paging parameters in the spec, Leaf's defaults (setup_information).
 */
function readPaging(request: ApiRequest, path: string): { page: PageRequest; order?: EventOrder } | IHttpResponse {
  const page = pageRequestOf(request.operation, request.query) ?? LEAF_PAGING;
  for (const name of ['page', 'size'] as const) {
    const low = name === 'page' ? 0 : 1;
    if (!Number.isInteger(page[name]) || page[name] < low || (name === 'size' && page.size > LEAF_MAX_SIZE)) {
      return fieldProblem(
        'VIOLATION',
        path,
        'query',
        name,
        `query parameter ${name} must be an integer from ${low}${name === 'size' ? ` to ${LEAF_MAX_SIZE}` : ''}`,
      );
    }
  }
  const sort = single(request.query.sort);
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

/** Leaf's list paging (setup_information): page 0, 20 items, at most 100. */
const LEAF_PAGING: PageRequest = { page: 0, size: 20 };
const LEAF_MAX_SIZE = 100;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : encodeURIComponent(params[name]!),
  );
}
