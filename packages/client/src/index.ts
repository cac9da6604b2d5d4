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
// Every provider (`trimble`, `climateFieldView`, …) and resource of its own (`users`, `webhooks`),
// its helpers type, PROVIDERS and RESOURCES.
export * from './generated/providers.js';
export type { components, operations } from './generated/schema.js';
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
  ResourceDefinition,
  ResourceHelper,
  ResourceHelpers,
  ResourceOperationRef,
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
// The paths as openapi-fetch reads them (open strings as `string`: see types.ts), for `createClient<paths>()`.
export type { OperationId, RawPaths as paths, RequestBody, ResponseBody } from './types.js';
export type { WaitUntilHealthy } from './wait.js';
// The receiving side of Leaf's alerts (webhooks): signature checks and typed alerts.
export {
  type LeafAlert,
  type LeafWebhookConfirmation,
  LeafWebhookError,
  type LeafWebhookErrorReason,
  leafJson,
  parseLeafAlert,
  type RawBody,
  verifyLeafSignature,
} from './webhooks/index.js';
