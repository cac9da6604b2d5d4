/**
 * The problem+json every refusal is: its one constructor (`problem()`), the
 * kinds of every stage indexed by name, and what Prism's validator found turned
 * into fields, so every 4xx the mock sends names the field or header that was wrong.
 */
import { STATUS_CODES } from 'node:http';
import type { IPrismDiagnostic } from '@stoplight/prism-core';
import type { IHttpResponse } from '@stoplight/prism-http';
import { SOCKET_PROBLEMS } from './adapters/problems.js';
import { ANSWER_PROBLEMS } from './answer/problems.js';
import { CHECK_PROBLEMS } from './check/problems.js';
import { kind, type ProblemKind } from './problem-kind.js';
import { READ_PROBLEMS } from './read/problems.js';
import { ROUTE_PROBLEMS } from './route/problems.js';
import { VALIDATE_PROBLEMS } from './validate/problems.js';

export type { ProblemKind } from './problem-kind.js';

export interface FieldError {
  objectName: string;
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  path: string;
  message: string;
  fieldErrors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Every stage's kinds, indexed by name: a stage (or the sandbox store) names the
 * kind it answers with, and the kind's template lives in that stage's folder.
 */
const PROBLEM_KINDS = {
  ...READ_PROBLEMS,
  ...ROUTE_PROBLEMS,
  ...CHECK_PROBLEMS,
  ...VALIDATE_PROBLEMS,
  ...ANSWER_PROBLEMS,
  ...SOCKET_PROBLEMS,
} as const satisfies Record<string, ProblemKind>;

export type ProblemKindName = keyof typeof PROBLEM_KINDS;

/** The kind for a status another component reports (Prism's own errors carry only a status). */
export function kindOfStatus(status: number): ProblemKind {
  return Object.values(PROBLEM_KINDS).find((candidate) => candidate.status === status) ?? kind(status);
}

/** The reason phrase node:http uses for the status. */
export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

export function problemResponse(body: Problem): IHttpResponse {
  return { statusCode: body.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE }, body };
}

export function problem(
  kindOrName: ProblemKindName | ProblemKind,
  path: string,
  detail: string,
  fieldErrors?: FieldError[],
): Problem {
  const { status, type, message } = typeof kindOrName === 'string' ? PROBLEM_KINDS[kindOrName] : kindOrName;
  return {
    type,
    title: statusTitle(status),
    status,
    detail,
    path,
    message,
    ...(fieldErrors?.length ? { fieldErrors } : {}),
  };
}

/** The one problem shape for a single named field, parameter or header: `detail` is its message. */
export function namedProblem(
  kind: ProblemKindName | ProblemKind,
  path: string,
  objectName: string,
  field: string,
  message: string,
): Problem {
  return problem(kind, path, message, [{ objectName, field, message }]);
}

/**
 * Prism reports where a violation is as a path such as
 * `['body', 'tokenMetadata', 'scopes']`, `['path', 'leafUserId']` or
 * `['header', 'authorization']`, and ajv's keyword as its code. A missing or
 * unknown property is reported on its parent object, with the property's name
 * only in the message ("must have required property 'x'", "found 'x'").
 */
export function toFieldError(diagnostic: IPrismDiagnostic, parameterNames: ParameterNames): FieldError {
  // A required body that is absent (or JSON null) is reported with no path at all.
  if (!diagnostic.path?.length) {
    const message = diagnostic.message.replace(/^Body parameter is required$/, 'body is required');
    return { objectName: 'body', field: 'body', message };
  }
  const [location = 'body', ...rest] = diagnostic.path;
  // The name closes the message and may itself contain quotes: match to the end.
  const named =
    diagnostic.code === 'required'
      ? /required property '(.*)'$/s.exec(diagnostic.message)?.[1]
      : diagnostic.code === 'additionalProperties'
        ? /found '(.*)'$/s.exec(diagnostic.message)?.[1]
        : undefined;
  const segments = named === undefined ? rest : [...rest, named];
  const field = segments.length > 0 ? segments.join('.') : location;
  const canonical = location === 'body' ? field : (parameterNames.get(field.toLowerCase()) ?? field);
  return {
    objectName: location,
    field: canonical,
    message: diagnostic.message.replace(/^Request /, '').replace(field, canonical),
  };
}

/** Prism reports parameter names lowercased; this maps them back to the spec's spelling. */
export type ParameterNames = ReadonlyMap<string, string>;

export function parameterNamesOf(
  operations: Array<{
    request?: { path?: Array<{ name: string }>; query?: Array<{ name: string }>; headers?: Array<{ name: string }> };
  }>,
): ParameterNames {
  const names = new Map<string, string>();
  for (const operation of operations) {
    const { path = [], query = [], headers = [] } = operation.request ?? {};
    for (const { name } of [...path, ...query, ...headers]) names.set(name.toLowerCase(), name);
  }
  return names;
}

export function describeViolations(fieldErrors: FieldError[]): string {
  return fieldErrors.map((error) => error.message).join('; ');
}

/** The keywords of a JSON Schema that bound a value's size. */
export interface SizeSchema {
  maxLength?: number;
  maxItems?: number;
  properties?: Record<string, SizeSchema>;
  items?: SizeSchema;
}

/**
 * Cuts strings and arrays down to the schema's maxLength / maxItems, so a
 * problem that quotes a huge input still matches the spec's Problem schema.
 * Lengths count code points, as JSON Schema does.
 */
export function fitToSchema<T>(value: T, schema: SizeSchema | undefined): T {
  if (!schema) return value;
  if (typeof value === 'string' && schema.maxLength !== undefined) {
    const characters = Array.from(value);
    if (characters.length <= schema.maxLength) return value;
    return `${characters.slice(0, Math.max(schema.maxLength - 1, 0)).join('')}…` as T;
  }
  if (Array.isArray(value)) {
    const kept = schema.maxItems === undefined ? value : value.slice(0, schema.maxItems);
    return kept.map((item) => fitToSchema(item, schema.items)) as T;
  }
  if (value !== null && typeof value === 'object' && schema.properties) {
    const properties = schema.properties;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fitToSchema(item, properties[key])]),
    ) as T;
  }
  return value;
}
