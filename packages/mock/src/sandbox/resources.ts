/**
 * What the sandbox serves, by the spec model: each resource of one entry per
 * Leaf user (a provider's credentials, or another resource with get and create
 * helpers) and its operations by helper, plus the authenticate operation. No
 * code knows any provider by name, so a resource added to the spec is served as
 * soon as the spec is rebuilt. The Leaf users and the webhooks have answers of
 * their own (users.ts, webhooks.ts).
 */
import type { OperationModel } from '@leaf-credentials/spec';
import type { IHttpOperation } from '@stoplight/types';
import { operationModelOf } from '../model.js';
import type { JsonSchema } from './schemas.js';
import { readUsers, type UserHelper, type UsersResource, userHelperOf, usersTagOf } from './users.js';
import { webhookHelperOf } from './webhooks.js';

// `list`: every entry of a resource of one entry per Leaf user (the Leaf users' own list is users.ts's).
const HELPERS = ['get', 'create', 'delete', 'events', 'status', 'list', 'authenticate'] as const;
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

/** The operation's helper by the spec model, when it is one the sandbox answers here. */
function helperOf(model: OperationModel): Helper | undefined {
  return HELPERS.find((known) => known === model.helper);
}

function operationKey(operation: { method: string; path: string }): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

type Member = { helper: Helper; model: OperationModel };

export function readResources(operations: IHttpOperation[]): ResourceTable {
  const routes = new Map<string, Route>();
  const byTag = new Map<string, Member[]>();
  const usersTag = usersTagOf(operations);
  for (const operation of operations) {
    const model = operationModelOf(operation);
    // The Leaf users are a resource of their own, not a provider's credentials.
    if (model.resource.tag === usersTag) continue;
    const helper = helperOf(model);
    // The alerts service's webhooks are no provider's credentials: webhooks.ts answers them.
    if (!helper || webhookHelperOf(operation) !== undefined) continue;
    if (helper === 'authenticate') {
      routes.set(operationKey(model), { helper });
      continue;
    }
    const { tag } = model.resource;
    byTag.set(tag, [...(byTag.get(tag) ?? []), { helper, model }]);
  }
  const providers: ProviderResource[] = [];
  for (const [name, members] of byTag) {
    const provider = providerOf(name, members);
    providers.push(provider);
    for (const { helper, model } of members) routes.set(operationKey(model), { helper, provider });
  }
  const aliases = new Map(providers.flatMap((provider) => provider.aliases.map((alias) => [alias, provider] as const)));
  const users = readUsers(operations, providers);
  const userRoutes = new Map(
    operations
      .filter((operation) => operationModelOf(operation).resource.tag === usersTag)
      .map((operation) => [operationKey(operation), userHelperOf(operation)] as const),
  );
  return {
    providers,
    route: (operation) => routes.get(operationKey(operation)),
    provider: (name) => aliases.get(providerAlias(name)),
    users,
    userRoute: (operation) => userRoutes.get(operationKey(operation)),
    ...leafUserIdOf([...byTag.values()].flat().map((member) => member.model)),
  };
}

/** One provider from its operations: the create's (else the get's) path and schemas. */
function providerOf(name: string, members: Member[]): ProviderResource {
  const find = (helper: Helper) => members.find((member) => member.helper === helper)?.model;
  const home = find('create') ?? find('get');
  if (!home) throw new Error(`Provider ${name} has neither a create nor a get operation.`);
  const resourceSchema = home.success.body?.schema;
  if (!resourceSchema) throw new Error(`${operationKey(home)} documents no JSON success body.`);
  const segment = home.path.split('/').pop()!;
  const answerSchemas: ProviderResource['answerSchemas'] = {};
  for (const { helper, model } of members) {
    const schema = model.success.body?.schema;
    if (schema) answerSchemas[helper] = schema;
  }
  const createSchema = find('create')?.requestBody?.schema;
  return {
    name,
    segment,
    aliases: [providerAlias(name), providerAlias(segment)],
    ...(createSchema ? { createSchema } : {}),
    resourceSchema,
    answerSchemas,
  };
}

/** The `leafUserId` path parameter's schema and example (the credential operations share one). */
function leafUserIdOf(models: OperationModel[]): Pick<ResourceTable, 'leafUserIdSchema' | 'leafUserIdExample'> {
  for (const model of models) {
    const parameter = model.parameters.find((candidate) => candidate.in === 'path' && candidate.name === 'leafUserId');
    if (!parameter) continue;
    return {
      leafUserIdSchema: parameter.schema,
      leafUserIdExample: typeof parameter.example === 'string' ? parameter.example : undefined,
    };
  }
  return { leafUserIdSchema: { type: 'string' } };
}
