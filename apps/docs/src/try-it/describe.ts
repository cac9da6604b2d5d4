/**
 * The Try-it panels' knowledge of the API, derived from the bundled spec at
 * build time (through the spec package's model) and embedded in the page:
 * each operation's method, path, loopback base path, parameters with their
 * examples, body example and security. An operation added to the spec gets its
 * panel from here alone.
 */
import { type BundledSpec, mockServerUrl, type OperationModel, resolveRef, specModel } from '@leaf-credentials/spec';
import type { TryItOperation, TryItPage } from './request.js';

/** Every operation of `spec` as its panel needs it, and the sign-in operation. */
export function describeTryIt(spec: BundledSpec): TryItPage {
  const model = specModel(spec);
  const signIn = model.operations.find((operation) => operation.helper === 'authenticate');
  return {
    sandboxUrl: mockServerUrl(spec).origin,
    operations: model.operations.map((operation) => describeOperation(spec, operation)),
    ...(signIn && { signIn: { operationId: signIn.operationId, tokenField: tokenFieldOf(signIn) } }),
  };
}

function describeOperation(spec: BundledSpec, operation: OperationModel): TryItOperation {
  return {
    operationId: operation.operationId,
    summary: String(operation.source.operation.summary ?? operation.operationId),
    method: operation.method,
    path: operation.path,
    basePath: operation.basePaths.local,
    // A browser's fetch cannot set cookies of its choosing: cookie parameters are left out.
    parameters: operation.parameters.flatMap((parameter) =>
      parameter.in === 'cookie'
        ? []
        : [
            {
              name: parameter.name,
              in: parameter.in,
              required: parameter.required,
              example: parameter.example === undefined ? '' : String(parameter.example),
            },
          ],
    ),
    ...(operation.requestBody && { body: JSON.stringify(operation.requestBody.example ?? {}, null, 2) }),
    bearer: operation.security.schemes.some((name) => isBearerScheme(spec, name)),
  };
}

function isBearerScheme(spec: BundledSpec, name: string): boolean {
  const scheme = resolveRef(spec, spec.components.securitySchemes?.[name]) as
    | { type?: string; scheme?: string }
    | undefined;
  return scheme?.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer';
}

/** The sign-in answer's token: the first required property of its success body. */
function tokenFieldOf(operation: OperationModel): string {
  const field = operation.success.body?.schema.required?.[0];
  if (!field)
    throw new Error(`${operation.operationId}'s success response names no required field to read the token from.`);
  return field;
}
