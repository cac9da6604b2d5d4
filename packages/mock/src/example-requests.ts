/**
 * A valid request to an operation, made of the spec model's facts (its local
 * base path, each path parameter's example, its request body's example, its
 * success status): what the load benchmark sends and the fuzzer starts from.
 * What the spec says about an operation is the model's (`specModel`); this
 * module only assembles a request out of it.
 */
import type { OperationModel } from '@leaf-credentials/spec';

/** Any well-formed bearer token passes the mock's auth check. */
export const EXAMPLE_BEARER_TOKEN = 'mock.example.token';

export interface ExampleRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The status the mock should answer with. */
  expectedStatus: number;
}

/** The operation's path parameters, in the model's order. */
export function pathParametersOf(operation: OperationModel): OperationModel['parameters'] {
  return operation.parameters.filter((parameter) => parameter.in === 'path');
}

/** The path the mock serves it at (its local base path), each parameter replaced by `values[name]` or its example, percent-encoded. */
export function fillPath(operation: OperationModel, values: Record<string, string> = {}): string {
  return pathParametersOf(operation).reduce((path, { name, example }) => {
    const value = values[name] ?? example;
    if (value === undefined) throw new Error(`${operation.operationId}: path parameter ${name} has no example.`);
    return path.replace(`{${name}}`, encodeURIComponent(String(value)));
  }, operation.basePaths.local + operation.path);
}

/** A request the mock answers with the operation's success status: the spec's examples and a bearer token. */
export function exampleRequest(operation: OperationModel): ExampleRequest {
  const headers: Record<string, string> = { authorization: `Bearer ${EXAMPLE_BEARER_TOKEN}` };
  const request = { method: operation.method, path: fillPath(operation), headers };
  const expectedStatus = operation.success.status;
  const body = operation.requestBody;
  if (!body) return { ...request, expectedStatus };
  if (body.example === undefined) throw new Error(`${operation.operationId}: its request body has no example.`);
  headers['content-type'] = body.mediaType;
  return { ...request, body: JSON.stringify(body.example), expectedStatus };
}
