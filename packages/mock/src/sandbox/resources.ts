/**
 * What the sandbox serves, read from the spec's operations: each provider
 * (an operation's one tag) and its credential operations by `x-leaf-helper`,
 * plus the authenticate operation. No code knows any provider by name, so a
 * provider added to the spec is served as soon as the spec is rebuilt.
 */
import type { IHttpOperation } from '@stoplight/types';
import type { JsonSchema } from './schemas.js';
import { readUsers, type UserHelper, type UsersResource, userHelperOf, usersTagOf } from './users.js';
import { webhookHelperOf } from './webhooks.js';

const HELPERS = ['get', 'create', 'delete', 'events', 'status', 'authenticate'] as const;
export type Helper = (typeof HELPERS)[number];

export interface ProviderResource {
  /** The provider's tag name, such as `Climate FieldView`: how answers name it. */
  name: string;
  /** The credentials path's last segment, such as `climate-field-view-credentials`. */
  segment: string;
  /** What control requests and seed entries may call it (compared by `providerAlias`). */
  aliases: string[];
  /** The create body's schema. */
  createSchema?: JsonSchema;
  /** The stored resource's schema: the create's 201, else the get's 200. */
  resourceSchema: JsonSchema;
  /** The schema of each helper's success body, to shape what is answered. */
  answerSchemas: Partial<Record<Helper, JsonSchema>>;
}

export interface Route {
  helper: Helper;
  provider?: ProviderResource;
}

export interface ResourceTable {
  providers: ProviderResource[];
  route(operation: IHttpOperation): Route | undefined;
  /** The provider a control request or seed entry names, by tag name or path segment. */
  provider(name: string): ProviderResource | undefined;
  /** The Leaf users (users.ts), when the spec has them, and the helper of each of their operations. */
  users?: UsersResource;
  userRoute(operation: IHttpOperation): UserHelper | undefined;
  /** The `leafUserId` path parameter's schema, and the example the spec gives for it. */
  leafUserIdSchema: JsonSchema;
  leafUserIdExample?: string;
}

/** `Climate FieldView`, `climateFieldView` and `climate-field-view-credentials` all name one provider. */
export function providerAlias(name: string): string {
  return name
    .replace(/-credentials$/i, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

function helperOf(operation: IHttpOperation): Helper | undefined {
  const helper = (operation.extensions as Record<string, unknown> | undefined)?.['x-leaf-helper'];
  return HELPERS.find((known) => known === helper);
}

function operationKey(operation: { method: string; path: string }): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

function successSchema(operation: IHttpOperation): JsonSchema | undefined {
  const success = operation.responses.find((response) => /^2\d\d$/.test(String(response.code)));
  return success?.contents?.find((content) => content.mediaType.includes('json'))?.schema as JsonSchema | undefined;
}

function bodySchema(operation: IHttpOperation): JsonSchema | undefined {
  return operation.request?.body?.contents?.find((content) => content.mediaType.includes('json'))?.schema as
    | JsonSchema
    | undefined;
}

type Member = { helper: Helper; operation: IHttpOperation };

export function readResources(operations: IHttpOperation[]): ResourceTable {
  const routes = new Map<string, Route>();
  const byTag = new Map<string, Member[]>();
  const usersTag = usersTagOf(operations);
  for (const operation of operations) {
    // The Leaf users are a resource of their own, not a provider's credentials.
    if (usersTag !== undefined && operation.tags?.[0]?.name === usersTag) continue;
    const helper = helperOf(operation);
    // The alerts service's webhooks are no provider's credentials: webhooks.ts answers them.
    if (!helper || webhookHelperOf(operation) !== undefined) continue;
    if (helper === 'authenticate') {
      routes.set(operationKey(operation), { helper });
      continue;
    }
    const tag = operation.tags?.[0]?.name;
    if (!tag) throw new Error(`${operationKey(operation)} has x-leaf-helper ${helper} but no tag naming its provider.`);
    byTag.set(tag, [...(byTag.get(tag) ?? []), { helper, operation }]);
  }
  const providers: ProviderResource[] = [];
  for (const [name, members] of byTag) {
    const provider = providerOf(name, members);
    providers.push(provider);
    for (const { helper, operation } of members) routes.set(operationKey(operation), { helper, provider });
  }
  const aliases = new Map(providers.flatMap((provider) => provider.aliases.map((alias) => [alias, provider] as const)));
  const users = readUsers(operations, providers);
  const userRoutes = new Map(
    operations
      .filter((operation) => usersTag !== undefined && operation.tags?.[0]?.name === usersTag)
      .map((operation) => [operationKey(operation), userHelperOf(operation)] as const),
  );
  return {
    providers,
    route: (operation) => routes.get(operationKey(operation)),
    provider: (name) => aliases.get(providerAlias(name)),
    users,
    userRoute: (operation) => userRoutes.get(operationKey(operation)),
    ...leafUserIdOf([...byTag.values()].flat().map((member) => member.operation)),
  };
}

/** One provider from its operations: the create's (else the get's) path and schemas. */
function providerOf(name: string, members: Member[]): ProviderResource {
  const find = (helper: Helper) => members.find((member) => member.helper === helper)?.operation;
  const home = find('create') ?? find('get');
  if (!home) throw new Error(`Provider ${name} has neither a create nor a get operation.`);
  const resourceSchema = successSchema(home);
  if (!resourceSchema) throw new Error(`${operationKey(home)} documents no JSON success body.`);
  const segment = home.path.split('/').pop()!;
  const answerSchemas: ProviderResource['answerSchemas'] = {};
  for (const { helper, operation } of members) {
    const schema = successSchema(operation);
    if (schema) answerSchemas[helper] = schema;
  }
  const create = find('create');
  return {
    name,
    segment,
    aliases: [providerAlias(name), providerAlias(segment)],
    createSchema: create && bodySchema(create),
    resourceSchema,
    answerSchemas,
  };
}

/** The `leafUserId` path parameter's schema and example (the credential operations share one). */
function leafUserIdOf(operations: IHttpOperation[]): Pick<ResourceTable, 'leafUserIdSchema' | 'leafUserIdExample'> {
  for (const operation of operations) {
    const parameter = operation.request?.path?.find((candidate) => candidate.name === 'leafUserId');
    if (!parameter?.schema) continue;
    const example = parameter.examples?.[0] as { value?: unknown } | undefined;
    return {
      leafUserIdSchema: parameter.schema as JsonSchema,
      leafUserIdExample: typeof example?.value === 'string' ? example.value : undefined,
    };
  }
  return { leafUserIdSchema: { type: 'string' } };
}
