/**
 * The sandbox's answers to the Leaf users' operations, from stored state:
 * list (paged, filtered, sorted), get (credentials embedded), create (with
 * credential links), the deprecated update (a credential it does not link is
 * unlinked: deleted with its events) and delete (the user's credentials and
 * their events go with it).
 */
import type { IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { pageOf, pageRequestOf } from '../answer/paging.js';
import type { Resource } from './resource-shape.js';
import type { ProviderResource } from './resources.js';
import { emptyResponse, fieldProblem, jsonResponse, problemAnswer } from './responses.js';
import type { Credential, Store } from './store.js';
import type { StateKey } from './token-keys.js';
import {
  filteredUsers,
  newUser,
  replacedUser,
  sortedUsers,
  USER_SORT_FIELDS,
  type UserHelper,
  type UserStore,
  type UsersResource,
  userView,
} from './users.js';

export interface UsersContext {
  resource: UsersResource;
  users: UserStore;
  /** Where the credentials are: a user's are deleted with it, and linked by id. */
  store: Store;
}

export interface UsersRequest {
  helper: UserHelper;
  operation: IHttpOperation;
  pathParams: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  path: string;
  key: StateKey;
}

/** The 404 for a user the token cannot see: it names the id. */
function noUser(path: string, leafUserId: string): IHttpResponse {
  return problemAnswer('NOT_FOUND', path, `No Leaf user ${leafUserId}`);
}

/** The 404 for credentials of a user that does not exist (R14): it names the id and says what to do. */
export function credentialsOfNoUser(path: string, leafUserId: string): IHttpResponse {
  return problemAnswer(
    'NOT_FOUND',
    path,
    `No Leaf user ${leafUserId}: create the user first (POST /users), then its credentials with its id`,
  );
}

export function answerUsers(request: UsersRequest, context: UsersContext): IHttpResponse {
  switch (request.helper) {
    case 'list':
      return list(request, context);
    case 'get': {
      const leafUserId = request.pathParams.leafUserId ?? '';
      const user = context.users.get(request.key, leafUserId);
      return user ? jsonResponse(200, view(user, request.key, context)) : noUser(request.path, leafUserId);
    }
    case 'create':
      return create(request, context);
    case 'update':
      return update(request, context);
    case 'delete': {
      const leafUserId = request.pathParams.leafUserId ?? '';
      if (!context.users.delete(request.key, leafUserId)) return noUser(request.path, leafUserId);
      for (const { provider } of context.resource.embeds)
        context.store.delete(request.key, { leafUserId, provider: provider.name });
      return emptyResponse(204);
    }
  }
}

function view(user: Resource, key: StateKey, context: UsersContext): Resource {
  return userView(context.resource, user, (provider) =>
    context.store.get(key, { leafUserId: String(user.id), provider: provider.name }),
  );
}

function list(request: UsersRequest, context: UsersContext): IHttpResponse {
  const page = pageRequestOf(request.operation, request.query) ?? { page: 0, size: 20 };
  const order = sortOf(request);
  if ('statusCode' in order) return order;
  const matching = filteredUsers(context.users.list(request.key), request.operation, request.query);
  const ordered = order.field === undefined ? matching : sortedUsers(matching, order.field, order.descending);
  const answer = pageOf(ordered, page, request.path, request.query);
  return jsonResponse(
    200,
    answer.items.map((user) => view(user, request.key, context)),
    answer.headers,
  );
}

/** `sort` as Spring reads it (`name,desc`): the first field orders; ascending unless it says desc. */
function sortOf(request: UsersRequest): { field?: string; descending: boolean } | IHttpResponse {
  const raw = request.query.sort;
  const sort = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (sort === undefined || sort === '') return { descending: false };
  const parts = sort.split(',');
  const direction = /^(asc|desc)$/i.test(parts.at(-1)!) ? parts.pop()! : 'asc';
  if (parts.length === 0 || !parts.every((name) => USER_SORT_FIELDS.includes(name))) {
    return fieldProblem(
      'VIOLATION',
      request.path,
      'query',
      'sort',
      `query parameter sort must name ${USER_SORT_FIELDS.join(', ')}, optionally followed by ,asc or ,desc`,
    );
  }
  return { field: parts[0], descending: direction.toLowerCase() === 'desc' };
}

function create(request: UsersRequest, context: UsersContext): IHttpResponse {
  const body = (request.body ?? {}) as Resource;
  const user = newUser(context.resource, body);
  const links = resolveLinks(body, String(user.id), request, context);
  if ('statusCode' in links) return links;
  context.users.put(request.key, user);
  for (const move of links) move();
  return jsonResponse(201, view(user, request.key, context));
}

function update(request: UsersRequest, context: UsersContext): IHttpResponse {
  const body = (request.body ?? {}) as Resource;
  const leafUserId = String(body.id);
  if (!context.users.exists(request.key, leafUserId)) return noUser(request.path, leafUserId);
  const links = resolveLinks(body, leafUserId, request, context);
  if ('statusCode' in links) return links;
  // What the body does not link is unlinked: those credentials (and their events) are gone.
  for (const { property, provider } of context.resource.embeds)
    if (body[property] === undefined) context.store.delete(request.key, { leafUserId, provider: provider.name });
  context.users.put(request.key, replacedUser(context.resource, body));
  for (const move of links) move();
  return jsonResponse(200, view(context.users.get(request.key, leafUserId)!, request.key, context));
}

/**
 * Each `<provider>Credentials: { id }` of the body as a move of those credentials to `leafUserId`,
 * to run once the user is stored; a 400 naming the link when the token has no such credentials.
 */
function resolveLinks(
  body: Resource,
  leafUserId: string,
  request: UsersRequest,
  context: UsersContext,
): Array<() => void> | IHttpResponse {
  const moves: Array<() => void> = [];
  for (const { property, provider } of context.resource.embeds) {
    const link = body[property] as { id?: unknown } | undefined;
    if (link === undefined) continue;
    const found = findCredential(request.key, provider, String(link.id), context.store);
    if (!found) {
      return fieldProblem(
        'VIOLATION',
        request.path,
        'body',
        `${property}.id`,
        `${property}.id: no ${provider.name} credentials with id ${String(link.id)}; create them first`,
      );
    }
    if (found.leafUserId === leafUserId) continue;
    moves.push(() => {
      context.store.put(request.key, { leafUserId, provider: provider.name }, found.credential);
      context.store.delete(request.key, { leafUserId: found.leafUserId, provider: provider.name });
    });
  }
  return moves;
}

function findCredential(
  key: StateKey,
  provider: ProviderResource,
  id: string,
  store: Store,
): { leafUserId: string; credential: Credential } | undefined {
  return store
    .list(key)
    .find((entry) => entry.provider === provider.name && String(entry.credential.resource.id) === id);
}
