/**
 * What a code sample needs to know about one operation, as the spec model
 * answers it: which helper it is, of which resource, where it is served, whether it
 * needs the bearer token, the example request body, what a success prints.
 */
import {
  type BundledSpec,
  type LeafHelper,
  type OperationModel,
  type SpecOperation,
  specModel,
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
  /** The client's property for its resource (`trimble`; `x-leaf-provider` or `x-leaf-resource`), undefined for sign-in. */
  provider?: string;
  /** Whether its resource is one of its own (`x-leaf-resource`: Leaf users, webhooks), not a provider's credentials. */
  ownResource: boolean;
  /** What it does in the spec's words (its `summary`): "Delete a webhook". */
  summary?: string;
  /** Whether it lists page by page (the spec model's `paging`): its sample shows one page, not the whole list. */
  paged: boolean;
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

/** The URL with the query examples, as a reader would type it (`?page=0&size=20`). */
export function urlWithQuery(facts: SampleFacts): string {
  const entries = Object.entries(facts.query);
  if (entries.length === 0) return facts.url;
  return `${facts.url}?${entries.map(([name, value]) => `${name}=${String(value)}`).join('&')}`;
}

/** The documented example of each query parameter that has one (events: page, size, sort), in document order. */
function queryExamples(operation: OperationModel): Record<string, unknown> {
  return Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === 'query' && parameter.example !== undefined)
      .map((parameter) => [parameter.name, parameter.example]),
  );
}

export function sampleFacts(spec: BundledSpec, specOperation: SpecOperation): SampleFacts {
  const operation = specModel(spec).operation(specOperation.operationId);
  const { resource } = operation;
  const serverUrl = operation.servers.production;
  const { summary } = specOperation.operation;
  if (operation.requestBody && operation.requestBody.example === undefined) {
    throw new Error(
      `${operation.operationId}'s request body has no example (code samples and contract tests send it): add one to its schema.`,
    );
  }
  return {
    operation: specOperation,
    helper: operation.helper,
    ...(resource.property === undefined ? {} : { provider: resource.property }),
    ownResource: resource.kind === 'resource',
    ...(typeof summary === 'string' && summary !== '' ? { summary } : {}),
    paged: operation.paging !== undefined,
    method: operation.method,
    serverUrl,
    url: `${serverUrl.replace(/\/+$/, '')}${operation.path}`,
    bearer: operation.security.required,
    body: operation.requestBody?.example,
    query: queryExamples(operation),
    printsBody: operation.success.body !== undefined,
    status: operation.success.status,
  };
}

/** The facts of every operation, in document order. */
export function listSampleFacts(spec: BundledSpec): SampleFacts[] {
  return specModel(spec).operations.map((operation) => sampleFacts(spec, operation.source));
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
  return Object.fromEntries(
    specModel(spec)
      .operation(operation.operationId)
      .parameters.filter((parameter) => parameter.in === 'path' && typeof parameter.example === 'string')
      .map((parameter) => [`{${parameter.name}}`, String(parameter.example)]),
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
