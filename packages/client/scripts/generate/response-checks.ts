/**
 * src/generated/response-checks.ts: what the client checks of each success body
 * before it trusts it — its top level only, not a schema validator (the bundle
 * stays small): an object (or, for a list, an array of objects) carrying the
 * schema's required properties, each of its JSON type.
 */
import { type BundledSpec, type JsonSchema, type OperationModel, specModel } from '@leaf-credentials/spec';

/** The JSON types a check tells apart (`integer` is a whole number; `null` only when the schema allows it). */
const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;

/** A shape: each required property and the JSON types it may have (empty: any). */
type Shape = Record<string, string[]>;

interface Check {
  list: boolean;
  shape: Shape;
  /** The schema's name (its title): one `const` per shape, which every operation answering it shares. */
  name: string;
}

function typesOf(property: JsonSchema | undefined, where: string): string[] {
  const declared = property?.type;
  const types = Array.isArray(declared) ? declared : declared === undefined ? [] : [declared];
  for (const type of types) {
    if (!JSON_TYPES.includes(type as never))
      throw new Error(`${where}: the client cannot check a property of type ${type}`);
  }
  return types;
}

function shapeOf(schema: JsonSchema, where: string): Shape {
  if (schema.type !== 'object')
    throw new Error(`${where}: the client checks object bodies (or lists of them), not ${String(schema.type)}`);
  const shape: Shape = {};
  for (const name of schema.required ?? []) shape[name] = typesOf(schema.properties?.[name], `${where} ${name}`);
  return shape;
}

const titleOf = (schema: JsonSchema) => (schema as { title?: unknown }).title;

/** The check of one operation's success body (as the spec model reads it), or undefined when it has no JSON body. */
function checkOf(operation: OperationModel): Check | undefined {
  const body = operation.success.body;
  if (!body || !/\bjson\b/.test(body.mediaType)) return undefined;
  const where = `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`;
  const { schema } = body;
  const list = schema.type === 'array';
  const object = list ? (schema.items ?? {}) : schema;
  const title = titleOf(object);
  return { list, shape: shapeOf(object, where), name: typeof title === 'string' ? title : operation.operationId };
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
  for (const operation of specModel(spec).operations) {
    const check = checkOf(operation);
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
