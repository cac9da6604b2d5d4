/**
 * The few response shapes the sandbox answers with. Problems come from the
 * mock's one table of kinds and its one constructor (../problem.ts).
 */
import type { IHttpResponse } from '@stoplight/prism-http';
import { namedProblem, type ProblemKindName, problem, problemResponse } from '../problem.js';

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): IHttpResponse {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body };
}

export function emptyResponse(statusCode = 204): IHttpResponse {
  return { statusCode, headers: {} };
}

export function problemAnswer(kind: ProblemKindName, path: string, detail: string): IHttpResponse {
  return problemResponse(problem(kind, path, detail));
}

/** A problem that names one field: `objectName` is where it was (`body`, `path`, `query`, `header`). */
export function fieldProblem(
  kind: ProblemKindName,
  path: string,
  objectName: string,
  field: string,
  message: string,
): IHttpResponse {
  return problemResponse(namedProblem(kind, path, objectName, field, message));
}

/** The 404 for a user without credentials of a provider: it names both. */
export function noCredentials(path: string, provider: string, leafUserId: string): IHttpResponse {
  return problemAnswer('NOT_FOUND', path, `No ${provider} credentials for Leaf user ${leafUserId}`);
}
