/**
 * What a valid request to each operation of the spec looks like, read from
 * the bundled spec: its method and path template, the schema and example of
 * each path parameter, its request body's media type, schema and example, and
 * the 2xx it answers with. The load benchmark sends these requests; the
 * fuzzer starts from them and breaks one thing at a time.
 */
import {
  type BundledSpec,
  listOperations,
  mockServerUrl,
  type OpenApiServer,
  resolveRef,
  successStatus,
} from '@leaf-credentials/spec';
import { loadSpec } from './spec.js';

/** Any well-formed bearer token passes the mock's auth check. */
export const EXAMPLE_BEARER_TOKEN = 'mock.example.token';

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  example?: unknown;
  [keyword: string]: unknown;
}

interface PathParameter {
  name: string;
  schema: JsonSchema;
  example: string;
}

export interface OperationShape {
  operationId: string;
  /** Upper-case, as sent on the wire. */
  method: string;
  /** Such as `/users/{leafUserId}/trimble-credentials`. */
  path: string;
  /** The path of its local server (`''`; `/api` for an operation whose own servers say so): where the mock serves it. */
  basePath: string;
  pathParameters: PathParameter[];
  body?: { mediaType: string; schema: JsonSchema; example: unknown };
  /** The documented success status. */
  successStatus: number;
  /** Every status the operation documents. */
  documentedStatuses: number[];
  /** Whether the operation requires credentials (its own `security`, or the document's). */
  secured: boolean;
}

export interface ExampleRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The status the mock should answer with. */
  expectedStatus: number;
}

/** Replaces every local `$ref` with what it points at (the spec has no cycles). */
function dereference<T>(spec: BundledSpec, node: T): T {
  if (Array.isArray(node)) return node.map((item) => dereference(spec, item)) as T;
  if (node === null || typeof node !== 'object') return node;
  const target = resolveRef(spec, node);
  if (target !== node) return dereference(spec, target as T);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, dereference(spec, value)])) as T;
}

interface ParameterObject {
  name: string;
  in: string;
  schema?: JsonSchema;
  example?: unknown;
}

export function operationShapes(spec: BundledSpec = loadSpec()): OperationShape[] {
  return listOperations(spec).map((specOperation) => {
    const { operationId, method, path, operation } = specOperation;
    const pathItem = dereference(
      spec,
      spec.paths[path] as { parameters?: ParameterObject[]; servers?: OpenApiServer[] },
    );
    const resolved = dereference(spec, operation) as {
      parameters?: ParameterObject[];
      requestBody?: {
        content: Record<
          string,
          { schema: JsonSchema; example?: unknown; examples?: Record<string, { value?: unknown }> }
        >;
      };
      responses: Record<string, unknown>;
    };
    const parameters = [...(pathItem.parameters ?? []), ...(resolved.parameters ?? [])];
    const pathParameters = parameters
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => ({
        name: parameter.name,
        schema: parameter.schema ?? {},
        example: String(parameter.example ?? parameter.schema?.example),
      }));
    const [mediaType, content] = Object.entries(resolved.requestBody?.content ?? {})[0] ?? [];
    // `security: []` or an empty requirement `{}` makes credentials optional.
    const security = (operation.security ?? spec.security ?? []) as Array<Record<string, unknown>>;
    const secured = security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);
    const servers = (operation.servers as OpenApiServer[] | undefined) ?? pathItem.servers ?? spec.servers;
    return {
      operationId,
      method: method.toUpperCase(),
      path,
      basePath: mockServerUrl({ ...spec, servers }).pathname.replace(/\/+$/, ''),
      pathParameters,
      ...(mediaType && content ? { body: { mediaType, schema: content.schema, example: exampleOf(content) } } : {}),
      successStatus: successStatus(specOperation),
      documentedStatuses: Object.keys(resolved.responses)
        .filter((status) => /^\d{3}$/.test(status))
        .map(Number),
      secured,
    };
  });
}

/** A media type's example: its `example`, else the first of its named `examples`, else the schema's. */
function exampleOf(content: {
  schema: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}): unknown {
  return content.example ?? Object.values(content.examples ?? {})[0]?.value ?? content.schema.example;
}

/** The path the mock serves it at, each parameter replaced by `values[name]` or its example, percent-encoded. */
export function fillPath(shape: OperationShape, values: Record<string, string> = {}): string {
  return shape.pathParameters.reduce(
    (path, { name, example }) => path.replace(`{${name}}`, encodeURIComponent(values[name] ?? example)),
    shape.basePath + shape.path,
  );
}

/** A request the mock answers with `shape.successStatus`: the spec's examples and a bearer token. */
export function exampleRequest(shape: OperationShape): ExampleRequest {
  const headers: Record<string, string> = { authorization: `Bearer ${EXAMPLE_BEARER_TOKEN}` };
  if (!shape.body) return { method: shape.method, path: fillPath(shape), headers, expectedStatus: shape.successStatus };
  headers['content-type'] = shape.body.mediaType;
  return {
    method: shape.method,
    path: fillPath(shape),
    headers,
    body: JSON.stringify(shape.body.example),
    expectedStatus: shape.successStatus,
  };
}
