/**
 * The Try-it panels' knowledge of the API, derived from the bundled spec at
 * build time and embedded in the page: each operation's method, path,
 * loopback base path, parameters with their examples, body example and
 * security. An operation added to the spec gets its panel from here alone.
 */
import {
  type BundledSpec,
  leafHelperOf,
  listOperations,
  localBasePath,
  mockServerUrl,
  requestBodyExample,
  resolveRef,
  type SpecOperation,
  successStatus,
} from '@leaf-credentials/spec';
import type { TryItOperation, TryItPage, TryItParameter } from './request.js';

type Json = Record<string, unknown>;

/** Every operation of `spec` as its panel needs it, and the sign-in operation. */
export function describeTryIt(spec: BundledSpec): TryItPage {
  const operations = listOperations(spec);
  const signIn = operations.find((operation) => leafHelperOf(operation) === 'authenticate');
  return {
    sandboxUrl: mockServerUrl(spec).origin,
    operations: operations.map((operation) => describeOperation(spec, operation)),
    ...(signIn && { signIn: { operationId: signIn.operationId, tokenField: tokenFieldOf(spec, signIn) } }),
  };
}

function describeOperation(spec: BundledSpec, operation: SpecOperation): TryItOperation {
  const hasBody = operation.operation.requestBody !== undefined;
  return {
    operationId: operation.operationId,
    summary: String(operation.operation.summary ?? operation.operationId),
    method: operation.method.toUpperCase(),
    path: operation.path,
    basePath: localBasePath(spec, operation),
    parameters: parametersOf(spec, operation),
    ...(hasBody && { body: JSON.stringify(requestBodyExample(spec, operation), null, 2) }),
    bearer: requiresBearer(spec, operation),
  };
}

/** The path item's parameters, then the operation's (an operation's own one of the same name and place wins). */
function parametersOf(spec: BundledSpec, operation: SpecOperation): TryItParameter[] {
  const declared = [
    ...((spec.paths[operation.path]?.parameters as unknown[] | undefined) ?? []),
    ...((operation.operation.parameters as unknown[] | undefined) ?? []),
  ].map((parameter) => resolveRef(spec, parameter) as Json);
  const byPlace = new Map<string, TryItParameter>();
  for (const parameter of declared) {
    if (parameter.in === 'cookie') continue;
    const schema = resolveRef(spec, parameter.schema) as Json | undefined;
    const example = parameter.example ?? schema?.example ?? (schema?.examples as unknown[] | undefined)?.[0];
    byPlace.set(`${parameter.in}:${parameter.name}`, {
      name: String(parameter.name),
      in: parameter.in as TryItParameter['in'],
      required: parameter.required === true,
      example: example === undefined ? '' : String(example),
    });
  }
  return [...byPlace.values()];
}

/** Whether some security requirement of the operation (else the document's) names an HTTP bearer scheme. */
function requiresBearer(spec: BundledSpec, operation: SpecOperation): boolean {
  const requirements = (operation.operation.security ?? spec.security ?? []) as Record<string, unknown>[];
  const schemes = (spec.components.securitySchemes ?? {}) as Record<string, Json>;
  return requirements.some((requirement) =>
    Object.keys(requirement).some((name) => {
      const scheme = resolveRef(spec, schemes[name]) as Json | undefined;
      return scheme?.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer';
    }),
  );
}

/** The sign-in answer's token: the first required property of its success response's schema. */
function tokenFieldOf(spec: BundledSpec, operation: SpecOperation): string {
  const responses = operation.operation.responses as Json;
  const response = resolveRef(spec, responses[String(successStatus(operation))]) as Json;
  const media = (response.content as Json | undefined)?.['application/json'] as Json | undefined;
  const schema = resolveRef(spec, media?.schema) as Json | undefined;
  const field = (schema?.required as string[] | undefined)?.[0];
  if (!field)
    throw new Error(`${operation.operationId}'s success response names no required field to read the token from.`);
  return field;
}
