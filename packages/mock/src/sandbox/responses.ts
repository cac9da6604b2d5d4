/** The few response shapes the sandbox answers with, built on the mock's one problem() helper. */
import type { IHttpResponse } from '@stoplight/prism-http';
import { kindOfStatus, problem, PROBLEM_CONTENT_TYPE, type FieldError } from '../problem.js';

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): IHttpResponse {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body };
}

export function emptyResponse(statusCode = 204): IHttpResponse {
  return { statusCode, headers: {} };
}

export function problemResponse(status: number, path: string, detail: string, fieldErrors?: FieldError[]): IHttpResponse {
  return { statusCode: status, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body: problem(status === 400 && fieldErrors?.length ? 'VIOLATION' : kindOfStatus(status), path, detail, fieldErrors) };
}

/** A 400 that names one field: `objectName` is where it was (`body`, `path`, `query`, `header`). */
export function fieldProblem(status: number, path: string, objectName: string, field: string, message: string): IHttpResponse {
  return problemResponse(status, path, message, [{ objectName, field, message }]);
}

/** The 404 for a user without credentials of a provider: it names both. */
export function noCredentials(path: string, provider: string, leafUserId: string): IHttpResponse {
  return problemResponse(404, path, `No ${provider} credentials for Leaf user ${leafUserId}`);
}
