/**
 * What the client's generated tables read from the bundled spec: each
 * operation's method, path, bodies and own server; the providers and helpers
 * the tags and operations name (`x-leaf-provider`, `x-leaf-helper`); the rule
 * each path parameter's schema sets; the authenticate operation's token lifetimes.
 */
import {
  type BundledSpec,
  listOperations,
  listProviders,
  listResources,
  resolveRef,
  type SpecOperation,
  successStatus,
} from '@leaf-credentials/spec';

type SpecObject = Record<string, unknown>;

export interface OperationFacts {
  id: string;
  method: string;
  path: string;
  requestBody: boolean;
  responseBody: boolean;
  /** The path of the operation's own production server (`servers` on its path), when it has one. */
  basePath?: string;
  /** `x-leaf-helper`: which helper of its provider calls it (or `authenticate`). */
  helper?: string;
  /** Names of its path parameters. */
  pathParameters: string[];
  /** `x-leaf-resource` of its tag: the client property of the resource (not a provider) it belongs to. */
  resource?: string;
}

export interface ResourceFacts {
  /** `x-leaf-resource`: the client's property name. */
  name: string;
  tag: string;
  displayName: string;
  /** Helper name to operationId, in document order. */
  helpers: Partial<Record<string, string>>;
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

function parametersOf(spec: BundledSpec, path: string, operation: SpecObject): SpecObject[] {
  const pathItem = spec.paths[path] as SpecObject;
  const all = [...((pathItem.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])];
  return all.map((parameter) => resolveRef(spec, parameter) as SpecObject);
}

function ownServerPath(spec: BundledSpec, path: string): string | undefined {
  const servers = (spec.paths[path] as SpecObject).servers as { url: string }[] | undefined;
  if (!servers?.length) return undefined;
  return new URL(servers[0]!.url).pathname.replace(/\/$/, '');
}

function operationFacts(spec: BundledSpec, specOperation: SpecOperation): OperationFacts {
  const { operationId, method, path, operation } = specOperation;
  const success = (operation.responses as SpecObject)[String(successStatus(specOperation))];
  const basePath = ownServerPath(spec, path);
  const helper = operation['x-leaf-helper'];
  return {
    id: operationId,
    method: method.toUpperCase(),
    path,
    requestBody: resolveRef(spec, operation.requestBody) !== undefined,
    responseBody: (resolveRef(spec, success) as SpecObject | undefined)?.content !== undefined,
    ...(basePath === undefined ? {} : { basePath }),
    ...(typeof helper === 'string' ? { helper } : {}),
    pathParameters: parametersOf(spec, path, operation)
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => String(parameter.name)),
  };
}

export function readOperations(spec: BundledSpec): OperationFacts[] {
  const resourceOf = new Map(
    listResources(spec).flatMap((resource) => Object.values(resource.operations).map((id) => [id, resource.property])),
  );
  return listOperations(spec).map((operation) => {
    const facts = operationFacts(spec, operation);
    const resource = resourceOf.get(operation.operationId);
    return resource === undefined ? facts : { ...facts, resource };
  });
}

/** The resources that are not providers (`x-leaf-resource` tags: webhooks), as the spec package reads them. */
export function readResources(spec: BundledSpec): ResourceFacts[] {
  return listResources(spec).map((resource) => ({
    name: resource.property,
    tag: resource.tag,
    displayName: resource.displayName,
    helpers: resource.operations,
  }));
}

/**
 * The providers as the spec package reads them (listProviders: one per tag with
 * `x-leaf-provider`, in tag order, each helper once). Throws (so generation
 * fails) when a provider's operation is not a provider helper or takes other
 * path parameters than `leafUserId`, which the helpers' signature assumes.
 */
export function readProviders(spec: BundledSpec): ProviderFacts[] {
  const operations = new Map(readOperations(spec).map((facts) => [facts.id, facts]));
  return listProviders(spec).map((provider) => {
    for (const [helper, id] of Object.entries(provider.operations)) {
      const where = `${id} (tag ${provider.tag})`;
      if (!PROVIDER_HELPERS.includes(helper as never)) {
        throw new Error(`${where}: x-leaf-helper must be one of ${PROVIDER_HELPERS.join(', ')}, not ${helper}`);
      }
      const pathParameters = operations.get(id)!.pathParameters;
      if (pathParameters.join() !== 'leafUserId') {
        throw new Error(
          `${where}: a provider helper takes exactly the path parameter leafUserId, not ${pathParameters.join(', ') || 'none'}`,
        );
      }
    }
    return {
      name: provider.property,
      tag: provider.tag,
      displayName: provider.displayName,
      helpers: provider.operations,
    };
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

function ruleOf(name: string, schema: SpecObject): ParameterRule {
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
  for (const { path, operation } of listOperations(spec)) {
    for (const parameter of parametersOf(spec, path, operation).filter((candidate) => candidate.in === 'path')) {
      const name = String(parameter.name);
      const rule = ruleOf(name, (resolveRef(spec, parameter.schema) as SpecObject | undefined) ?? {});
      if (rules[name] && rules[name]!.pattern !== rule.pattern)
        throw new Error(`path parameter ${name} has different schemas in different operations`);
      rules[name] = rule;
    }
  }
  return rules;
}

/** `x-leaf-token-lifetime-seconds` of the authenticate operation: how long a token lasts, by `rememberMe`. */
export function readTokenLifetimes(spec: BundledSpec): { rememberMe: number; otherwise: number } {
  const authenticate = listOperations(spec).find(
    (operation) => operation.operation['x-leaf-helper'] === 'authenticate',
  );
  const lifetimes = authenticate?.operation['x-leaf-token-lifetime-seconds'] as
    | { rememberMe?: unknown; otherwise?: unknown }
    | undefined;
  if (typeof lifetimes?.rememberMe !== 'number' || typeof lifetimes.otherwise !== 'number') {
    throw new Error(
      'the authenticate operation (x-leaf-helper: authenticate) must state x-leaf-token-lifetime-seconds: { rememberMe, otherwise }',
    );
  }
  return { rememberMe: lifetimes.rememberMe, otherwise: lifetimes.otherwise };
}
