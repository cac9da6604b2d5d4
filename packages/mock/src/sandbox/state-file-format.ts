/**
 * The state file's format: what a document holds, read back into a snapshot
 * (every entry checked, so nothing loaded can make an answer or a write fail),
 * and the sections a snapshot is written as.
 *
 *   { "format": "leaf-credentials-sandbox-state", "version": 2,
 *     "credentials": { KEY: { "leafUserId\nprovider": credential | null } },
 *     "users":       { KEY: { leafUserId: user | null } },
 *     "webhooks":    { KEY: { webhookId: webhook | null } },
 *     "deliveries":  { KEY: [delivery] },  "failedCalls": { KEY: [failed call] },
 *     "scheduled":   [{ key, leafUserId, provider, status, at }],
 *     "passwords":   { username: { salt, hash } },
 *     "clocks":      { sandboxOffsetMs, offsetsMs: { KEY: ms } } }
 *
 * KEY is a state key (`token:…` or `user:…`); null is a seeded entry the key
 * deleted. Version 1 files (credentials only, under "states") still load; a
 * version this sandbox does not know is refused.
 */
import { PASSWORD_HASH_BYTES, type PasswordHash } from './authenticate.js';
import { emptySnapshot, type StateSnapshot } from './kept-state.js';
import { canonicalUserId, MAX_NESTING, tooDeep } from './limits.js';
import type { CredentialStatus } from './magic-values.js';
import type { Resource } from './resource-shape.js';
import type { ResourceTable } from './resources.js';
import { firstFailure } from './schemas.js';
import { type Credential, slotId, slotOfId } from './store.js';
import type { StateKey } from './token-keys.js';
import type { Webhook } from './webhooks.js';
import type { Delivery, FailedCall } from './webhooks-alerts.js';
import { STATUSES } from './webhooks-seed.js';

export const STATE_FORMAT = 'leaf-credentials-sandbox-state';
export const STATE_VERSION = 2;

/** What a document says is wrong with it: the caller names the file. */
export class FormatProblem extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const STATE_KEY = /^(token|user):./s;

/** The snapshot a parsed state file holds; throws FormatProblem naming the first bad entry. */
export function readDocument(parsed: unknown, table: ResourceTable): StateSnapshot {
  if (!isObject(parsed) || parsed.format !== STATE_FORMAT)
    throw new FormatProblem(`it is not a sandbox state file (no "format": "${STATE_FORMAT}")`);
  if (parsed.version === 1) return { ...emptySnapshot(), credentials: readCredentials(parsed, 'states', table) };
  if (parsed.version !== STATE_VERSION) {
    throw new FormatProblem(
      `its version ${String(parsed.version)} is not one this sandbox reads (1 to ${STATE_VERSION}): a newer sandbox wrote it`,
    );
  }
  return {
    credentials: readCredentials(parsed, 'credentials', table),
    users: readKeyed(parsed, 'users', (id, entry, at) => readUser(id, entry, at, table)),
    webhooks: readKeyed(parsed, 'webhooks', readWebhook),
    deliveries: readLists(parsed, 'deliveries', readDelivery),
    failedCalls: readLists(parsed, 'failedCalls', readFailedCall),
    scheduled: readScheduled(parsed.scheduled, table),
    passwords: readPasswords(parsed.passwords),
    clocks: readClocks(parsed.clocks),
  };
}

/** The sections a snapshot is written as, in order; Maps are written as objects, entry by entry. */
export function documentSections(snapshot: StateSnapshot): Array<[string, unknown]> {
  return [
    ['credentials', snapshot.credentials],
    ['users', snapshot.users],
    ['webhooks', snapshot.webhooks],
    ['deliveries', snapshot.deliveries],
    ['failedCalls', snapshot.failedCalls],
    [
      'scheduled',
      snapshot.scheduled.map(({ key, slot, status, at }) => ({ key, ...slot, status, at: at.toISOString() })),
    ],
    ['passwords', snapshot.passwords],
    [
      'clocks',
      {
        sandboxOffsetMs: snapshot.clocks.sandboxOffsetMs,
        offsetsMs: Object.fromEntries(snapshot.clocks.offsetsMs),
      },
    ],
  ];
}

/** `section` of the document: an object of state keys (absent: none). */
function keyedSection(document: Record<string, unknown>, section: string): Array<[StateKey, unknown]> {
  const value = document[section];
  if (value === undefined) return [];
  if (!isObject(value)) throw new FormatProblem(`"${section}" is not an object`);
  for (const key of Object.keys(value))
    if (!STATE_KEY.test(key))
      throw new FormatProblem(`${section}[${JSON.stringify(key)}] is not a token's or a user's state`);
  return Object.entries(value);
}

/** Each key's entries by id; `read` checks one (never called with null, a tombstone). */
function readKeyed<T>(
  document: Record<string, unknown>,
  section: string,
  read: (id: string, entry: unknown, at: string) => T,
): Map<StateKey, Map<string, T | null>> {
  const keyed = new Map<StateKey, Map<string, T | null>>();
  for (const [key, entries] of keyedSection(document, section)) {
    if (!isObject(entries)) throw new FormatProblem(`${section}[${JSON.stringify(key)}] is not an object`);
    const own = new Map<string, T | null>();
    for (const [id, entry] of Object.entries(entries))
      own.set(id, entry === null ? null : read(id, entry, `${section}[${JSON.stringify(key)}][${JSON.stringify(id)}]`));
    keyed.set(key, own);
  }
  return keyed;
}

/** Each key's list; `read` checks one item. */
function readLists<T>(
  document: Record<string, unknown>,
  section: string,
  read: (entry: unknown, at: string) => T,
): Map<StateKey, T[]> {
  const lists = new Map<StateKey, T[]>();
  for (const [key, list] of keyedSection(document, section)) {
    const at = `${section}[${JSON.stringify(key)}]`;
    if (!Array.isArray(list)) throw new FormatProblem(`${at} is not a list`);
    lists.set(
      key,
      list.map((entry, index) => read(entry, `${at}[${index}]`)),
    );
  }
  return lists;
}

function readCredentials(
  document: Record<string, unknown>,
  section: string,
  table: ResourceTable,
): StateSnapshot['credentials'] {
  const credentials: StateSnapshot['credentials'] = new Map();
  for (const [key, entries] of keyedSection(document, section)) {
    if (!isObject(entries)) throw new FormatProblem(`${section}[${JSON.stringify(key)}] is not an object`);
    const own = new Map<string, Credential | null>();
    for (const [slot, entry] of Object.entries(entries)) {
      const at = `${section}[${JSON.stringify(key)}][${JSON.stringify(slot)}]`;
      const canonical = canonicalSlot(slot, table);
      if (typeof canonical !== 'string') throw new FormatProblem(`${at}: ${canonical.reason}`);
      if (own.has(canonical))
        throw new FormatProblem(`${at}: the same user and provider as another entry of that state`);
      const problem = entry === null ? undefined : credentialProblem(entry, canonical, table);
      if (problem) throw new FormatProblem(`${at} is not a stored credential: ${problem}`);
      own.set(canonical, entry as Credential | null);
    }
    credentials.set(key, own);
  }
  return credentials;
}

/** A slot id (`leafUserId\nprovider`) in canonical form, or why it is none. */
function canonicalSlot(slot: string, table: ResourceTable): string | { reason: string } {
  const [leafUserId = '', providerName, ...rest] = slot.split('\n');
  const provider = providerName === undefined ? undefined : table.provider(providerName);
  if (!provider || provider.name !== providerName || rest.length > 0)
    return { reason: 'not a Leaf user id and a provider of the spec' };
  const failure = firstFailure(table.leafUserIdSchema, leafUserId);
  if (failure) return { reason: `leafUserId ${failure.message}` };
  return slotId({ leafUserId: canonicalUserId(leafUserId), provider: provider.name });
}

/** Why `entry` is not a credential of the slot's provider (its resource against the spec's schema), if it is not. */
function credentialProblem(entry: unknown, slot: string, table: ResourceTable): string | undefined {
  if (!isObject(entry) || !isObject(entry.resource) || !Array.isArray(entry.log))
    return 'it needs a "resource" object and a "log" list';
  const deep = tooDeep(entry, MAX_NESTING + 2);
  if (deep !== undefined) return `${deep} is nested deeper than ${MAX_NESTING} levels`;
  const provider = table.provider(slotOfId(slot).provider)!;
  const failure = firstFailure(provider.resourceSchema, entry.resource);
  if (failure) return `field resource${failure.field ? `.${failure.field}` : ''}: ${failure.message}`;
  const badEvent = entry.log.findIndex(
    (event) =>
      !isObject(event) ||
      typeof event.id !== 'string' ||
      !Number.isSafeInteger(event.at) ||
      !Number.isInteger(event.statusCode) ||
      typeof event.body !== 'string' ||
      typeof event.headers !== 'string',
  );
  if (badEvent !== -1) return `log[${badEvent}] is not an event (id, at, statusCode, body, headers)`;
  return undefined;
}

/** A stored user: the user schema's (credentials are stored apart), under its own id. */
function readUser(id: string, entry: unknown, at: string, table: ResourceTable): Resource {
  if (!table.users) throw new FormatProblem(`${at}: the spec has no Leaf users`);
  if (!isObject(entry) || entry.id !== id) throw new FormatProblem(`${at} is not a user with the id ${id}`);
  const deep = tooDeep(entry);
  if (deep !== undefined) throw new FormatProblem(`${at}: ${deep} is nested deeper than ${MAX_NESTING} levels`);
  const failure = firstFailure(table.users.userSchema, entry);
  if (failure) throw new FormatProblem(`${at} is not a stored user: field ${failure.field}: ${failure.message}`);
  return entry;
}

/** Whether `entry` is an object whose `strings` are strings (and, for the optional ones, strings when present). */
function hasStrings(entry: unknown, strings: string[], optional: string[] = []): entry is Record<string, unknown> {
  return (
    isObject(entry) &&
    strings.every((name) => typeof entry[name] === 'string') &&
    optional.every((name) => entry[name] === undefined || typeof entry[name] === 'string')
  );
}

function readWebhook(id: string, entry: unknown, at: string): Webhook {
  const events = isObject(entry) ? entry.events : undefined;
  if (
    !hasStrings(entry, ['id', 'name', 'secret', 'url']) ||
    entry.id !== id ||
    !Array.isArray(events) ||
    !events.every((event) => typeof event === 'string')
  )
    throw new FormatProblem(`${at} is not a webhook (id ${id}, events, name, secret, url)`);
  return entry as unknown as Webhook;
}

const OUTCOMES = new Set(['delivered', 'failed', 'recorded']);

function readDelivery(entry: unknown, at: string): Delivery {
  if (
    !hasStrings(entry, ['webhookId', 'url', 'event', 'body', 'signature', 'at'], ['connectionError']) ||
    !OUTCOMES.has(entry.outcome as string) ||
    !Number.isSafeInteger(entry.attempts) ||
    (entry.status !== undefined && !Number.isInteger(entry.status))
  )
    throw new FormatProblem(`${at} is not a delivery (webhookId, url, event, body, signature, outcome, attempts, at)`);
  return entry as unknown as Delivery;
}

function readFailedCall(entry: unknown, at: string): FailedCall {
  if (
    !hasStrings(entry, ['apiOwner', 'createdAt', 'url', 'requestBody'], ['response', 'connectionError']) ||
    (entry.status !== undefined && !Number.isInteger(entry.status))
  )
    throw new FormatProblem(`${at} is not a failed call (apiOwner, createdAt, url, requestBody)`);
  return entry as unknown as FailedCall;
}

function readScheduled(value: unknown, table: ResourceTable): StateSnapshot['scheduled'] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new FormatProblem('"scheduled" is not a list');
  return value.map((entry, index) => {
    const at = `scheduled[${index}]`;
    if (!hasStrings(entry, ['key', 'leafUserId', 'provider', 'status', 'at']) || !STATE_KEY.test(entry.key as string))
      throw new FormatProblem(`${at} is not a scheduled change (key, leafUserId, provider, status, at)`);
    const slot = canonicalSlot(
      slotId({ leafUserId: entry.leafUserId as string, provider: entry.provider as string }),
      table,
    );
    if (typeof slot !== 'string') throw new FormatProblem(`${at}: ${slot.reason}`);
    if (!STATUSES.has(entry.status as string))
      throw new FormatProblem(`${at}: status must be one of ${[...STATUSES].join(', ')}`);
    const due = new Date(entry.at as string);
    if (Number.isNaN(due.getTime())) throw new FormatProblem(`${at}: at is not a date-time`);
    return { key: entry.key as string, slot: slotOfId(slot), status: entry.status as CredentialStatus, at: due };
  });
}

function readPasswords(value: unknown): Map<string, PasswordHash> {
  if (value === undefined) return new Map();
  if (!isObject(value)) throw new FormatProblem('"passwords" is not an object');
  const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
  return new Map(
    Object.entries(value).map(([username, entry]) => {
      if (
        !hasStrings(entry, ['salt', 'hash']) ||
        !base64.test(entry.salt as string) ||
        Buffer.from(entry.hash as string, 'base64').length !== PASSWORD_HASH_BYTES
      )
        throw new FormatProblem(`passwords[${JSON.stringify(username)}] is not a password hash (salt, hash)`);
      return [username, { salt: entry.salt as string, hash: entry.hash as string }];
    }),
  );
}

function readClocks(value: unknown): StateSnapshot['clocks'] {
  if (value === undefined) return emptySnapshot().clocks;
  const offsets = isObject(value) ? value.offsetsMs : undefined;
  if (!isObject(value) || !Number.isSafeInteger(value.sandboxOffsetMs) || !isObject(offsets))
    throw new FormatProblem('"clocks" is not the clocks (sandboxOffsetMs, offsetsMs)');
  const offsetsMs = new Map<StateKey, number>();
  for (const [key, offset] of Object.entries(offsets)) {
    if (!STATE_KEY.test(key) || !Number.isSafeInteger(offset))
      throw new FormatProblem(`clocks.offsetsMs[${JSON.stringify(key)}] is not a state key's offset in milliseconds`);
    offsetsMs.set(key, offset as number);
  }
  return { sandboxOffsetMs: value.sandboxOffsetMs as number, offsetsMs };
}
