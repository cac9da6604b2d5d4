/**
 * The fuzzer's property and oracle, in one place: the fuzz test asserts it
 * against the mock, and the gate test checks that it fails against servers
 * that answer wrongly. For a bad request to one operation, the reply must have
 * the status the mutation implies, be application/problem+json, name what was
 * broken, and match the spec where the operation documents that status; and
 * it must come within the deadline.
 */
import type { Agent } from 'node:http';
import type { OperationModel } from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import fc from 'fast-check';
import { expect } from 'vitest';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../src/problem.js';
import { type BadRequest, badRequest } from './bad-requests.js';
import { REQUEST_DEADLINE_MS, type Reply, send } from './send.js';

const validator = createResponseValidator();

/** Throws (a vitest assertion error) unless `reply` is the problem `bad` calls for. */
export function expectNamedProblem(shape: OperationModel, reply: Reply, bad: BadRequest): void {
  const problem = expectProblemNaming(reply, bad);
  if (problem && checksSpec(shape, reply, bad)) {
    const check = validator.check(shape.method, shape.path, reply.status, PROBLEM_CONTENT_TYPE, problem);
    expect(check.errors, bad.kind).toEqual([]);
  }
}

const fieldOrInside = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.|$)`);

/** The status, media type and names `bad` calls for (any request, the sandbox's control requests too); the problem read. */
export function expectProblemNaming(reply: Reply, bad: BadRequest): Problem | undefined {
  const { expected } = bad;
  expect(reply.status, bad.kind).toBe(expected.status);
  expect(reply.headers['content-type'], bad.kind).toBe(PROBLEM_CONTENT_TYPE);
  if (bad.request.method === 'HEAD') return undefined; // a HEAD reply has no body to read
  const problem = JSON.parse(reply.text) as Problem;
  expect(problem.status, bad.kind).toBe(reply.status);
  expect(problem.detail, bad.kind).toContain(expected.names);
  if (expected.objectName) {
    expect(problem.fieldErrors, bad.kind).toContainEqual(
      // The field itself, or a place inside it (a field nested deep is wrong at its first element).
      expect.objectContaining({
        objectName: expected.objectName,
        field: expect.stringMatching(fieldOrInside(expected.names)),
      }),
    );
  }
  return problem;
}

/** Where the operation documents the status, the problem must match the spec (size limits included). */
export function checksSpec(shape: OperationModel, reply: Reply, bad: BadRequest): boolean {
  return bad.request.method === shape.method && shape.documentedStatuses.includes(reply.status);
}

/** The methods the spec documents on `shape`'s path. */
export function allowedMethods(shape: OperationModel, shapes: readonly OperationModel[]): string[] {
  return shapes.filter((other) => other.path === shape.path).map((other) => other.method);
}

export interface FuzzTarget {
  url: string;
  agent: Agent;
  /** How long one exchange may take (REQUEST_DEADLINE_MS unless a test needs it short). */
  deadlineMs?: number;
  /** Sees every status, for the counts the fuzz run prints. */
  onReply?: (status: number) => void;
}

/**
 * The operations grouped by kind, their `x-leaf-helper` (get, create, delete, ...): the
 * operations of a kind share one request path in the mock and differ only by data, so the
 * fuzzer's budget is per kind, spread over its operations (support/fuzz-runs.ts).
 */
export function operationKinds(shapes: readonly OperationModel[]): Map<string, OperationModel[]> {
  const kinds = new Map<string, OperationModel[]>();
  for (const shape of shapes) kinds.set(shape.helper, [...(kinds.get(shape.helper) ?? []), shape]);
  return kinds;
}

export function namedProblemProperty(shape: OperationModel, shapes: readonly OperationModel[], target: FuzzTarget) {
  return fc.asyncProperty(badRequest(shape, allowedMethods(shape, shapes)), async (bad) => {
    const reply = await send(target.url, bad.request, target.agent, target.deadlineMs ?? REQUEST_DEADLINE_MS);
    target.onReply?.(reply.status);
    expectNamedProblem(shape, reply, bad);
  });
}
