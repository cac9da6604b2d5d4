/**
 * The validate stage: Prism's security and request validators on a request the
 * mock has already routed and read, and the one bearer-token rule the client
 * applies too. What they find becomes one problem, in this order: who you are
 * (401), then how the body was sent (415 / 400 from the check stage), then what
 * it says (400 naming each field).
 */
import { createRequire } from 'node:module';
import { isBearerToken } from '@leaf-credentials/spec/bearer-token';
import type { IPrismDiagnostic, ValidatorFn } from '@stoplight/prism-core';
import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import {
  describeViolations,
  namedProblem,
  type ParameterNames,
  type Problem,
  problem,
  toFieldError,
} from './problem.js';
import { problemResponse } from './reply.js';

const { validateInput, validateSecurity } = createRequire(import.meta.url)(
  '@stoplight/prism-http/dist/validator/index.js',
) as {
  validateInput: ValidatorFn<IHttpOperation, IHttpRequest>;
  validateSecurity: ValidatorFn<IHttpOperation, IHttpRequest>;
};

const ERROR = 0; // DiagnosticSeverity.Error

/** `Bearer <token>` with a token the shared rule accepts. */
export function isWellFormedBearer(authorization: string): boolean {
  return authorization.startsWith('Bearer ') && isBearerToken(authorization.slice('Bearer '.length));
}

function diagnosticsOf(operation: IHttpOperation, input: IHttpRequest): IPrismDiagnostic[] {
  const found: IPrismDiagnostic[] = [];
  for (const validator of [validateSecurity, validateInput]) {
    const result = validator({ resource: operation, element: input });
    if (result._tag === 'Left') found.push(...result.left);
  }
  return found.filter((diagnostic) => diagnostic.severity === ERROR);
}

/** Whether the operation asks for credentials (`security: []` does not). */
function isSecured(operation: IHttpOperation): boolean {
  return (operation.security ?? []).some((requirement) => requirement.length > 0);
}

/**
 * The problem answering `input`, or undefined when it is valid. `bodyProblem`
 * is what the check stage found in the body; `path` is the path as sent.
 */
export function validateRequest(
  operation: IHttpOperation,
  input: IHttpRequest,
  bodyProblem: Problem | undefined,
  parameterNames: ParameterNames,
  path: string,
): IHttpResponse | undefined {
  const errors = diagnosticsOf(operation, input);
  const authorization = input.headers?.authorization;
  if (
    errors.length === 0 &&
    isSecured(operation) &&
    authorization !== undefined &&
    !isWellFormedBearer(authorization)
  ) {
    errors.push({ code: 401, message: 'Authorization header: the bearer token is malformed', severity: ERROR });
  }
  const unauthorized = errors.find((diagnostic) => diagnostic.code === 401);
  if (unauthorized) return unauthorizedResponse(unauthorized, path);
  if (bodyProblem) return problemResponse(bodyProblem);
  if (errors.length > 0) return violationResponse(errors, path, parameterNames);
  return undefined;
}

function unauthorizedResponse(security: IPrismDiagnostic, path: string): IHttpResponse {
  const message =
    security.message === 'Invalid security scheme used'
      ? 'Authorization header: a bearer token is required (`Authorization: Bearer <token>`)'
      : security.message;
  const reply = problemResponse(namedProblem('UNAUTHORIZED', path, 'header', 'Authorization', message));
  return { ...reply, headers: { ...reply.headers, 'www-authenticate': 'Bearer' } };
}

function violationResponse(errors: IPrismDiagnostic[], path: string, parameterNames: ParameterNames): IHttpResponse {
  const contentType = errors.find((diagnostic) => diagnostic.code === 415);
  if (contentType) {
    const message = `Content-Type header: ${contentType.message}. Send the body as JSON with \`Content-Type: application/json\`.`;
    return problemResponse(namedProblem('UNSUPPORTED_MEDIA_TYPE', path, 'header', 'Content-Type', message));
  }
  const fieldErrors = errors.map((error) => toFieldError(error, parameterNames));
  return problemResponse(problem('VIOLATION', path, describeViolations(fieldErrors), fieldErrors));
}
