/**
 * The validate stage: the one bearer-token rule the client applies too, then
 * Prism's security and request validators, on a request the mock has already
 * routed and checked. What they find becomes one problem, in this order: who
 * you are (401), then how the body was sent (415 / 400 from the check stage),
 * then what it says (400 naming each field). A request that passes leaves as
 * an Admitted one: the answer stage reads its token and path parameters from
 * it and parses nothing again.
 */
import { createRequire } from 'node:module';
import { bearerTokenOf } from '@leaf-credentials/spec/bearer-token';
import type { IPrismDiagnostic, ValidatorFn } from '@stoplight/prism-core';
import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import type { Checked } from '../check/index.js';
import {
  describeViolations,
  namedProblem,
  type ParameterNames,
  problem,
  problemResponse,
  toFieldError,
} from '../problem.js';
import type { Route } from '../route/index.js';

const { validateInput, validateSecurity } = createRequire(import.meta.url)(
  '@stoplight/prism-http/dist/validator/index.js',
) as {
  validateInput: ValidatorFn<IHttpOperation, IHttpRequest>;
  validateSecurity: ValidatorFn<IHttpOperation, IHttpRequest>;
};

const ERROR = 0; // DiagnosticSeverity.Error

/** A request every stage so far let through: what the answer stage acts on. */
export interface Admitted {
  route: Route;
  /** The request as Prism validated it (its path is the one without the base path). */
  input: IHttpRequest;
  /** Such as `{ leafUserId }`, decoded (the check stage made sure each decodes). */
  pathParams: Record<string, string>;
  /** The bearer token, when the request sent a well-formed one. */
  token?: string;
  /** The path as sent, for problems and links. */
  requestPath: string;
}

/** `Bearer <token>` (any case of the scheme) with a token the shared rule accepts. */
export function isWellFormedBearer(authorization: string): boolean {
  return bearerTokenOf(authorization) !== undefined;
}

/**
 * Whether a well-formed bearer token alone meets one of the operation's
 * requirements: Prism's security check (a tenth of a sandbox request's time, by
 * the profile) would pass it, so it is not run.
 */
function bearerSuffices(operation: IHttpOperation): boolean {
  return (operation.security ?? []).some(
    (requirement) => requirement.length === 1 && requirement[0]!.type === 'http' && requirement[0]!.scheme === 'bearer',
  );
}

function diagnosticsOf(operation: IHttpOperation, input: IHttpRequest, token: string | undefined): IPrismDiagnostic[] {
  const found: IPrismDiagnostic[] = [];
  const validators =
    token !== undefined && bearerSuffices(operation) ? [validateInput] : [validateSecurity, validateInput];
  for (const validator of validators) {
    const result = validator({ resource: operation, element: input });
    if (result._tag === 'Left') found.push(...result.left);
  }
  return found.filter((diagnostic) => diagnostic.severity === ERROR);
}

/** The Admitted request, or the problem answering it. `path` is the path as sent. */
export function validate(
  route: Route,
  checked: Checked,
  parameterNames: ParameterNames,
  path: string,
): Admitted | IHttpResponse {
  const { input, bodyProblem } = checked;
  const authorization = input.headers?.authorization;
  const token = bearerTokenOf(authorization);
  // Prism's own bearer rule wants the scheme spelled `Bearer`: it sees the header as the mock read it.
  const validated =
    token === undefined ? input : { ...input, headers: { ...input.headers, authorization: `Bearer ${token}` } };
  const errors = diagnosticsOf(route.operation, validated, token);
  if (errors.length === 0 && route.model.security.required && authorization !== undefined && token === undefined) {
    errors.push({ code: 401, message: 'Authorization header: the bearer token is malformed', severity: ERROR });
  }
  const unauthorized = errors.find((diagnostic) => diagnostic.code === 401);
  if (unauthorized) return unauthorizedResponse(unauthorized, path);
  if (bodyProblem) return problemResponse(bodyProblem);
  if (errors.length > 0) return violationResponse(errors, path, parameterNames);
  return {
    route,
    input: validated,
    pathParams: pathParamsOf(route.operation.path, route.path),
    ...(token === undefined ? {} : { token }),
    requestPath: path,
  };
}

export function isAdmitted(value: Admitted | IHttpResponse): value is Admitted {
  return 'route' in value;
}

/** `{ leafUserId: '…' }` from the template and the path it matched. */
function pathParamsOf(template: string, path: string): Record<string, string> {
  const params: Record<string, string> = {};
  const actual = path.split('/');
  template.split('/').forEach((segment, index) => {
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name !== undefined && actual[index] !== undefined) params[name] = decodeURIComponent(actual[index]!);
  });
  return params;
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
