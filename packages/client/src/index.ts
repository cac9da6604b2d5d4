/**
 * @leaf-credentials/client: a typed client for Leaf's credential endpoints,
 * generated from the spec: every provider's helpers, sign-in with a Leaf
 * account, and openapi-fetch's typed `raw` client.
 */
export {
  type ClientParts,
  createLeafCredentialsClient,
  createLeafCredentialsClientFor,
  type LeafClientFor,
  type LeafCredentialsClient,
} from './client.js';
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, MAX_RETRY_ATTEMPTS, WAIT_DEFAULTS } from './defaults.js';
export {
  isNotFound,
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
// Every provider (`trimble`, `climateFieldView`, …), its helpers type, and PROVIDERS.
export * from './generated/providers.js';
export type { components, operations, paths } from './generated/schema.js';
// A name for every schema of the spec: `TrimbleCredentials`, `CredentialEvent`, `Problem`, …
export type * from './generated/schemas.js';
export type {
  AllEventsHelper,
  EventsHelper,
  ItemOf,
  OperationHelper,
  OperationRef,
  ProviderDefinition,
  ProviderHelpers,
} from './helpers.js';
export type {
  AllEventsOptions,
  AuthOptions,
  CallOptions,
  EventsOptions,
  FetchLike,
  LeafCredentialsClientOptions,
  LeafLogger,
  QueryOf,
  RetryOptions,
  TokenSource,
  WaitUntilHealthyOptions,
} from './options.js';
export type { Page } from './paging.js';
export { type RawFactory, raw } from './raw.js';
export { REDACTED, redactValue, SECRET_FIELDS } from './redact.js';
export type { OperationId, RequestBody, ResponseBody } from './types.js';
export type { WaitUntilHealthy } from './wait.js';
