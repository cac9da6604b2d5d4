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

/** The module's text: one shape per schema, then each operation's check (its shape, and whether it is a list). */
export function renderResponseChecks(spec: BundledSpec): string {
  const shapes = new Map<string, Shape>();
  const checks: string[] = [];
  for (const operation of listOperations(spec)) {
    const check = checkOf(spec, operation);
    if (!check) continue;
    const constName = `${camelCase(check.name)}Shape`;
    shapes.set(constName, check.shape);
    checks.push(`  ${operation.operationId}: { list: ${check.list}, shape: ${constName} },\n`);
  }
  const shapeConsts = [...shapes].map(([name, shape]) => `const ${name}: ResponseShape = ${JSON.stringify(shape)};\n`);
  return (
    `import type { ResponseCheck, ResponseShape } from '../response-checks.js';\n\n` +
    '// Each schema’s required properties and the JSON types they may have (none listed: any).\n' +
    shapeConsts.join('') +
    '\n/** What each operation’s success body must be, by operationId: its shape, or a list of that shape. */\n' +
    `export const RESPONSE_CHECKS: Readonly<Record<string, ResponseCheck>> = {\n${checks.join('')}};\n`
  );
}
