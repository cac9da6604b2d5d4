/**
 * Control requests, under CONTROL_PREFIX: reset, list, seed, set a status,
 * move the clock, read the request log. Documented in
 * packages/mock/sandbox-control.yaml, whose schemas validate their bodies.
 */
import type { IHttpResponse } from '@stoplight/prism-http';
import type { Clock } from './clock.js';
import { controlSchema } from './control-spec.js';
import { withStatus } from './credentials.js';
import { renderEvent, retained } from './events.js';
import type { CredentialStatus } from './magic-values.js';
import type { RequestLog } from './request-log.js';
import type { ProviderResource, ResourceTable } from './resources.js';
import { emptyResponse, fieldProblem, jsonResponse, noCredentials, problemAnswer } from './responses.js';
import { firstFailure } from './schemas.js';
import { SeedError, seedCredentials } from './seed.js';
import type { Store } from './store.js';
import { bearerToken, type StateKey, stateKeyOf } from './token-keys.js';
import type { WebhookService } from './webhooks.js';
import type { StatusSchedule } from './webhooks-schedule.js';
import { checkDelay } from './webhooks-seed.js';

/** Every control request's path starts with this; no path of the API does. */
export const CONTROL_PREFIX = '/__sandbox';

export interface ControlRequest {
  method: string;
  /** The whole path, CONTROL_PREFIX included. */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** Parsed JSON (a string is parsed here), or undefined when there is none. */
  body: unknown;
}

export interface ControlContext {
  table: ResourceTable;
  store: Store;
  clock: Clock;
  requests: RequestLog;
  /** The alerts service (webhooks.ts), its scheduled changes, and a seed document's `statusChanges` to schedule. */
  webhooks?: WebhookService;
  schedule?: StatusSchedule;
  scheduleSeed?: (document: unknown, key?: StateKey) => void;
}

interface Call {
  key?: StateKey;
  body: unknown;
  path: string;
  params: string[];
  context: ControlContext;
}

type Handler = (call: Call) => IHttpResponse;

/** The control routes: a path pattern (after the prefix) and its handler per method. */
const ROUTES: Array<{ pattern: RegExp; methods: Record<string, Handler> }> = [
  { pattern: /^\/reset$/, methods: { POST: reset } },
  { pattern: /^\/credentials$/, methods: { GET: listCredentials } },
  { pattern: /^\/seed$/, methods: { POST: seed } },
  { pattern: /^\/users\/([^/]+)\/([^/]+)\/status$/, methods: { PUT: setStatus } },
  { pattern: /^\/clock$/, methods: { GET: readClock, PUT: setClock, DELETE: resetClock } },
  { pattern: /^\/requests$/, methods: { GET: listRequests, DELETE: clearRequests } },
  { pattern: /^\/users\/([^/]+)\/([^/]+)\/scheduled-status$/, methods: { POST: scheduleStatus } },
  { pattern: /^\/webhooks\/deliveries$/, methods: { GET: listDeliveries, DELETE: clearDeliveries } },
];

export function answerControl(request: ControlRequest, context: ControlContext): IHttpResponse {
  const { path } = request;
  const rest = path.slice(CONTROL_PREFIX.length).replace(/\/$/, '') || '/';
  const route = ROUTES.map((candidate) => ({ candidate, match: candidate.pattern.exec(rest) })).find(
    ({ match }) => match,
  );
  if (!route) {
    return problemAnswer(
      'NOT_FOUND',
      path,
      `No control request ${path}; see packages/mock/sandbox-control.yaml for the ones there are.`,
    );
  }
  const method = request.method.toUpperCase();
  const handler = route.candidate.methods[method];
  if (!handler) {
    const allowed = Object.keys(route.candidate.methods).join(', ');
    const message = `${method} is not allowed on ${path}; use ${allowed}`;
    const answer = fieldProblem('METHOD_NOT_ALLOWED', path, 'request', 'method', message);
    return { ...answer, headers: { ...answer.headers, allow: allowed } };
  }
  const body = parseBody(request.body);
  if (body instanceof SyntaxError)
    return fieldProblem('VIOLATION', path, 'body', 'body', `body is not JSON: ${body.message}`);
  const token = bearerToken(request.headers.authorization);
  const params = route.match!.slice(1).map((segment) => safeDecode(segment));
  return handler({ key: token === undefined ? undefined : stateKeyOf(token), body, path, params, context });
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return body;
  const text = body.toString();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    return error as SyntaxError;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The body checked against a schema of the control document: undefined when valid, else the 400. */
function invalidBody(call: Call, schemaName: string): IHttpResponse | undefined {
  if (call.body === undefined) return fieldProblem('VIOLATION', call.path, 'body', 'body', 'body is required');
  const failure = firstFailure(controlSchema(schemaName), call.body);
  if (!failure) return undefined;
  const field = failure.field || 'body';
  return fieldProblem(
    'VIOLATION',
    call.path,
    'body',
    field,
    `body${failure.field ? `.${failure.field}` : ''} ${failure.message}`,
  );
}

function reset(call: Call): IHttpResponse {
  call.context.store.reset(call.key);
  call.context.webhooks?.reset(call.key);
  call.context.schedule?.reset(call.key);
  return emptyResponse(204);
}

function listCredentials({ key, context }: Call): IHttpResponse {
  const now = context.clock.now();
  const credentials = context.store.list(key).map(({ leafUserId, provider, credential }) => ({
    leafUserId,
    provider,
    credentials: credential.resource,
    events: retained(credential.log, now).reverse().map(renderEvent),
  }));
  return jsonResponse(200, { credentials });
}

function seed(call: Call): IHttpResponse {
  const invalid = invalidBody(call, 'SeedDocument');
  if (invalid) return invalid;
  const { store, table, clock } = call.context;
  let entries: ReturnType<typeof seedCredentials>;
  try {
    entries = seedCredentials(call.body, table, clock.now(), 'body');
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    // "body: credentials[0]: field credentials.clientId: must be string" → the field it names.
    const field = /^body: (credentials\[\d+\])(?:: field ([^:]+))?/.exec(error.message);
    return fieldProblem(
      'VIOLATION',
      call.path,
      'body',
      [field?.[1], field?.[2]].filter(Boolean).join('.') || 'body',
      error.message,
    );
  }
  if (call.key === undefined) store.addToSeed(entries);
  else for (const entry of entries) store.put(call.key, entry, entry.credential);
  try {
    call.context.scheduleSeed?.(call.body, call.key);
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    const field = /^body: (statusChanges\[\d+\])(?:: field ([^:]+))?/.exec(error.message);
    return fieldProblem(
      'VIOLATION',
      call.path,
      'body',
      [field?.[1], field?.[2]].filter(Boolean).join('.') || 'statusChanges',
      error.message,
    );
  }
  return jsonResponse(200, { seeded: entries.length });
}

/** The provider a control path names (after checking its leafUserId), or the problem to answer. */
function providerOfPath(call: Call): { leafUserId: string; provider: ProviderResource } | IHttpResponse {
  const [leafUserId = '', providerName = ''] = call.params;
  const { table } = call.context;
  const idFailure = firstFailure(table.leafUserIdSchema, leafUserId);
  if (idFailure) return fieldProblem('VIOLATION', call.path, 'path', 'leafUserId', `leafUserId ${idFailure.message}`);
  const provider = table.provider(providerName);
  if (!provider) {
    const known = table.providers.map((candidate) => candidate.name).join(', ');
    return fieldProblem(
      'NOT_FOUND',
      call.path,
      'path',
      'provider',
      `No provider ${providerName} in the spec (known: ${known})`,
    );
  }
  return { leafUserId, provider };
}

function setStatus(call: Call): IHttpResponse {
  const named = providerOfPath(call);
  if ('statusCode' in named) return named;
  const { leafUserId, provider } = named;
  const { store, clock } = call.context;
  const invalid = invalidBody(call, 'StatusChange');
  if (invalid) return invalid;
  if (call.key === undefined) {
    return fieldProblem(
      'VIOLATION',
      call.path,
      'header',
      'Authorization',
      'Authorization header: name the token whose credential changes (`Authorization: Bearer <token>`)',
    );
  }
  const slot = { leafUserId, provider: provider.name };
  const credential = store.get(call.key, slot);
  if (!credential) return noCredentials(call.path, provider.name, leafUserId);
  const status = (call.body as { status: CredentialStatus }).status;
  store.put(call.key, slot, withStatus(credential, status, clock.now()));
  return jsonResponse(200, { status });
}

function clockAnswer(clock: Clock): IHttpResponse {
  return jsonResponse(200, { now: clock.now().toISOString(), moved: clock.moved });
}

function readClock({ context }: Call): IHttpResponse {
  return clockAnswer(context.clock);
}

function setClock(call: Call): IHttpResponse {
  const invalid = invalidBody(call, 'ClockSetting');
  if (invalid) return invalid;
  call.context.clock.set(new Date((call.body as { now: string }).now));
  return clockAnswer(call.context.clock);
}

function resetClock({ context }: Call): IHttpResponse {
  context.clock.reset();
  return clockAnswer(context.clock);
}

function listRequests({ key, context }: Call): IHttpResponse {
  return jsonResponse(200, { requests: context.requests.list(key) });
}

function clearRequests({ key, context }: Call): IHttpResponse {
  context.requests.clear(key);
  return emptyResponse(204);
}

/** Turns the token's credential to `status` after `afterSeconds` on the sandbox clock. */
function scheduleStatus(call: Call): IHttpResponse {
  const named = providerOfPath(call);
  if ('statusCode' in named) return named;
  const invalid = invalidBody(call, 'ScheduledStatusChange');
  if (invalid) return invalid;
  const { status, afterSeconds } = call.body as { status: CredentialStatus; afterSeconds: number };
  const delay = checkDelay(afterSeconds);
  if (delay) return fieldProblem('VIOLATION', call.path, 'body', 'afterSeconds', `body.afterSeconds ${delay}`);
  if (call.key === undefined || !call.context.schedule) {
    return fieldProblem(
      'VIOLATION',
      call.path,
      'header',
      'Authorization',
      'Authorization header: name the token whose credential changes (`Authorization: Bearer <token>`)',
    );
  }
  const slot = { leafUserId: named.leafUserId, provider: named.provider.name };
  if (!call.context.store.get(call.key, slot)) return noCredentials(call.path, named.provider.name, named.leafUserId);
  const at = new Date(call.context.clock.now().getTime() + afterSeconds * 1000);
  call.context.schedule.add({ key: call.key, slot, status, at });
  return jsonResponse(202, { status, at: at.toISOString() });
}

function listDeliveries({ key, context }: Call): IHttpResponse {
  return jsonResponse(200, { deliveries: context.webhooks?.sender.deliveriesOf(key) ?? [] });
}

function clearDeliveries({ key, context }: Call): IHttpResponse {
  context.webhooks?.sender.clear(key);
  return emptyResponse(204);
}
