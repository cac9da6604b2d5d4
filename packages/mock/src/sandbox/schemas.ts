/**
 * JSON Schema validation of what the sandbox reads (seed entries, control
 * bodies), against the spec's own schemas as Prism dereferenced them, with
 * each failure turned into the one field it names.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type JsonSchema = Record<string, unknown>;

export interface SchemaFailure {
  /** Dotted path of the field at fault, such as `tokenMetadata.scopes`; '' for the value itself. */
  field: string;
  message: string;
}

// A start compiles one schema per provider and runs each on a few values (a seed's entries).
// Unoptimized code compiles ~40% faster; and the schemas are the spec's, which lint checks,
// so checking each against the JSON Schema meta-schema (half of the rest) is left out.
const ajv = new Ajv2020({
  strict: false,
  allErrors: false,
  validateFormats: true,
  validateSchema: false,
  code: { optimize: false },
});
(addFormats as unknown as (instance: Ajv2020) => void)(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/** The first violation of `schema` by `value`, or undefined when it is valid. */
export function firstFailure(schema: JsonSchema, value: unknown): SchemaFailure | undefined {
  let validate = compiled.get(schema);
  if (!validate) {
    // Prism tags parameter schemas with draft-07's $schema; the spec's schemas are 2020-12 (OpenAPI 3.1).
    const { $schema: _dialect, ...rest } = schema;
    validate = ajv.compile(rest);
    compiled.set(schema, validate);
  }
  if (validate(value)) return undefined;
  return describe(validate.errors![0]!);
}

function describe(error: ErrorObject): SchemaFailure {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const named =
    (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ??
    (error.params as { additionalProperty?: string }).additionalProperty;
  if (named !== undefined) segments.push(named);
  const field = segments.join('.');
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  const message =
    error.keyword === 'additionalProperties'
      ? `unknown property '${named}'`
      : error.keyword === 'enum' && allowed
        ? `must be one of ${allowed.join(', ')}`
        : (error.message ?? 'is invalid');
  return { field, message };
}
