/**
 * The spec model: the one reading of the bundled document every generator,
 * template, server and test asks its questions of. Each rule that used to be
 * read in several places lives here once:
 *
 * - security: an operation's `security` replaces the document's; `security: []`
 *   or an empty requirement `{}` among them means a request without credentials
 *   is allowed (OpenAPI 3.1 §4.8.30).
 * - examples: `example`, else the first of `examples` — at the media type (or
 *   parameter), then at its schema (`exampleOf`).
 * - servers: the operation's own, else its path's, else the document's; the
 *   first loopback one is the local (mock) server, the first other one production.
 * - resources: an operation belongs to its tag. A tag with `x-leaf-provider` is a
 *   provider's credentials, one with `x-leaf-resource` another resource of the
 *   client (Leaf users, webhooks); any other tag (Authentication: sign-in) is a
 *   resource with no client property. `x-leaf-helper` says which helper kind each
 *   operation is, so a new resource is spec files plus at most one new kind.
 */
import { resolveRef } from './json-pointer.js';
import {
  type BundledSpec,
  isLoopback,
  listOperations,
  readBundledSpec,
  type SpecOperation,
  serversOf,
  successStatus,
} from './spec.js';

type Json = Record<string, unknown>;

/** The helper kinds an operation can be (`x-leaf-helper`). */
export const LEAF_HELPERS = ['get', 'create', 'delete', 'events', 'status', 'authenticate'] as const;
export type LeafHelper = (typeof LEAF_HELPERS)[number];

/** A JSON Schema as the spec writes them, every local `$ref` replaced by its target. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  example?: unknown;
  examples?: unknown[];
  [keyword: string]: unknown;
}

export interface SpecTag {
  name: string;
  description?: string;
  'x-displayName'?: string;
  'x-leaf-provider'?: string;
  'x-leaf-resource'?: string;
}

export interface ResourceModel {
  /** Its tag, which is also its name in prose ("Trimble", "Authentication"). */
  tag: string;
  /** What the sidebar calls it ("Trimble credentials"). */
  displayName: string;
  /** `provider`: a provider's credentials (`x-leaf-provider`); `resource`: another resource (`x-leaf-resource`); `tag`: neither (sign-in). */
  kind: 'provider' | 'resource' | 'tag';
  /** The client's property for it (`trimble`, `users`), undefined for a tag of kind `tag`. */
  property?: string;
  /** Helper kind to operationId, in document order. */
  operations: Partial<Record<LeafHelper, string>>;
}

export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Its schema, dereferenced (`{}` when it has none). */
  schema: JsonSchema;
  /** The documented example (see `exampleOf`), undefined when there is none. */
  example?: unknown;
  /** The schema's `default`: what the server assumes when it is left out. */
  default?: unknown;
}

/** The bounds and default of one paging parameter, from its schema. */
export interface PagingBound {
  default: number;
  minimum: number;
  maximum?: number;
}

export interface PagingModel {
  page: PagingBound;
  size: PagingBound;
}

export interface SecurityModel {
  /** Whether a request without credentials is refused (no requirement is empty). */
  required: boolean;
  /** Whether a request without credentials is allowed (`security: []`, no security, or a `{}` among them). */
  anonymous: boolean;
  /** The security schemes any requirement names, in order (`bearerAuth`). */
  schemes: string[];
}

export interface BodyModel {
  mediaType: string;
  schema: JsonSchema;
  /** The example (see `exampleOf`), undefined when the spec gives none. */
  example?: unknown;
}

export interface TokenLifetimes {
  rememberMe: number;
  otherwise: number;
}

export interface OperationModel {
  operationId: string;
  /** Upper-case, as sent on the wire. */
  method: string;
  /** The path template, such as `/users/{leafUserId}/trimble-credentials`. */
  path: string;
  /** The resource (tag) it belongs to. */
  resource: ResourceModel;
  helper: LeafHelper;
  /** Its production server URL and the local (loopback) one, as written. */
  servers: { production: string; local: string };
  /** The path each server puts in front of `path` (`''` for none, `/api` for sign-in). */
  basePaths: { production: string; local: string };
  /** Every server's base path, unique, in server order: where a mock answering both serves it. */
  allBasePaths: string[];
  /** Whether the operation or its path states its own `servers` (not the document's). */
  ownServers: boolean;
  security: SecurityModel;
  /** Path-level then operation-level parameters, an operation's own replacing its path's of the same name and place. */
  parameters: ParameterModel[];
  /** The paging parameters' defaults and bounds, when it is a paged list (a query `size` with a default). */
  paging?: PagingModel;
  requestBody?: BodyModel & { required: boolean };
  /** The one 2xx it answers a valid request with, and that response's JSON body, if any. */
  success: { status: number; body?: BodyModel };
  /** Every numeric status it documents, in document order. */
  documentedStatuses: number[];
  /** The documented statuses that are not the success. */
  errorStatuses: number[];
  /** `x-leaf-token-lifetime-seconds`, on the operation that issues tokens. */
  tokenLifetimes?: TokenLifetimes;
  /** The operation as the bundle has it, for what the model does not answer. */
  source: SpecOperation;
}

export interface SpecModel {
  spec: BundledSpec;
  operations: OperationModel[];
  /** Every tag as a resource, in the order the tags are declared. */
  resources: ResourceModel[];
  /** The operation with this operationId; throws naming it when there is none. */
  operation(operationId: string): OperationModel;
  /** The operation documented at this method (any case) and path template, if any: for readers keyed by route (Prism's operations). */
  operationAt(method: string, path: string): OperationModel | undefined;
  /** The lifetimes of the tokens the sign-in operation issues; throws when no operation states them. */
  tokenLifetimes(): TokenLifetimes;
}

/** Replaces every local `$ref` with what it points at; throws on a cycle (the spec has none). */
export function dereference<T>(spec: BundledSpec, node: T, seen: ReadonlySet<unknown> = new Set()): T {
  if (Array.isArray(node)) return node.map((item) => dereference(spec, item, seen)) as T;
  if (node === null || typeof node !== 'object') return node;
  const target = resolveRef(spec, node);
  if (target !== node) {
    const ref = (node as unknown as { $ref: string }).$ref;
    if (seen.has(ref)) throw new Error(`The spec's $ref ${ref} refers to itself: the model reads no cycles.`);
    return dereference(spec, target as T, new Set([...seen, ref]));
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dereference(spec, value, seen)])) as T;
}

/**
 * The one example rule: the holder's `example`, else the value of the first of its `examples`
 * (a media type's or parameter's map of Example Objects), else its schema's `example`, else the
 * first of the schema's `examples` (JSON Schema's array). Works on a schema alone too.
 */
export function exampleOf(holder: Json | undefined): unknown {
  if (!holder) return undefined;
  if (holder.example !== undefined) return holder.example;
  const examples = holder.examples;
  if (Array.isArray(examples)) {
    if (examples.length > 0) return examples[0];
  } else if (examples && typeof examples === 'object') {
    const first = Object.values(examples)[0] as Json | undefined;
    if (first !== undefined) return first.value;
  }
  return holder.schema && typeof holder.schema === 'object' ? exampleOf(holder.schema as Json) : undefined;
}

/** The one security rule (see the file comment). */
export function securityOf(spec: BundledSpec, operation: Json): SecurityModel {
  const requirements = ((operation.security ?? spec.security ?? []) as Json[]).map((requirement) =>
    Object.keys(requirement ?? {}),
  );
  const anonymous = requirements.length === 0 || requirements.some((names) => names.length === 0);
  return { required: !anonymous, anonymous, schemes: [...new Set(requirements.flat())] };
}

function basePathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return ''; // a relative or templated server URL: served from the root
  }
}

function serversModel(spec: BundledSpec, specOperation: SpecOperation) {
  const servers = serversOf(spec, specOperation);
  const production = servers.find((server) => !isLoopback(server));
  const local = servers.find(isLoopback);
  const where = `${specOperation.operationId}'s servers`;
  if (!production) throw new Error(`${where} list no production server.`);
  if (!local) throw new Error(`${where} list no loopback server for the mock.`);
  const ownServers =
    specOperation.operation.servers !== undefined || spec.paths[specOperation.path]?.servers !== undefined;
  return {
    servers: { production: production.url, local: local.url },
    basePaths: { production: basePathOf(production.url), local: basePathOf(local.url) },
    allBasePaths: [...new Set(servers.map((server) => basePathOf(server.url)))],
    ownServers,
  };
}

function parametersModel(spec: BundledSpec, specOperation: SpecOperation): ParameterModel[] {
  const declared = [
    ...((spec.paths[specOperation.path]?.parameters as unknown[] | undefined) ?? []),
    ...((specOperation.operation.parameters as unknown[] | undefined) ?? []),
  ].map((parameter) => dereference(spec, parameter) as Json);
  const byKey = new Map<string, Json>();
  for (const parameter of declared) byKey.set(`${String(parameter.in)} ${String(parameter.name)}`, parameter);
  return [...byKey.values()].map((parameter) => {
    const schema = (parameter.schema ?? {}) as JsonSchema;
    const example = exampleOf(parameter);
    return {
      name: String(parameter.name),
      in: parameter.in as ParameterModel['in'],
      required: parameter.required === true,
      schema,
      ...(example === undefined ? {} : { example }),
      ...(schema.default === undefined ? {} : { default: schema.default }),
    };
  });
}

function pagingBound(parameter: ParameterModel | undefined): PagingBound | undefined {
  const { default: fallback, minimum, maximum } = parameter?.schema ?? {};
  if (typeof fallback !== 'number') return undefined;
  return { default: fallback, minimum: minimum ?? 0, ...(maximum === undefined ? {} : { maximum }) };
}

function pagingModel(parameters: ParameterModel[]): PagingModel | undefined {
  const query = (name: string) => parameters.find((parameter) => parameter.in === 'query' && parameter.name === name);
  const size = pagingBound(query('size'));
  if (!size) return undefined;
  return { page: pagingBound(query('page')) ?? { default: 0, minimum: 0 }, size };
}

/** The JSON content of a request body or response: its media type, schema and example. */
function bodyModel(holder: Json | undefined): BodyModel | undefined {
  const [mediaType, media] =
    Object.entries((holder?.content as Record<string, Json> | undefined) ?? {}).find(([type]) =>
      /^application\/([\w.+-]+\+)?json$/.test(type),
    ) ?? [];
  if (!mediaType || !media) return undefined;
  const example = exampleOf(media);
  return {
    mediaType,
    schema: (media.schema ?? {}) as JsonSchema,
    ...(example === undefined ? {} : { example }),
  };
}

/** The `x-leaf-helper` of an operation; throws naming it when it has none or an unknown one. */
export function leafHelperOf(operation: SpecOperation): LeafHelper {
  const helper = operation.operation['x-leaf-helper'];
  if (!LEAF_HELPERS.includes(helper as LeafHelper)) {
    throw new Error(
      `${operation.operationId} must state its helper: x-leaf-helper is ${JSON.stringify(helper)}, not one of ${LEAF_HELPERS.join(', ')}.`,
    );
  }
  return helper as LeafHelper;
}

function tokenLifetimesOf(specOperation: SpecOperation): TokenLifetimes | undefined {
  const stated = specOperation.operation['x-leaf-token-lifetime-seconds'] as Json | undefined;
  if (stated === undefined) return undefined;
  if (typeof stated.rememberMe !== 'number' || typeof stated.otherwise !== 'number') {
    throw new Error(
      `${specOperation.operationId}: x-leaf-token-lifetime-seconds must be { rememberMe: <seconds>, otherwise: <seconds> }.`,
    );
  }
  return { rememberMe: stated.rememberMe, otherwise: stated.otherwise };
}

export function specTags(spec: BundledSpec): SpecTag[] {
  return (spec.tags as SpecTag[] | undefined) ?? [];
}

function resourceOfTag(tag: SpecTag): ResourceModel {
  const provider = tag['x-leaf-provider'];
  const resource = tag['x-leaf-resource'];
  if (provider !== undefined && resource !== undefined)
    throw new Error(`Tag ${tag.name} states both x-leaf-provider and x-leaf-resource; a tag is one resource.`);
  const property = provider ?? resource;
  return {
    tag: tag.name,
    displayName: tag['x-displayName'] ?? tag.name,
    kind: provider !== undefined ? 'provider' : resource !== undefined ? 'resource' : 'tag',
    ...(property === undefined ? {} : { property: String(property) }),
    operations: {},
  };
}

function resourceOf(resources: ResourceModel[], specOperation: SpecOperation): ResourceModel {
  const own = resources.filter((resource) => specOperation.tags.includes(resource.tag));
  if (own.length !== 1) {
    throw new Error(
      `${specOperation.operationId} has ${own.length} declared tags (${specOperation.tags.join(', ') || 'none'}); an operation belongs to exactly one resource.`,
    );
  }
  return own[0]!;
}

function operationModel(spec: BundledSpec, specOperation: SpecOperation, resource: ResourceModel): OperationModel {
  const { operationId, method, path, operation } = specOperation;
  const parameters = parametersModel(spec, specOperation);
  const paging = pagingModel(parameters);
  const requestBody = dereference(spec, operation.requestBody) as Json | undefined;
  const requestBodyModel = bodyModel(requestBody);
  if (requestBody && !requestBodyModel)
    throw new Error(`${operationId}'s request body has no application/json content.`);
  const status = successStatus(specOperation);
  const responses = (operation.responses as Json | undefined) ?? {};
  const successBody = bodyModel(dereference(spec, responses[String(status)]) as Json | undefined);
  const documentedStatuses = Object.keys(responses)
    .filter((code) => /^\d{3}$/.test(code))
    .map(Number);
  const tokenLifetimes = tokenLifetimesOf(specOperation);
  return {
    operationId,
    method: method.toUpperCase(),
    path,
    resource,
    helper: leafHelperOf(specOperation),
    ...serversModel(spec, specOperation),
    security: securityOf(spec, operation),
    parameters,
    ...(paging ? { paging } : {}),
    ...(requestBodyModel ? { requestBody: { ...requestBodyModel, required: requestBody?.required === true } } : {}),
    success: { status, ...(successBody ? { body: successBody } : {}) },
    documentedStatuses,
    errorStatuses: documentedStatuses.filter((code) => code !== status),
    ...(tokenLifetimes ? { tokenLifetimes } : {}),
    source: specOperation,
  };
}

function buildModel(spec: BundledSpec): SpecModel {
  const resources = specTags(spec).map(resourceOfTag);
  const operations = listOperations(spec).map((specOperation) => {
    const resource = resourceOf(resources, specOperation);
    const model = operationModel(spec, specOperation, resource);
    const taken = resource.operations[model.helper];
    if (taken) {
      throw new Error(`${resource.tag} has two "${model.helper}" operations: ${taken} and ${model.operationId}.`);
    }
    resource.operations[model.helper] = model.operationId;
    return model;
  });
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
  const byRoute = new Map(operations.map((operation) => [routeKey(operation.method, operation.path), operation]));
  return {
    spec,
    operations,
    resources,
    operation(operationId) {
      const found = byId.get(operationId);
      if (!found) throw new Error(`The spec has no operation ${operationId}.`);
      return found;
    },
    operationAt: (method, path) => byRoute.get(routeKey(method, path)),
    tokenLifetimes() {
      const issuing = operations.filter((operation) => operation.tokenLifetimes);
      if (issuing.length !== 1) {
        throw new Error(
          `Exactly one operation (sign-in) must state x-leaf-token-lifetime-seconds: { rememberMe, otherwise }; ${issuing.length} do.`,
        );
      }
      return issuing[0]!.tokenLifetimes!;
    },
  };
}

const models = new WeakMap<BundledSpec, SpecModel>();
let shipped: SpecModel | undefined;

/**
 * The model of `spec`, or of the bundled document this package ships when none is given, read
 * once per document object (and the shipped file once per process): ask again and the same
 * model answers. Treat the document as read-only.
 */
export function specModel(spec?: BundledSpec): SpecModel {
  if (!spec) {
    shipped ??= specModel(readBundledSpec());
    return shipped;
  }
  let model = models.get(spec);
  if (!model) {
    model = buildModel(spec);
    models.set(spec, model);
  }
  return model;
}
