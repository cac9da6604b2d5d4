/**
 * What Leaf sends is open, what we send is closed, at every depth: a walk of
 * the bundled spec from each response and each request body, through every
 * `$ref`. Redocly's rules (redocly.yaml) see only the first level; this sees
 * nested objects such as `tokenMetadata` and the items of a list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type BundledSpec, readBundledSpec } from '../src/index.js';
import { resolvePointer } from '../src/json-pointer.js';

type Json = Record<string, unknown>;

/** Keywords whose values are subschemas (or maps / lists of them). */
const SUBSCHEMA_KEYS = ['items', 'additionalProperties', 'unevaluatedProperties', 'not', 'contains'];
const SUBSCHEMA_MAP_KEYS = ['properties', 'patternProperties', '$defs'];
const SUBSCHEMA_LIST_KEYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

interface SchemaAt {
  where: string;
  schema: Json;
}

/** Every schema reachable from `root`, each named by the path that reached it, following `$ref`s once each. */
function schemasUnder(spec: BundledSpec, root: unknown, where: string, seen = new Set<unknown>()): SchemaAt[] {
  if (!root || typeof root !== 'object' || seen.has(root)) return [];
  seen.add(root);
  const schema = root as Json;
  if (typeof schema.$ref === 'string') {
    return schemasUnder(spec, resolvePointer(spec, schema.$ref), `${where} → ${schema.$ref}`, seen);
  }
  const found: SchemaAt[] = [{ where, schema }];
  for (const key of SUBSCHEMA_KEYS) found.push(...schemasUnder(spec, schema[key], `${where}/${key}`, seen));
  for (const key of SUBSCHEMA_MAP_KEYS) {
    for (const [name, sub] of Object.entries((schema[key] as Json | undefined) ?? {})) {
      found.push(...schemasUnder(spec, sub, `${where}/${key}/${name}`, seen));
    }
  }
  for (const key of SUBSCHEMA_LIST_KEYS) {
    for (const [index, sub] of ((schema[key] as unknown[] | undefined) ?? []).entries()) {
      found.push(...schemasUnder(spec, sub, `${where}/${key}/${index}`, seen));
    }
  }
  return found;
}

function resolved(spec: BundledSpec, node: unknown): Json {
  const object = node as Json;
  return typeof object.$ref === 'string' ? (resolvePointer(spec, object.$ref) as Json) : object;
}

interface Operation {
  name: string;
  responses: Json;
  requestBody?: Json;
}

function operationsOf(spec: BundledSpec): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        ...(operation as Omit<Operation, 'name'>),
      })),
  );
}

function mediaSchemas(spec: BundledSpec, owner: Json | undefined, where: string): SchemaAt[] {
  const content = (owner && (resolved(spec, owner).content as Record<string, Json> | undefined)) ?? {};
  return Object.entries(content).flatMap(([mediaType, media]) =>
    schemasUnder(spec, media.schema, `${where} ${mediaType}`),
  );
}

/** The schemas of a response's headers. */
function headerSchemas(spec: BundledSpec, response: Json, where: string): SchemaAt[] {
  const headers = (resolved(spec, response).headers as Record<string, Json> | undefined) ?? {};
  return Object.entries(headers).flatMap(([name, header]) =>
    schemasUnder(spec, resolved(spec, header).schema, `${where} header ${name}`),
  );
}

const responseSchemas = (spec: BundledSpec) =>
  operationsOf(spec).flatMap((operation) =>
    Object.entries(operation.responses).flatMap(([status, response]) => [
      ...mediaSchemas(spec, response as Json, `${operation.name} ${status}`),
      ...headerSchemas(spec, response as Json, `${operation.name} ${status}`),
    ]),
  );

const requestSchemas = (spec: BundledSpec) =>
  operationsOf(spec).flatMap((operation) => mediaSchemas(spec, operation.requestBody, `${operation.name} request`));

const isObjectSchema = ({ schema }: SchemaAt) => schema.type === 'object' || schema.properties !== undefined;

let spec: BundledSpec;

beforeAll(() => {
  spec = readBundledSpec();
});

describe('response schemas are open at every depth', () => {
  it('reaches the nested objects (so the checks below see them)', () => {
    const reached = responseSchemas(spec).map(({ where }) => where);
    expect(reached).toContainEqual(expect.stringContaining('#/components/schemas/TokenMetadata'));
    expect(reached).toContainEqual(expect.stringContaining('#/components/schemas/CredentialEvent'));
    expect(reached).toContainEqual(expect.stringContaining('#/components/schemas/FieldError'));
    expect(reached).toContainEqual(expect.stringContaining('header Link'));
  });

  it('refuses no unknown member: no additionalProperties or unevaluatedProperties false', () => {
    const closed = responseSchemas(spec)
      .filter(({ schema }) => schema.additionalProperties === false || schema.unevaluatedProperties === false)
      .map(({ where }) => where);
    expect(closed).toEqual([]);
  });

  it('has no pattern: Leaf documents none for what it sends', () => {
    expect(
      responseSchemas(spec)
        .filter(({ schema }) => schema.pattern !== undefined)
        .map(({ where }) => where),
    ).toEqual([]);
  });
});

describe('request bodies are closed at every depth', () => {
  it('has at least one object schema to check', () => {
    expect(requestSchemas(spec).filter(isObjectSchema).length).toBeGreaterThan(0);
  });

  it('sets additionalProperties false on every object', () => {
    const open = requestSchemas(spec)
      .filter(isObjectSchema)
      .filter(({ schema }) => schema.additionalProperties !== false)
      .map(({ where }) => where);
    expect(open).toEqual([]);
  });
});
