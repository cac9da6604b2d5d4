/**
 * The Leaf users in the sandbox: which operations are theirs, how a user is
 * stored (per token, copy on write over the seed, in a Store of its own), and
 * what a user answer shows (its stored credentials embedded, each under the
 * property whose schema is that provider's resource). Credentials belong to a
 * user that exists (spec/README.md R14); `lenientUsers` lifts that.
 */
import { randomUUID } from 'node:crypto';
import { exampleOf } from '@leaf-credentials/spec';
import type { IHttpOperation } from '@stoplight/types';
import { operationModelOf } from '../model.js';
import { answerView, type Resource } from './resource-shape.js';
import type { ProviderResource } from './resources.js';
import type { JsonSchema } from './schemas.js';
import type { Credential, Slot, Store } from './store.js';
import type { StateKey } from './token-keys.js';

/** The helpers of the users' operations (`x-leaf-helper`). */
const USER_HELPERS = ['list', 'get', 'create', 'update', 'delete'] as const;
export type UserHelper = (typeof USER_HELPERS)[number];

export interface UsersResource {
  /** The users' tag: the one whose operations include a `list`. */
  tag: string;
  /** What a user answer is: the get's 200 schema. */
  userSchema: JsonSchema;
  /** The stored fields: the create body's properties that are not credential links. */
  fields: string[];
  /** Each provider's embedded credentials: the user property and the provider (tag name). */
  embeds: Array<{ property: string; provider: ProviderResource }>;
}

/** In the users' Store, a user lives in the slot of its id and this provider name. */
const USER_SLOT = '';
const slotOf = (leafUserId: string): Slot => ({ leafUserId, provider: USER_SLOT });

/** The users' helper an operation names, if it names one. */
export const userHelperOf = (operation: IHttpOperation): UserHelper | undefined =>
  USER_HELPERS.find((helper) => helper === operationModelOf(operation).helper);

const jsonSchemaOf = (contents: Array<{ mediaType: string; schema?: unknown }> | undefined) =>
  contents?.find((content) => content.mediaType.includes('json'))?.schema as JsonSchema | undefined;

/** The users' tag, or undefined when the spec has no list operation (no users). */
export function usersTagOf(operations: IHttpOperation[]): string | undefined {
  const list = operations.find((operation) => userHelperOf(operation) === 'list');
  return list && operationModelOf(list).resource.tag;
}

/** The users' operations and schemas, read from the spec; undefined when it has none. */
export function readUsers(operations: IHttpOperation[], providers: ProviderResource[]): UsersResource | undefined {
  const tag = usersTagOf(operations);
  if (tag === undefined) return undefined;
  const mine = operations.filter((operation) => operationModelOf(operation).resource.tag === tag);
  const get = mine.find((operation) => userHelperOf(operation) === 'get');
  const create = mine.find((operation) => userHelperOf(operation) === 'create');
  const userSchema = get && jsonSchemaOf(get.responses.find((response) => response.code === '200')?.contents);
  const createSchema = create && jsonSchemaOf(create.request?.body?.contents);
  if (!userSchema || !createSchema) throw new Error(`The ${tag} operations need a get (200) and a create body.`);
  const properties = (userSchema.properties ?? {}) as Record<string, JsonSchema>;
  // An embedded provider resource is the property whose schema is that provider's (same title).
  const embeds = Object.entries(properties).flatMap(([property, schema]) => {
    const provider = providers.find((candidate) => candidate.resourceSchema.title === schema.title);
    return provider && schema.title !== undefined ? [{ property, provider }] : [];
  });
  const linked = new Set(embeds.map((embed) => embed.property));
  const fields = Object.keys((createSchema.properties ?? {}) as object).filter((name) => !linked.has(name));
  return { tag, userSchema, fields, embeds };
}

/** The spec's example user (the get's schema example), without credentials: what the seed holds. */
function exampleUser(users: UsersResource): Resource | undefined {
  const example = exampleOf(users.userSchema);
  if (!example || typeof example !== 'object') return undefined;
  return storedFields(users, example as Resource);
}

function storedFields(users: UsersResource, body: Resource): Resource {
  const user: Resource = {};
  for (const name of ['id', ...users.fields]) if (body[name] !== undefined) user[name] = body[name];
  return user;
}

const asUser = (user: Resource): Credential => ({ resource: user, log: [] });

/** The users a token sees (seed and its own) in a Store of their own. */
export class UserStore {
  constructor(private readonly store: Store) {}

  get(key: StateKey, leafUserId: string): Resource | undefined {
    return this.store.get(key, slotOf(leafUserId))?.resource;
  }

  exists(key: StateKey, leafUserId: string): boolean {
    return this.get(key, leafUserId) !== undefined;
  }

  /** Whether the shared seed has the user (whatever any token did to it). */
  seeded(leafUserId: string): boolean {
    return this.store.list(undefined).some((entry) => entry.leafUserId === leafUserId);
  }

  put(key: StateKey, user: Resource): void {
    this.store.put(key, slotOf(String(user.id)), asUser(user));
  }

  delete(key: StateKey, leafUserId: string): boolean {
    return this.store.delete(key, slotOf(leafUserId));
  }

  list(key: StateKey): Resource[] {
    return this.store.list(key).map((entry) => entry.credential.resource);
  }

  reset(key?: StateKey): void {
    this.store.reset(key);
  }

  setSeed(users: Resource[]): void {
    this.store.setSeed(users.map((user) => ({ ...slotOf(String(user.id)), credential: asUser(user) })));
  }

  addToSeed(users: Resource[]): void {
    this.store.addToSeed(users.map((user) => ({ ...slotOf(String(user.id)), credential: asUser(user) })));
  }
}

/** A new user from a create body: a fresh id and the stored fields. */
export function newUser(users: UsersResource, body: Resource): Resource {
  return { id: randomUUID(), ...storedFields(users, body) };
}

/** A replaced user (PUT): the body's fields, nothing kept from before but the id. */
export function replacedUser(users: UsersResource, body: Resource): Resource {
  return storedFields(users, body);
}

/** The user as answered: its fields and each provider's stored credentials, as that provider's GET shows them. */
export function userView(
  users: UsersResource,
  user: Resource,
  credentialOf: (provider: ProviderResource) => Credential | undefined,
): Resource {
  const view: Resource = { ...user };
  for (const { property, provider } of users.embeds) {
    const credential = credentialOf(provider);
    if (credential)
      view[property] = answerView(credential.resource, provider.answerSchemas.get ?? provider.resourceSchema);
  }
  return view;
}

/** The users `query` filters on (exact `email`, `name`, `externalId`: whichever the list documents). */
export function filteredUsers(
  list: Resource[],
  operation: IHttpOperation,
  query: Record<string, string | string[]>,
): Resource[] {
  const filters = (operation.request?.query ?? [])
    .map((parameter) => parameter.name)
    .filter((name) => !['page', 'size', 'sort'].includes(name) && query[name] !== undefined)
    .map((name) => [name, single(query[name])] as const);
  return list.filter((user) => filters.every(([name, value]) => user[name] === value));
}

/** The sortable fields of a user: its stored string fields. */
export const USER_SORT_FIELDS = ['id', 'name', 'email', 'externalId'];

export function sortedUsers(list: Resource[], field: string, descending: boolean): Resource[] {
  const text = (user: Resource) => (user[field] === undefined ? '' : String(user[field]));
  const sorted = [...list].sort((a, b) => text(a).localeCompare(text(b)) || String(a.id).localeCompare(String(b.id)));
  return descending ? sorted.reverse() : sorted;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/**
 * The users a seed holds: each seed entry of `users` (an object with an `id`, stored fields only),
 * and, for every seeded credential whose user is not listed, that user with the spec example's
 * fields, so a seed written before users existed keeps answering.
 */
export function seededUsers(users: UsersResource, document: unknown, credentialUserIds: string[]): Resource[] {
  const listed = ((document as { users?: unknown } | null)?.users ?? []) as unknown;
  if (!Array.isArray(listed)) throw new Error('seed: users must be a list of users');
  const seeded = new Map<string, Resource>();
  listed.forEach((entry, index) => {
    if (entry === null || typeof entry !== 'object' || typeof (entry as Resource).id !== 'string')
      throw new Error(`seed: users[${index}] must be an object with a string id`);
    seeded.set((entry as Resource).id as string, storedFields(users, entry as Resource));
  });
  const example = exampleUser(users) ?? {};
  for (const leafUserId of credentialUserIds)
    if (!seeded.has(leafUserId)) seeded.set(leafUserId, { ...example, id: leafUserId });
  return [...seeded.values()];
}

/** The users of credentials seeded by a control request, for those not there yet (the seed's when `key` is undefined). */
export function impliedUsers(users: UsersResource, store: UserStore, key: StateKey | undefined, ids: string[]): void {
  const example = exampleUser(users) ?? {};
  const missing = [...new Set(ids)]
    .filter((id) => (key === undefined ? !store.seeded(id) : !store.exists(key, id)))
    .map((id) => ({ ...example, id }));
  if (key === undefined) store.addToSeed(missing);
  else for (const user of missing) store.put(key, user);
}
