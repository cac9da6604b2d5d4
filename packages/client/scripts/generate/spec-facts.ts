/**
 * What the client's generated tables take from the spec model: each
 * operation's method, path, bodies and own server; the providers and their
 * helpers; the rule each path parameter's schema sets; the sign-in
 * operation's token lifetimes. Only the client's own checks live here.
 */
import { type BundledSpec, type JsonSchema, type OperationModel, specModel } from '@leaf-credentials/spec';

export interface OperationFacts {
  id: string;
  method: string;
  path: string;
  requestBody: boolean;
  responseBody: boolean;
  /** The path of the operation's own production server (`servers` on it or its path), when it has one. */
  basePath?: string;
  /** Names of its path parameters. */
  pathParameters: string[];
  /** `x-leaf-resource` of its tag: the client property of the resource (not a provider) it belongs to. */
  resource?: string;
  /** Whether it lists page by page: the spec model's `paging` (a query `size` with a default). */
  paged: boolean;
}

export interface ProviderFacts {
  /** `x-leaf-provider`: the client's property name. */
  name: string;
  tag: string;
  displayName: string;
  /** Helper name to operationId, in document order. */
  helpers: Partial<Record<string, string>>;
}

/** The helpers a provider's operation may be (the spec's `x-leaf-helper` values). */
const PROVIDER_HELPERS = ['get', 'create', 'delete', 'events', 'status'] as const;

const pathParametersOf = (operation: OperationModel) =>
  operation.parameters.filter((parameter) => parameter.in === 'path');

function operationFacts(operation: OperationModel): OperationFacts {
  return {
    id: operation.operationId,
    method: operation.method,
    path: operation.path,
    requestBody: operation.requestBody !== undefined,
    responseBody: operation.success.body !== undefined,
    ...(operation.ownServers ? { basePath: operation.basePaths.production } : {}),
    pathParameters: pathParametersOf(operation).map((parameter) => parameter.name),
    ...(operation.resource.kind === 'resource' ? { resource: operation.resource.property! } : {}),
    paged: operation.paging !== undefined,
  };
}

export function readOperations(spec: BundledSpec): OperationFacts[] {
  return specModel(spec).operations.map(operationFacts);
}

/**
 * The model's providers (one per tag with `x-leaf-provider`, in tag order, each
 * helper once). Throws (so generation fails) when a provider's operation is not
 * a provider helper or takes other path parameters than `leafUserId`, which the
 * helpers' signature assumes.
 */
export function readProviders(spec: BundledSpec): ProviderFacts[] {
  const model = specModel(spec);
  return model.resources
    .filter((resource) => resource.kind === 'provider')
    .map((provider) => {
      for (const [helper, id] of Object.entries(provider.operations)) {
        const where = `${id} (tag ${provider.tag})`;
        if (!PROVIDER_HELPERS.includes(helper as never)) {
          throw new Error(`${where}: x-leaf-helper must be one of ${PROVIDER_HELPERS.join(', ')}, not ${helper}`);
        }
        const pathParameters = pathParametersOf(model.operation(id)).map((parameter) => parameter.name);
        if (pathParameters.join() !== 'leafUserId') {
          throw new Error(
            `${where}: a provider helper takes exactly the path parameter leafUserId, not ${pathParameters.join(', ') || 'none'}`,
          );
        }
      }
      return {
        name: provider.property!,
        tag: provider.tag,
        displayName: provider.displayName,
        helpers: provider.operations,
      };
    });
}

/** The helpers a resource of its own (`x-leaf-resource`) gets; a deprecated `update` is left to `raw`. */
const RESOURCE_HELPERS = ['list', 'get', 'create', 'delete', 'failedCalls'] as const;

/**
 * The model's resources of their own (tags with `x-leaf-resource`: Leaf users, webhooks), each with the
 * helpers the client builds for them. Throws when one lacks a `list` (its `all` iterator walks it).
 */
export function readResources(spec: BundledSpec): ProviderFacts[] {
  return specModel(spec)
    .resources.filter((resource) => resource.kind === 'resource')
    .map((resource) => {
      const helpers = Object.fromEntries(
        Object.entries(resource.operations).filter(([helper]) => RESOURCE_HELPERS.includes(helper as never)),
      );
      if (!helpers.list) throw new Error(`tag ${resource.tag}: a resource of its own needs a list operation`);
      return { name: resource.property!, tag: resource.tag, displayName: resource.displayName, helpers };
    });
}

/** A path parameter's rule as the client checks it: a pattern, and words for the error message. */
export interface ParameterRule {
  pattern: string;
  description: string;
}

/** Formats the client knows how to check; the spec names them, this says what each means. */
const FORMAT_PATTERNS: Record<string, ParameterRule> = {
  uuid: {
    pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    description: 'a UUID',
  },
};

function ruleOf(name: string, schema: JsonSchema): ParameterRule {
  if (typeof schema.pattern === 'string')
    return { pattern: schema.pattern, description: `a value matching ${schema.pattern}` };
  if (typeof schema.format === 'string') {
    const rule = FORMAT_PATTERNS[schema.format];
    if (!rule)
      throw new Error(
        `path parameter ${name}: the client cannot check format ${schema.format}; add it to FORMAT_PATTERNS`,
      );
    return rule;
  }
  if (schema.type === 'string' || schema.type === undefined)
    return { pattern: '^[^/]+$', description: 'a non-empty string without "/"' };
  throw new Error(`path parameter ${name}: the client cannot check a path parameter of type ${String(schema.type)}`);
}

/** Every path parameter's rule, by name. Throws when two operations give one name different schemas. */
export function readPathParameterRules(spec: BundledSpec): Record<string, ParameterRule> {
  const rules: Record<string, ParameterRule> = {};
  for (const operation of specModel(spec).operations) {
    for (const { name, schema } of pathParametersOf(operation)) {
      const rule = ruleOf(name, schema);
      if (rules[name] && rules[name]!.pattern !== rule.pattern)
        throw new Error(`path parameter ${name} has different schemas in different operations`);
      rules[name] = rule;
    }
  }
  return rules;
}
