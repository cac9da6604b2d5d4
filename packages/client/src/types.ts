/**
 * The public names of the spec's schemas, each an alias of the generated
 * type: a field changes in the spec, and these change with it.
 */
import type { components, operations } from './generated/schema.js';

type Schemas = components['schemas'];

export type TrimbleCredentials = Schemas['TrimbleCredentials'];
export type TrimbleCredentialsCreate = Schemas['TrimbleCredentialsCreate'];
export type ClimateFieldViewCredentials = Schemas['ClimateFieldViewCredentials'];
export type ClimateFieldViewCredentialsCreate = Schemas['ClimateFieldViewCredentialsCreate'];
export type CredentialStatus = Schemas['CredentialStatus'];
export type CredentialStatusReport = Schemas['CredentialStatusReport'];
export type CredentialEvent = Schemas['CredentialEvent'];
export type CredentialEvents = Schemas['CredentialEvents'];
export type TokenMetadata = Schemas['TokenMetadata'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];

/** The operationIds of the spec. */
export type OperationId = keyof operations;

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
