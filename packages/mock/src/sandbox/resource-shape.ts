/**
 * The stored resource and what is answered from it, shaped by the spec's
 * schemas rather than by code per provider. A create stores the posted fields
 * plus what Leaf adds: every property of the resource schema the create body
 * does not have (`id`, `createdTime`, `status`, `tokenMetadata`,
 * `accessToken`, ...), filled from the schema.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { exampleOf } from '@leaf-credentials/spec';
import { leafTimestamp } from './clock.js';
import type { CredentialStatus } from './magic-values.js';
import type { JsonSchema } from './schemas.js';

export type Resource = Record<string, unknown>;

/** The properties Leaf sets itself on every credential, whatever the provider. */
const LEAF_SET: Record<string, (context: FillContext) => unknown> = {
  id: () => randomUUID(),
  createdTime: (context) => leafTimestamp(context.now),
  status: (context) => context.status,
};

interface FillContext {
  now: Date;
  status: CredentialStatus;
}

const propertiesOf = (schema: JsonSchema | undefined) => (schema?.properties ?? {}) as Record<string, JsonSchema>;
const requiredOf = (schema: JsonSchema | undefined) => new Set((schema?.required ?? []) as string[]);

/** The resource a valid create body becomes. */
export function createdResource(
  body: Resource,
  resourceSchema: JsonSchema,
  createSchema: JsonSchema | undefined,
  context: FillContext,
): Resource {
  const resource: Resource = {};
  const required = requiredOf(resourceSchema);
  const posted = propertiesOf(createSchema);
  const parentExample = exampleOf(resourceSchema) as Resource | undefined;
  for (const [name, schema] of Object.entries(propertiesOf(resourceSchema))) {
    if (name in LEAF_SET) {
      resource[name] = LEAF_SET[name]!(context);
      continue;
    }
    if (name in body) {
      resource[name] = body[name];
      continue;
    }
    // What Leaf stores for a field the body may leave out is the create schema's `default` (STAGE).
    const fallback = posted[name]?.default;
    if (fallback !== undefined) {
      resource[name] = structuredClone(fallback);
      continue;
    }
    // Leaf adds what the create body cannot carry; an optional field left out of the body stays out.
    const addedByLeaf = !(name in posted) && schema.deprecated !== true;
    if (addedByLeaf || required.has(name)) resource[name] = fill(name, schema, parentExample?.[name]);
  }
  // In the schema's order, then what an open create body carried beyond it.
  return { ...resource, ...body, ...pick(resource, Object.keys(LEAF_SET)) };
}

function pick(resource: Resource, names: string[]): Resource {
  return Object.fromEntries(names.filter((name) => name in resource).map((name) => [name, resource[name]]));
}

/** A value for a property Leaf fills: a fresh token for secrets, else the schema's example. */
function fill(name: string, schema: JsonSchema, parentExample: unknown): unknown {
  if (schema['x-sensitive'] === true && schema.type === 'string')
    return `sandbox-${name}-${randomBytes(12).toString('base64url')}`;
  const example = exampleOf(schema) ?? parentExample;
  if (example !== undefined) return structuredClone(example);
  switch (schema.type) {
    case 'object': {
      const object: Resource = {};
      for (const [key, member] of Object.entries(propertiesOf(schema))) {
        if (requiredOf(schema).has(key)) object[key] = fill(key, member, undefined);
      }
      return object;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return schema.enum ? (schema.enum as unknown[])[0] : `sandbox-${name}`;
  }
}

/**
 * What an answer shows of the resource: the properties `schema` declares (all
 * when it declares none), without write-only ones it does not require. Only the
 * answer's schema says what Leaf sends back: a create body's field is no promise
 * either way.
 */
export function answerView(resource: Resource, schema: JsonSchema): Resource {
  const properties = propertiesOf(schema);
  const required = requiredOf(schema);
  const declaresAny = Object.keys(properties).length > 0;
  const view: Resource = {};
  for (const [name, value] of Object.entries(resource)) {
    if (declaresAny && !(name in properties)) continue;
    if (properties[name]?.writeOnly === true && !required.has(name)) continue;
    view[name] = value;
  }
  return view;
}
