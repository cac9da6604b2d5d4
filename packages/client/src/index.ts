/**
 * @leaf-credentials/client: a typed client for Leaf's Trimble and Climate
 * FieldView credential endpoints, generated from the spec.
 */
export {
  createLeafCredentialsClient,
  PROVIDER_OPERATIONS,
  type CallOptions,
  type ClimateFieldViewHelpers,
  type LeafCredentialsClient,
  type LeafCredentialsClientOptions,
  type OperationHelper,
  type TrimbleHelpers,
} from './client.js';
export {
  LeafApiError,
  LeafAuthError,
  LeafCredentialStatusError,
  LeafError,
  LeafInvalidResponseError,
  LeafNetworkError,
  LeafRequestError,
  LeafTimeoutError,
} from './errors.js';
export { PRODUCTION_BASE_URL } from './generated/constants.js';
export { OPERATIONS } from './generated/operations.js';
export type { components, operations, paths } from './generated/schema.js';
export { REDACTED, SECRET_FIELDS, redactValue } from './redact.js';
export { DEFAULT_RETRY, type RetryOptions } from './retry.js';
export type { FetchLike, LeafLogger, TokenSource } from './transport.js';
export type {
  ClimateFieldViewCredentials,
  ClimateFieldViewCredentialsCreate,
  CredentialEvent,
  CredentialEvents,
  CredentialStatus,
  CredentialStatusReport,
  FieldError,
  OperationId,
  Problem,
  RequestBody,
  ResponseBody,
  TrimbleCredentials,
  TokenMetadata,
  TrimbleCredentialsCreate,
} from './types.js';
export { WAIT_DEFAULTS, type WaitUntilHealthy, type WaitUntilHealthyOptions } from './wait.js';
