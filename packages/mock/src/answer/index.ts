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
import { kindOfStatus, namedProblem, PROBLEM_CONTENT_TYPE, problem, problemResponse } from '../problem.js';
import type { ApiRequest, Sandbox } from '../sandbox/index.js';
import type { Admitted } from '../validate/index.js';
import { boundDynamicBodies } from './dynamic-bounds.js';
import { pageOf, pageRequestOf } from './paging.js';
import { type Preferences, readPreferences } from './preferences.js';
import { silentLogger } from './silent-logger.js';

type PrismMock = IPrismComponents<IHttpOperation, IHttpRequest, IHttpResponse, IHttpMockConfig>['mock'];
let mocker: PrismMock | undefined;

/** Prism's mocker: most of Prism's start-up, so a sandbox loads it only when a request needs it. */
function loadMocker(): PrismMock {
  if (!mocker) {
    mocker = (createRequire(import.meta.url)('@stoplight/prism-http/dist/mocker/index.js') as { default: PrismMock })
      .default;
    boundDynamicBodies();
  }
  return mocker;
}

function prismMock(...args: Parameters<PrismMock>): ReturnType<PrismMock> {
  return loadMocker()(...args);
}

/** What the answer stage needs of the sandbox. */
export type AnswerSource = Pick<Sandbox, 'answer'>;

export function createAnswerStage(sandbox?: AnswerSource): (admitted: Admitted) => Promise<IHttpResponse> {
  // The mock answers every request from examples: it needs the mocker before its first answer anyway.
  if (!sandbox) loadMocker();
  return async (admitted) => {
    const { route, input, requestPath } = admitted;
    const preferred = readPreferences(input.headers?.prefer, route.operation, requestPath);
    if (preferred.problem) return problemResponse(preferred.problem);
    const answered =
      sandbox && !preferred.mocked
        ? await sandbox.answer(apiRequestOf(admitted))
        : exampleAnswer(route.operation, input, preferred.config, requestPath, preferred.applied !== undefined);
    if (preferred.delayMs) await new Promise((resolve) => setTimeout(resolve, preferred.delayMs));
    if (!preferred.applied) return answered;
    return { ...answered, headers: { ...answered.headers, 'preference-applied': preferred.applied } };
  };
}

/** The store's request: its headers carry the token as the validate stage read it (`Bearer <token>`). */
function apiRequestOf({ route, input, pathParams, requestPath }: Admitted): ApiRequest {
  return {
    path: requestPath,
    operation: route.operation,
    pathParams,
    query: (input.url.query ?? {}) as ApiRequest['query'],
    headers: (input.headers ?? {}) as Record<string, string>,
    body: input.body,
  };
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
