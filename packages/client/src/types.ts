/**
 * Types over the spec's operations: their ids and bodies.
 */
import type { OPERATIONS } from './generated/operations.js';
import type { operations, paths } from './generated/schema.js';

// The spec's schemas are named in generated/schemas.ts (and exported from the package).
export type * from './generated/schemas.js';

/**
 * The operationIds of the spec's paths: what a client calls. (openapi-typescript's `operations`
 * also holds the top-level `webhooks`, which Leaf calls on the receiver.)
 */
export type OperationId = keyof typeof OPERATIONS & keyof operations;

type SuccessStatus = 200 | 201 | 204;
type Responses<Id extends OperationId> = operations[Id]['responses'];
type SuccessResponse<Id extends OperationId> = Responses<Id>[Extract<keyof Responses<Id>, SuccessStatus>];

/** What an operation answers with on success (`void` for 204). */
export type ResponseBody<Id extends OperationId> =
  SuccessResponse<Id> extends { content: { 'application/json': infer Body } } ? Body : void;

/** The JSON body an operation takes (`never` when it takes none). */
export type RequestBody<Id extends OperationId> = operations[Id] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/**
 * An open string (`Known | (string & {})`, as `CredentialStatus`: see scripts/generate.ts) as
 * plain `string`, at any depth. openapi-fetch's `Readable` maps `string & {}` as an object
 * (openapi-typescript#2765), so the raw client's paths carry open strings as `string`: its
 * answers stay assignable to `string`, and only the helpers narrow on the known values.
 */
type OpenStringsAsString<T> = T extends string
  ? string extends T
    ? string
    : T
  : T extends object
    ? { [K in keyof T]: OpenStringsAsString<T[K]> }
    : T;

/** The spec's paths as the raw client (openapi-fetch) reads them. */
export type RawPaths = OpenStringsAsString<paths>;
