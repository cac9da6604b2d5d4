/**
 * Types over the spec's operations: their ids and bodies.
 */
import type { OPERATIONS } from './generated/operations.js';
import type { operations } from './generated/schema.js';

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
