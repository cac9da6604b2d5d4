/**
 * Which provider each operation belongs to and which helper it is, as the spec
 * states it once: a provider is its tag (`x-leaf-provider: <client property>`),
 * and each operation names its helper (`x-leaf-helper`). Everything generated
 * per provider (client helpers, contract tests, code samples, sidebar groups)
 * reads it from here.
 */
import { type BundledSpec, listOperations, type SpecOperation } from './index.js';

/**
 * The helpers an operation can be: a provider's (get, create, delete, events, status), a
 * resource's (`x-leaf-resource`: create, list, get, delete, failedCalls), and `authenticate`.
 */
export const LEAF_HELPERS = [
  'get',
  'create',
  'delete',
  'events',
  'status',
  'list',
  'failedCalls',
  'authenticate',
] as const;
export type LeafHelper = (typeof LEAF_HELPERS)[number];

export interface SpecTag {
  name: string;
  description?: string;
  'x-displayName'?: string;
  'x-leaf-provider'?: string;
  /** A resource that is not a provider's credentials (webhooks): the client's property for it. */
  'x-leaf-resource'?: string;
}

export interface Provider {
  /** The client's property for it (`trimble`, `climateFieldView`, ...). */
  property: string;
  /** Its tag, which is also its name in prose ("Trimble"). */
  tag: string;
  /** What the sidebar calls it ("Trimble credentials"). */
  displayName: string;
  /** Helper to operationId, in document order. */
  operations: Partial<Record<LeafHelper, string>>;
}

export function specTags(spec: BundledSpec): SpecTag[] {
  return (spec.tags as SpecTag[] | undefined) ?? [];
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

/** The provider tag of an operation, or undefined for an operation of no provider (authenticate). */
export function providerTagOf(spec: BundledSpec, operation: SpecOperation): SpecTag | undefined {
  const tags = specTags(spec).filter((tag) => operation.tags.includes(tag.name) && tag['x-leaf-provider']);
  if (tags.length > 1)
    throw new Error(
      `${operation.operationId} has ${tags.length} provider tags; a provider's operation has exactly one.`,
    );
  return tags[0];
}

/** Every provider of the spec, in the order of its tags, with its helpers' operations. */
export function listProviders(spec: BundledSpec): Provider[] {
  const providers = specTags(spec)
    .filter((tag) => tag['x-leaf-provider'])
    .map(
      (tag): Provider => ({
        property: String(tag['x-leaf-provider']),
        tag: tag.name,
        displayName: tag['x-displayName'] ?? tag.name,
        operations: {},
      }),
    );
  for (const operation of listOperations(spec)) {
    const tag = providerTagOf(spec, operation);
    if (!tag) continue;
    const provider = providers.find((candidate) => candidate.tag === tag.name)!;
    const helper = leafHelperOf(operation);
    if (provider.operations[helper]) {
      throw new Error(
        `${provider.tag} has two "${helper}" operations: ${provider.operations[helper]} and ${operation.operationId}.`,
      );
    }
    provider.operations[helper] = operation.operationId;
  }
  return providers;
}

/** A resource of the spec that is not a provider (a tag with `x-leaf-resource`), with its helpers' operations. */
export interface LeafResource {
  /** The client's property for it (`webhooks`). */
  property: string;
  tag: string;
  displayName: string;
  /** Helper to operationId, in document order. */
  operations: Partial<Record<LeafHelper, string>>;
}

/** The `x-leaf-resource` tag of an operation, or undefined when it has none. */
export function resourceTagOf(spec: BundledSpec, operation: SpecOperation): SpecTag | undefined {
  return specTags(spec).find((tag) => operation.tags.includes(tag.name) && tag['x-leaf-resource']);
}

/** Every `x-leaf-resource` of the spec, in the order of its tags, each helper once. */
export function listResources(spec: BundledSpec): LeafResource[] {
  const resources = specTags(spec)
    .filter((tag) => tag['x-leaf-resource'])
    .map(
      (tag): LeafResource => ({
        property: String(tag['x-leaf-resource']),
        tag: tag.name,
        displayName: tag['x-displayName'] ?? tag.name,
        operations: {},
      }),
    );
  for (const operation of listOperations(spec)) {
    const tag = resourceTagOf(spec, operation);
    if (!tag) continue;
    const resource = resources.find((candidate) => candidate.tag === tag.name)!;
    const helper = leafHelperOf(operation);
    if (resource.operations[helper])
      throw new Error(
        `${resource.tag} has two "${helper}" operations: ${resource.operations[helper]} and ${operation.operationId}.`,
      );
    resource.operations[helper] = operation.operationId;
  }
  return resources;
}
