/**
 * Control requests, under CONTROL_PREFIX: reset, list, seed, set a status,
 * move the clock, read the request log. Documented in
 * packages/mock/sandbox-control.yaml, whose schemas validate their bodies.
 *
 * Who may do what: every control request carries a bearer token. Any token
 * acts on its own state only (its credentials, its clock, its requests); the
 * admin token, set when the sandbox starts, acts on the whole sandbox (every
 * token's state, the shared seed, the sandbox clock, every request). No token,
 * or an Authorization header that is not `Bearer <token>`, is a 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IHttpResponse } from '@stoplight/prism-http';
import { pageOf } from '../answer/paging.js';
import type { Passwords } from './authenticate.js';
import { type Clocks, readInstant } from './clock.js';
import { controlSchema } from './control-spec.js';
import { withStatus } from './credentials.js';
import { renderEvent, retained } from './events.js';
import { canonicalUserId } from './limits.js';
import type { CredentialStatus } from './magic-values.js';
import type { RequestLog } from './request-log.js';
import type { ResourceTable } from './resources.js';
import { emptyResponse, fieldProblem, jsonResponse, noCredentials, problemAnswer } from './responses.js';
import { firstFailure } from './schemas.js';
import { SeedError, seedCredentials } from './seed.js';
import type { Store } from './store.js';
import { readAuthorization, type StateKey, type TokenKeys } from './token-keys.js';

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
  clocks: Clocks;
  requests: RequestLog;
  tokens: TokenKeys;
  passwords: Passwords;
  /** The token that acts on the whole sandbox. */
  adminToken: string;
}

/** The most credentials one answer of `GET /credentials` lists (`size`, paged as Leaf's lists). */
const MAX_LISTED_CREDENTIALS = 1_000;

interface Call {
  /** The caller's state key; undefined for the admin token (the whole sandbox). */
  key?: StateKey;
  body: unknown;
  path: string;
  query: Record<string, string | string[]>;
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
  { pattern: /^\/clock$/, methods: { GET: clockAnswer, PUT: setClock, DELETE: resetClock } },
  { pattern: /^\/requests$/, methods: { GET: listRequests, DELETE: clearRequests } },
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
  if (body instanceof SyntaxError) {
    // The parser's message quotes the body, which may be a secret: only the position is told.
    const at = /position (\d+)/.exec(body.message)?.[1];
    return fieldProblem('VIOLATION', path, 'body', 'body', `body is not JSON${at ? ` (at character ${at})` : ''}`);
  }
  const caller = callerOf(request.headers.authorization, path, context);
  if ('statusCode' in caller) return caller;
  const params = route.match!.slice(1).map((segment) => safeDecode(segment));
  return handler({ key: caller.key, body, path, query: request.query, params, context });
}

/** The caller's state key, `{}` for the admin token, or the 401 for a missing or malformed Authorization. */
function callerOf(
  authorization: string | undefined,
  path: string,
  context: ControlContext,
): { key?: StateKey } | IHttpResponse {
  const read = readAuthorization(authorization);
  if ('token' in read) return isAdmin(read.token, context.adminToken) ? {} : { key: context.tokens.keyOf(read.token) };
  const message =
    'missing' in read
      ? 'Authorization header: control requests need a bearer token: yours (acts on your state) or the admin token (acts on the whole sandbox)'
      : 'Authorization header: must be `Bearer <token>` (a b64token); nothing was done';
  const answer = fieldProblem('UNAUTHORIZED', path, 'header', 'Authorization', message);
  return { ...answer, headers: { ...answer.headers, 'www-authenticate': 'Bearer' } };
}

/** Compared by digest, so the time taken says nothing about the admin token. */
function isAdmin(token: string, adminToken: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(token), digest(adminToken));
}

/** The 403 for the admin token on a request that changes one token's state: it has none. */
function needsOwnToken(path: string, what: string): IHttpResponse {
  return fieldProblem(
    'FORBIDDEN',
    path,
    'header',
    'Authorization',
    `Authorization header: the admin token has no ${what} of its own; send the token whose ${what} changes`,
  );
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

function reset({ key, context }: Call): IHttpResponse {
  context.store.reset(key);
  // A user's state starts over with its password: the next sign-in sets it again.
  if (key === undefined) context.passwords.forget();
  else if (key.startsWith('user:')) context.passwords.forget(key.slice('user:'.length));
  return emptyResponse(204);
}

/** One page (`page`, `size` up to MAX_LISTED_CREDENTIALS) of what the caller sees; the admin, the seed. */
function listCredentials({ key, context, path, query }: Call): IHttpResponse {
  const request = { page: 0, size: MAX_LISTED_CREDENTIALS };
  for (const name of ['page', 'size'] as const) {
    const given = Array.isArray(query[name]) ? query[name].at(-1) : query[name];
    if (given === undefined) continue;
    const value = /^\d{1,9}$/.test(given) ? Number(given) : Number.NaN;
    const low = name === 'page' ? 0 : 1;
    if (!(value >= low && (name === 'page' || value <= MAX_LISTED_CREDENTIALS))) {
      const range = name === 'page' ? 'from 0' : `from 1 to ${MAX_LISTED_CREDENTIALS}`;
      return fieldProblem('VIOLATION', path, 'query', name, `query parameter ${name} must be an integer ${range}`);
    }
    request[name] = value;
  }
  const now = context.clocks.now(key);
  const page = pageOf(context.store.list(key), request, path, query);
  const credentials = page.items.map(({ leafUserId, provider, credential }) => ({
    leafUserId,
    provider,
    credentials: credential.resource,
    events: retained(credential.log, now).reverse().map(renderEvent),
  }));
  return jsonResponse(200, { credentials }, page.headers);
}

function seed(call: Call): IHttpResponse {
  const invalid = invalidBody(call, 'SeedDocument');
  if (invalid) return invalid;
  const { store, table, clocks } = call.context;
  let entries: ReturnType<typeof seedCredentials>;
  try {
    entries = seedCredentials(call.body, table, clocks.now(call.key), 'body');
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
  return jsonResponse(200, { seeded: entries.length });
}

function setStatus(call: Call): IHttpResponse {
  const [givenUserId = '', providerName = ''] = call.params;
  const { table, store, clocks } = call.context;
  const idFailure = firstFailure(table.leafUserIdSchema, givenUserId);
  if (idFailure) return fieldProblem('VIOLATION', call.path, 'path', 'leafUserId', `leafUserId ${idFailure.message}`);
  const leafUserId = canonicalUserId(givenUserId);
  const provider = table.provider(providerName);
  if (!provider) {
    const known = table.providers.map((candidate) => candidate.name).join(', ');
    return fieldProblem(
      'NOT_FOUND',
      call.path,
      'path',
      'provider',
      `provider names no provider of the spec (known: ${known})`,
    );
  }
  const invalid = invalidBody(call, 'StatusChange');
  if (invalid) return invalid;
  if (call.key === undefined) return needsOwnToken(call.path, 'credential');
  const slot = { leafUserId, provider: provider.name };
  const credential = store.get(call.key, slot);
  if (!credential) return noCredentials(call.path, provider.name, leafUserId);
  const status = (call.body as { status: CredentialStatus }).status;
  store.put(call.key, slot, withStatus(credential, status, clocks.now(call.key)));
  return jsonResponse(200, { status });
}

function clockAnswer({ key, context }: Call): IHttpResponse {
  return jsonResponse(200, { now: context.clocks.now(key).toISOString(), moved: context.clocks.moved(key) });
}

/** A token moves its own clock; the admin token, the sandbox's (and every token's back to it). */
function setClock(call: Call): IHttpResponse {
  const invalid = invalidBody(call, 'ClockSetting');
  if (invalid) return invalid;
  const at = readInstant((call.body as { now: string }).now);
  if (!(at instanceof Date)) return fieldProblem('VIOLATION', call.path, 'body', 'now', `body.now ${at.reason}`);
  call.context.clocks.set(call.key, at);
  return clockAnswer(call);
}

function resetClock(call: Call): IHttpResponse {
  call.context.clocks.reset(call.key);
  return clockAnswer(call);
}

function listRequests({ key, context }: Call): IHttpResponse {
  return jsonResponse(200, context.requests.list(key));
}

function clearRequests({ key, context }: Call): IHttpResponse {
  context.requests.clear(key);
  return emptyResponse(204);
}
