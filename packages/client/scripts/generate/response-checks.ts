/**
 * src/generated/response-checks.ts: what the client checks of each success body
 * before it trusts it — its top level only, not a schema validator (the bundle
 * stays small): an object (or, for a list, an array of objects) carrying the
 * schema's required properties, each of its JSON type.
 */
import {
  type BundledSpec,
  listOperations,
  resolveRef,
  type SpecOperation,
  successStatus,
} from '@leaf-credentials/spec';

type SpecObject = Record<string, unknown>;

/** The JSON types a check tells apart (`integer` is a whole number; `null` only when the schema allows it). */
const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;

/** A shape: each required property and the JSON types it may have (empty: any). */
type Shape = Record<string, string[]>;

interface Check {
  list: boolean;
  shape: Shape;
  /** The schema's name: one `const` per shape, which every operation answering it shares. */
  name: string;
}

const schemaName = (ref: unknown) =>
  typeof (ref as { $ref?: unknown })?.$ref === 'string' ? (ref as { $ref: string }).$ref.split('/').pop()! : undefined;

function typesOf(spec: BundledSpec, property: unknown): string[] {
  const schema = resolveRef(spec, property) as SpecObject | undefined;
  const declared = schema?.type;
  const types = Array.isArray(declared) ? declared : declared === undefined ? [] : [declared];
  for (const type of types) {
    if (!JSON_TYPES.includes(type as never))
      throw new Error(`the client cannot check a property of type ${String(type)}`);
  }
  return types.map(String);
}

function shapeOf(spec: BundledSpec, schema: SpecObject, where: string): Shape {
  if (schema.type !== 'object')
    throw new Error(`${where}: the client checks object bodies (or lists of them), not ${String(schema.type)}`);
  const properties = (schema.properties ?? {}) as SpecObject;
  const shape: Shape = {};
  for (const name of (schema.required as string[] | undefined) ?? []) shape[name] = typesOf(spec, properties[name]);
  return shape;
}

/** The check of one operation's success body, or undefined when it has no JSON body. */
function checkOf(spec: BundledSpec, operation: SpecOperation): Check | undefined {
  const where = `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`;
  const response = resolveRef(spec, (operation.operation.responses as SpecObject)[String(successStatus(operation))]);
  const media = ((response as SpecObject | undefined)?.content as SpecObject | undefined)?.['application/json'] as
    | SpecObject
    | undefined;
  if (!media?.schema) return undefined;
  const schema = resolveRef(spec, media.schema) as SpecObject;
  if (schema.type === 'array') {
    const item = resolveRef(spec, schema.items) as SpecObject;
    const name = schemaName(schema.items) ?? `${operation.operationId}Item`;
    return { list: true, shape: shapeOf(spec, item, where), name };
  }
  return { list: false, shape: shapeOf(spec, schema, where), name: schemaName(media.schema) ?? operation.operationId };
}

const camelCase = (name: string) => name[0]!.toLowerCase() + name.slice(1);

export interface ResponseChecks {
  /** Each shape's const name → the shape (one per schema, shared by every operation answering it). */
  shapes: Map<string, Shape>;
  /** Each check's const name → the shape's name and whether the body is a list of it. */
  checks: Map<string, { shape: string; list: boolean }>;
  /** operationId → the name of its check, for the operation table (src/generated/operations.ts). */
  names: Map<string, string>;
}

/** The check of every operation that answers with a JSON body. */
export function readResponseChecks(spec: BundledSpec): ResponseChecks {
  const found: ResponseChecks = { shapes: new Map(), checks: new Map(), names: new Map() };
  for (const operation of listOperations(spec)) {
    const check = checkOf(spec, operation);
    if (!check) continue;
    const shape = `${camelCase(check.name)}Shape`;
    const name = `${camelCase(check.name)}${check.list ? 'List' : ''}Check`;
    found.shapes.set(shape, check.shape);
    found.checks.set(name, { shape, list: check.list });
    found.names.set(operation.operationId, name);
  }
  return found;
}

/**
 * The module's text: one shape per schema, one check per shape and kind (a body, or a list of
 * them). Each is its own `const`, which the operation table refers to, so a bundler keeps only
 * the checks of the operations an app uses.
 */
export function renderResponseChecks({ shapes, checks }: ResponseChecks): string {
  return (
    `import type { ResponseCheck, ResponseShape } from '../response-checks.js';\n\n` +
    '// Each schema’s required properties and the JSON types they may have (none listed: any).\n' +
    [...shapes].map(([name, shape]) => `const ${name}: ResponseShape = ${JSON.stringify(shape)};\n`).join('') +
    '\n// What a success body must be: an object of a shape, or a list of them.\n' +
    [...checks]
      .map(([name, check]) => `export const ${name}: ResponseCheck = { list: ${check.list}, shape: ${check.shape} };\n`)
      .join('')
  );
}
