/**
 * What the sandbox tests share: the spec's operations, a sandbox driven per
 * provider and helper (so every provider in the spec is tested, none by name),
 * and the spec's response validator.
 */

import { readBundledSpec } from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import type { IHttpOperation } from '@stoplight/types';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { type Helper, type ProviderResource, readResources } from '../../src/sandbox/resources.js';
import { loadOperations } from '../../src/spec.js';

export const operations: IHttpOperation[] = await loadOperations(readBundledSpec());
export const table = readResources(operations);
export const providers: ProviderResource[] = table.providers;
const validator = createResponseValidator(readBundledSpec());

export const USER = '0b6f4c2e-8d1a-4e7b-9c3f-5a2d8e1b7c40';
export const OTHER_USER = '7d3e9a1b-4c6f-4b2a-8e5d-1f9c3a7b2e64';

const tables = new WeakMap([[operations, table]]);

/** The operation of `provider` (by name) with `helper`, among `within`. */
export function operationOf(
  provider: ProviderResource,
  helper: Helper,
  within: IHttpOperation[] = operations,
): IHttpOperation | undefined {
  let resources = tables.get(within);
  if (!resources) {
    resources = readResources(within);
    tables.set(within, resources);
  }
  return within.find((operation) => {
    const route = resources.route(operation);
    return route?.provider?.name === provider.name && route.helper === helper;
  });
}

export const authenticateOperation = operations.find((operation) => table.route(operation)?.helper === 'authenticate');

/** A create body valid against the provider's create schema: its example. */
export function createBody(
  provider: ProviderResource,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const schema = provider.createSchema!;
  const example = ((schema.examples as unknown[] | undefined)?.[0] ?? schema.example) as Record<string, unknown>;
  return { ...example, ...overrides };
}

/** A string field of the create body, where a magic value can go (the first one the schema requires). */
export function stringField(provider: ProviderResource): string {
  const properties = provider.createSchema!.properties as Record<string, { type?: string }>;
  return (provider.createSchema!.required as string[]).find((name) => properties[name]?.type === 'string')!;
}

export interface Call {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A client of one sandbox for one token (`within`: the operations the sandbox serves). */
export function clientOf(sandbox: Sandbox, token: string, within: IHttpOperation[] = operations) {
  const call = async (
    provider: ProviderResource,
    helper: Helper,
    options: { user?: string; body?: unknown; query?: Record<string, string> } = {},
  ): Promise<Call> => {
    const operation = operationOf(provider, helper, within);
    if (!operation) throw new Error(`${provider.name} has no ${helper} operation`);
    const answer = await sandbox.answer({
      operation,
      pathParams: { leafUserId: options.user ?? USER },
      query: options.query ?? {},
      headers: { authorization: `Bearer ${token}` },
      body: options.body,
    });
    return {
      statusCode: answer.statusCode,
      headers: (answer.headers ?? {}) as Record<string, string>,
      body: answer.body,
    };
  };
  /** A control request with this token, or with `authorization` as the header (null: none). */
  const control = async (
    method: string,
    path: string,
    body?: unknown,
    authorization: string | null = `Bearer ${token}`,
    query: Record<string, string> = {},
  ): Promise<Call> => {
    const answer = await sandbox.control({
      method,
      path: `/__sandbox${path}`,
      query,
      headers: authorization === null ? {} : { authorization },
      body,
    });
    return {
      statusCode: answer.statusCode,
      headers: (answer.headers ?? {}) as Record<string, string>,
      body: answer.body,
    };
  };
  return {
    call,
    control,
    /** The same request with the sandbox's admin token: on the whole sandbox. */
    admin: (method: string, path: string, body?: unknown) =>
      control(method, path, body, `Bearer ${sandbox.adminToken}`),
    get: (provider: ProviderResource, user?: string) => call(provider, 'get', { user }),
    create: (provider: ProviderResource, body = createBody(provider), user?: string) =>
      call(provider, 'create', { body, user }),
    delete: (provider: ProviderResource, user?: string) => call(provider, 'delete', { user }),
    events: (provider: ProviderResource, query?: Record<string, string>, user?: string) =>
      call(provider, 'events', { query, user }),
  };
}

/** An empty sandbox (no seed) unless options say otherwise. */
export function emptySandbox(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return createSandbox({ operations, seed: { credentials: [] }, ...options });
}

/** Whether the spec documents `body` as `operation`'s answer with `status`. */
export function documented(
  provider: ProviderResource,
  helper: Helper,
  answer: Call,
): { ok: boolean; errors: string[] } {
  const operation = operationOf(provider, helper)!;
  const contentType = answer.headers['content-type'] ?? null;
  return validator.check(operation.method, operation.path, answer.statusCode, contentType, answer.body);
}

/** The claims of a JWT-shaped token, read without checking its signature. */
export function claimsOf(token: string): { username: string; iat: number; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}
