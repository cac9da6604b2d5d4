/**
 * What a code sample needs to know about one operation, read from the bundled
 * spec: which helper it is, of which provider, where it is served, whether it
 * needs the bearer token, the example request body, what a success prints.
 */
import {
  type BundledSpec,
  type LeafHelper,
  leafHelperOf,
  listOperations,
  productionServerUrl,
  providerTagOf,
  requestBodyExample,
  resolveRef,
  resourceTagOf,
  type SpecOperation,
  successStatus,
} from '@leaf-credentials/spec';

/** What every sample contains for the reader to replace. */
export const TOKEN_PLACEHOLDER = 'YOUR_TOKEN';
export const LEAF_USER_ID_PLACEHOLDER = '{leafUserId}';
/** A sample that signs in (the TypeScript client's `auth`) names the account with these. */
export const USERNAME_PLACEHOLDER = 'YOUR_LEAF_USERNAME';
export const PASSWORD_PLACEHOLDER = 'YOUR_LEAF_PASSWORD';

export interface SampleFacts {
  operation: SpecOperation;
  helper: LeafHelper;
  /** The client's property for the provider (`trimble`), undefined for authenticate. */
  provider?: string;
  /** The provider's name in prose ("Trimble"). */
  providerName?: string;
  /** The client's property for a resource that is not a provider (`webhooks`, its tag's `x-leaf-resource`). */
  resource?: string;
  method: string;
  /** The operation's production server: what the TypeScript client is pointed at. */
  serverUrl: string;
  /** The full production URL, with `{leafUserId}` left for the reader. */
  url: string;
  /** Whether the request carries `Authorization: Bearer YOUR_TOKEN`. */
  bearer: boolean;
  /** The example request body, when the operation takes one. */
  body?: unknown;
  /** The query parameters' documented examples (events: page, size, sort), in document order. */
  query: Record<string, unknown>;
  /** Whether a success has a body to print (else the sample prints the status). */
  printsBody: boolean;
  status: number;
}

type Json = Record<string, unknown>;

/** The documented example of each query parameter of the operation (and its path) that has one. */
function queryExamples(spec: BundledSpec, operation: SpecOperation): Record<string, unknown> {
  const declared = [
    ...((spec.paths[operation.path]?.parameters as unknown[] | undefined) ?? []),
    ...((operation.operation.parameters as unknown[] | undefined) ?? []),
  ].map((parameter) => resolveRef(spec, parameter) as Json);
  return Object.fromEntries(
    declared
      .filter((parameter) => parameter.in === 'query' && parameter.example !== undefined)
      .map((parameter) => [String(parameter.name), parameter.example]),
  );
}

/** The URL with the query examples, as a reader would type it (`?page=0&size=20`). */
export function urlWithQuery(facts: SampleFacts): string {
  const entries = Object.entries(facts.query);
  if (entries.length === 0) return facts.url;
  return `${facts.url}?${entries.map(([name, value]) => `${name}=${String(value)}`).join('&')}`;
}

function needsBearer(spec: BundledSpec, operation: SpecOperation): boolean {
  const security = (operation.operation.security ?? spec.security) as unknown[] | undefined;
  return Array.isArray(security) && security.length > 0;
}

export function sampleFacts(spec: BundledSpec, operation: SpecOperation): SampleFacts {
  const status = successStatus(operation);
  const success = resolveRef(spec, (operation.operation.responses as Json)[String(status)]) as Json | undefined;
  const tag = providerTagOf(spec, operation);
  const resource = resourceTagOf(spec, operation)?.['x-leaf-resource'];
  const serverUrl = productionServerUrl(spec, operation);
  return {
    operation,
    helper: leafHelperOf(operation),
    provider: tag?.['x-leaf-provider'],
    providerName: tag?.name,
    ...(resource === undefined ? {} : { resource }),
    method: operation.method.toUpperCase(),
    serverUrl,
    url: `${serverUrl.replace(/\/+$/, '')}${operation.path}`,
    bearer: needsBearer(spec, operation),
    body: requestBodyExample(spec, operation),
    query: queryExamples(spec, operation),
    printsBody: success?.content !== undefined,
    status,
  };
}

/** The facts of every operation, in document order. */
export function listSampleFacts(spec: BundledSpec): SampleFacts[] {
  return listOperations(spec).map((operation) => sampleFacts(spec, operation));
}

/** The path's parameters as the samples leave them for the reader: `{leafUserId}`, `{webhookId}`, in path order. */
export function pathPlaceholders(operation: SpecOperation): string[] {
  return operation.path.match(/\{[^}]+\}/g) ?? [];
}

/**
 * Each path placeholder of the operation and the example its parameter documents: what a
 * runner puts in a sample's place (the sandbox's seed holds a resource under each example).
 */
export function pathPlaceholderExamples(spec: BundledSpec, operation: SpecOperation): Record<string, string> {
  const declared = [
    ...((spec.paths[operation.path]?.parameters as unknown[] | undefined) ?? []),
    ...((operation.operation.parameters as unknown[] | undefined) ?? []),
  ].map((parameter) => resolveRef(spec, parameter) as Json);
  return Object.fromEntries(
    declared
      .filter((parameter) => parameter.in === 'path' && typeof parameter.example === 'string')
      .map((parameter) => [`{${String(parameter.name)}}`, String(parameter.example)]),
  );
}

/**
 * The placeholders a sample of this operation contains, for the reader (and the test runner) to
 * replace: a sample that signs in (`signsIn`) names the account instead of a token.
 */
export function placeholdersOf(facts: SampleFacts, signsIn = false): string[] {
  const credentials = signsIn ? [USERNAME_PLACEHOLDER, PASSWORD_PLACEHOLDER] : [TOKEN_PLACEHOLDER];
  return [facts.serverUrl, ...(facts.bearer ? credentials : []), ...pathPlaceholders(facts.operation)];
}
