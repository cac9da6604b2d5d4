/**
 * What a kind of error is: its status, and the `type` and `message` its
 * problem+json carries. Each stage keeps the kinds it answers with in its own
 * `problems.ts`, as data (as Prism keeps its own in `mocker/errors.ts`);
 * `problem()` in ../problem.ts is the one constructor.
 */
export interface ProblemKind {
  status: number;
  /** RFC 9457 `type`; `about:blank` when the status says it all. */
  type: string;
  /** JHipster's message key. */
  message: string;
}

export function kind(status: number, type = 'about:blank', message = `error.http.${status}`): ProblemKind {
  return { status, type, message };
}

/**
 * A request that names what is wrong in it (a field, parameter or header): the
 * one kind several stages share, so every stage's table holds this same object.
 */
export const VIOLATION = kind(400, 'https://www.jhipster.tech/problem/constraint-violation', 'error.validation');
