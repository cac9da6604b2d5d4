/**
 * The seed: credentials every state key starts from. A seed document is JSON
 * or YAML:
 *
 *   credentials:
 *     - leafUserId: 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
 *       provider: trimble            # tag name, client name or path segment
 *       credentials: { ... }         # the resource (with id) or a create body
 *       events: [ ... ]              # optional: the spec's CredentialEvent items
 *
 * Each entry is validated against the spec's schemas; the first that is not
 * stops with one line naming the source, the entry and the field.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { exampleOf } from '@leaf-credentials/spec';
import type { IHttpOperation } from '@stoplight/types';
import { parseYaml } from '../yaml.js';
import { readInstant } from './clock.js';
import { createCredential, MAX_EVENTS_PER_CREDENTIAL } from './credentials.js';
import { type LogEntry, statusEvent } from './events.js';
import { canonicalUserId, MAX_NESTING, tooDeep } from './limits.js';
import type { CredentialStatus } from './magic-values.js';
import type { Resource } from './resource-shape.js';
import { type ProviderResource, type ResourceTable, readResources } from './resources.js';
import { firstFailure, type JsonSchema } from './schemas.js';
import type { Credential, StoredCredential } from './store.js';

export interface SeedEntry {
  leafUserId: string;
  provider: string;
  credentials: Resource;
  events?: Array<Record<string, unknown>>;
}

export interface SeedDocument {
  credentials: SeedEntry[];
}

/** A seed that does not validate: `message` is one line naming the source, the entry and the field. */
export class SeedError extends Error {
  constructor(source: string, entry: string | undefined, field: string, reason: string) {
    super(`${source}: ${entry ? `${entry}: ` : ''}${field ? `field ${field}: ` : ''}${reason}`);
    this.name = 'SeedError';
  }
}

/** Reads and validates a seed file (`.json`, `.yaml` or `.yml`; anything else is tried as JSON, then YAML). */
export async function readSeedFile(file: string, operations: IHttpOperation[]): Promise<SeedDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SeedError(file, undefined, '', `cannot be read (${(error as Error).message})`);
  }
  const document = parseSeedText(file, text);
  seedCredentials(document, readResources(operations), new Date(), file);
  return document as SeedDocument;
}

function parseSeedText(file: string, text: string): unknown {
  const extension = extname(file).toLowerCase();
  try {
    if (extension === '.json') return JSON.parse(text);
    if (extension === '.yaml' || extension === '.yml') return parseYaml(text);
    try {
      return JSON.parse(text);
    } catch {
      return parseYaml(text);
    }
  } catch (error) {
    const kind =
      extension === '.json'
        ? 'JSON'
        : extension === '' || !['.yaml', '.yml'].includes(extension)
          ? 'JSON or YAML'
          : 'YAML';
    throw new SeedError(
      file,
      undefined,
      '',
      `is not ${kind} (${(error as Error).message.split('\n')[0]!.replace(/:$/, '')})`,
    );
  }
}

/** The stored credentials a seed document describes; throws SeedError at its first invalid entry. */
export function seedCredentials(
  document: unknown,
  table: ResourceTable,
  now: Date,
  source = 'seed',
): StoredCredential[] {
  const entries = (document as { credentials?: unknown } | null)?.credentials;
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new SeedError(source, undefined, '', 'must be an object with a "credentials" list');
  }
  if (!Array.isArray(entries)) throw new SeedError(source, undefined, 'credentials', 'must be a list of entries');
  return entries.map((entry, index) => seedEntry(entry, table, now, source, `credentials[${index}]`));
}

function seedEntry(entry: unknown, table: ResourceTable, now: Date, source: string, at: string): StoredCredential {
  const fail = (field: string, reason: string): never => {
    throw new SeedError(source, at, field, reason);
  };
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return fail('', 'must be an object');
  // Before any schema looks at it: what the store keeps must stay serializable (limits.ts).
  const deep = tooDeep(entry, MAX_NESTING + 1);
  if (deep !== undefined) fail(deep, `is nested deeper than ${MAX_NESTING} levels`);
  const { leafUserId, provider: providerName, credentials, events, ...unknown } = entry as Record<string, unknown>;
  const extra = Object.keys(unknown)[0];
  if (extra !== undefined) fail(extra, 'unknown property (expected leafUserId, provider, credentials, events)');
  if (typeof leafUserId !== 'string') return fail('leafUserId', 'must be a string');
  const idFailure = firstFailure(table.leafUserIdSchema, leafUserId);
  if (idFailure) fail('leafUserId', idFailure.message);
  if (typeof providerName !== 'string') return fail('provider', 'must be a string');
  const provider = table.provider(providerName);
  if (!provider)
    return fail(
      'provider',
      `no provider ${JSON.stringify(providerName)} in the spec (known: ${table.providers.map((p) => p.name).join(', ')})`,
    );
  const seeded = seededCredential(credentials, provider, now, (field, reason) =>
    fail(`credentials${field ? `.${field}` : ''}`, reason),
  );
  const log =
    events === undefined ? seeded.log : seededLog(events, provider, (field, reason) => fail(`events${field}`, reason));
  return {
    leafUserId: canonicalUserId(leafUserId),
    provider: provider.name,
    credential: { resource: seeded.resource, log },
  };
}

/**
 * A resource (valid against the resource schema) is stored as it is, with the
 * token fetch Leaf makes when it receives credentials, dated when the seed is
 * loaded (so it is within the 30 days Leaf keeps events). A create body is
 * completed as a create would complete it, magic values included. When it is
 * neither, the error names a field of the form it looks like (it has `id` or
 * `status`: a resource).
 */
function seededCredential(
  credentials: unknown,
  provider: ProviderResource,
  now: Date,
  fail: (field: string, reason: string) => never,
): Credential {
  if (credentials === null || typeof credentials !== 'object' || Array.isArray(credentials))
    return fail('', 'must be an object');
  const given = credentials as Resource;
  const asResource = firstFailure(provider.resourceSchema, given);
  if (!asResource)
    return { resource: { ...given }, log: [statusEvent((given.status as CredentialStatus | undefined) ?? 'OK', now)] };
  const asCreate = provider.createSchema && firstFailure(provider.createSchema, given);
  if (provider.createSchema && !asCreate) return createCredential(provider, given, now);
  const failure = 'id' in given || 'status' in given || !asCreate ? asResource : asCreate;
  return fail(failure.field, failure.message);
}

/** The seed's events as log entries, oldest first. */
function seededLog(
  events: unknown,
  provider: ProviderResource,
  fail: (field: string, reason: string) => never,
): LogEntry[] {
  const schema = provider.answerSchemas.events as JsonSchema | undefined;
  if (!Array.isArray(events)) return fail('', 'must be a list');
  if (schema) {
    const failure = firstFailure(schema, events);
    if (failure) {
      const [index, ...rest] = failure.field.split('.');
      fail(`[${index}]${rest.length ? `.${rest.join('.')}` : ''}`, failure.message);
    }
  }
  return (events as Array<Record<string, unknown>>)
    .map((event, index) => {
      const instant = readInstant(String(event.createdDate));
      if (!(instant instanceof Date)) return fail(`[${index}].createdDate`, instant.reason);
      const at = instant.getTime();
      return {
        id: String(event.id),
        at,
        statusCode: Number(event.statusCode),
        body: String(event.body),
        headers: String(event.headers),
      };
    })
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_EVENTS_PER_CREDENTIAL);
}

/** The spec's example Leaf user with each provider's example credentials: what `npm start` serves. */
export function exampleSeed(operations: IHttpOperation[]): SeedDocument {
  const table = readResources(operations);
  const leafUserId = table.leafUserIdExample;
  if (!leafUserId) return { credentials: [] };
  const credentials: SeedEntry[] = [];
  for (const provider of table.providers) {
    const example = exampleOf(provider.resourceSchema);
    if (example && typeof example === 'object')
      credentials.push({ leafUserId, provider: provider.name, credentials: example as Resource });
  }
  return { credentials };
}
