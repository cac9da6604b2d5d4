/**
 * The answer stage, for a request every earlier stage passed: what the
 * `Prefer` header asks for, then the answer itself — the sandbox's stored
 * state when there is a sandbox, otherwise (and whenever Prefer asks for a
 * documented response) Prism's mocker with the spec's examples, a paged list
 * paged as Leaf pages it.
 */
import { createRequire } from 'node:module';
import type { IPrismComponents } from '@stoplight/prism-core';
import type { IHttpMockConfig, IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { pageOf, pageRequestOf } from './paging.js';
import { type Preferences, readPreferences } from './preferences.js';
import { kindOfStatus, namedProblem, PROBLEM_CONTENT_TYPE, problem } from './problem.js';
import { problemResponse } from './reply.js';
import type { Route } from './route.js';
import type { ApiRequest, Sandbox } from './sandbox/index.js';
import { silentLogger } from './silent-logger.js';

type PrismMock = IPrismComponents<IHttpOperation, IHttpRequest, IHttpResponse, IHttpMockConfig>['mock'];
const { default: prismMock } = createRequire(import.meta.url)('@stoplight/prism-http/dist/mocker/index.js') as {
  default: PrismMock;
};

/** What the answer stage needs of the sandbox. */
export type AnswerSource = Pick<Sandbox, 'answer'>;

export interface Admitted {
  route: Route;
  /** The request as Prism validated it (its path is the one without the base path). */
  input: IHttpRequest;
  /** The path as sent, for problems. */
  requestPath: string;
}

export function createAnswerStage(sandbox?: AnswerSource): (admitted: Admitted) => Promise<IHttpResponse> {
  return async ({ route, input, requestPath }) => {
    const preferred = readPreferences(input.headers?.prefer, route.operation, requestPath);
    if (preferred.problem) return problemResponse(preferred.problem);
    const answered =
      sandbox && !preferred.mocked
        ? await sandbox.answer(apiRequestOf(route, input, requestPath))
        : exampleAnswer(route.operation, input, preferred.config, requestPath, preferred.applied !== undefined);
    if (preferred.delayMs) await new Promise((resolve) => setTimeout(resolve, preferred.delayMs));
    if (!preferred.applied) return answered;
    return { ...answered, headers: { ...answered.headers, 'preference-applied': preferred.applied } };
  };
}

function apiRequestOf(route: Route, input: IHttpRequest, path: string): ApiRequest {
  return {
    path,
    operation: route.operation,
    pathParams: pathParamsOf(route.operation.path, route.path),
    query: (input.url.query ?? {}) as ApiRequest['query'],
    headers: (input.headers ?? {}) as Record<string, string>,
    body: input.body,
  };
}

/** `{ leafUserId: '…' }` from the template and the path it matched (decoded: the check stage made sure it decodes). */
function pathParamsOf(template: string, path: string): Record<string, string> {
  const params: Record<string, string> = {};
  const actual = path.split('/');
  template.split('/').forEach((segment, index) => {
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name !== undefined && actual[index] !== undefined) params[name] = decodeURIComponent(actual[index]!);
  });
  return params;
}

/**
 * What Prism's mocker picks from when a response offers several: an error as
 * problem+json (the spec also allows plain JSON, which Leaf sometimes sends),
 * anything else as JSON. The check stage has already made sure Accept allows one.
 */
const ANSWER_MEDIA_TYPES = [PROBLEM_CONTENT_TYPE, 'application/json;q=0.9'];

/** Prism's mocker: the example (or Prefer's choice) of a documented response; a list is paged. */
function exampleAnswer(
  operation: IHttpOperation,
  input: IHttpRequest,
  preferences: Preferences,
  path: string,
  viaPrefer: boolean,
): IHttpResponse {
  // A fresh config per request: Prism's mocker writes the request's Accept into it.
  const config = { dynamic: false, mediaTypes: [...ANSWER_MEDIA_TYPES], ...preferences };
  const result = prismMock({ resource: operation, input: { data: input, validations: [] }, config })(silentLogger);
  if (result._tag === 'Left') return prismFailure(result.left, path, viaPrefer ? 'Prefer' : undefined);
  const output = result.right;
  const pageRequest = pageRequestOf(operation, input.url.query ?? {});
  if (!pageRequest || !Array.isArray(output.body) || output.statusCode >= 300) return output;
  const page = pageOf(
    output.body as unknown[],
    pageRequest,
    path,
    (input.url.query ?? {}) as Record<string, string | string[]>,
  );
  return { ...output, headers: { ...output.headers, ...page.headers }, body: page.items };
}

/** Prism failing to produce a response (it names a status for what it could not do). */
function prismFailure(failure: Error, path: string, header?: string): IHttpResponse {
  const error = failure as Error & { status?: number; detail?: string };
  const kind = kindOfStatus(error.status && error.status >= 400 && error.status < 500 ? error.status : 500);
  const detail = error.detail || error.message;
  return problemResponse(
    header ? namedProblem(kind, path, 'header', header, `${header} header: ${detail}`) : problem(kind, path, detail),
  );
}
