/**
 * The sandbox answers credentials as Leaf returns them (spec/README.md R11,
 * R12): what a create posted comes back wherever the response schema declares
 * it and does not mark it write-only (secrets included), and a field the create
 * body may leave out is stored with the create schema's `default`. Every
 * provider of the spec, found from its schemas, none by name.
 */
import { describe, expect, it } from 'vitest';
import type { ProviderResource } from '../../src/sandbox/resources.js';
import { clientOf, createBody, emptySandbox, providers } from './support.js';

type Properties = Record<string, { type?: string; writeOnly?: boolean; default?: unknown; enum?: unknown[] }>;

const propertiesOf = (schema: Record<string, unknown> | undefined) => (schema?.properties ?? {}) as Properties;
const requiredOf = (provider: ProviderResource) => (provider.createSchema?.required ?? []) as string[];

/** The example create body plus every optional string field it leaves out, each with a value of its own. */
function fullCreateBody(provider: ProviderResource): Record<string, unknown> {
  const body = createBody(provider);
  for (const [name, property] of Object.entries(propertiesOf(provider.createSchema))) {
    if (name in body || property.type !== 'string' || property.enum) continue;
    body[name] = `posted-${name}-value`;
  }
  return body;
}

/** Fields of the answer's schema that Leaf never sends back. */
const writeOnlyInAnswer = (provider: ProviderResource) =>
  Object.entries(propertiesOf(provider.resourceSchema))
    .filter(([, property]) => property.writeOnly === true)
    .map(([name]) => name);

describe.each(providers.map((provider) => [provider.name, provider] as const))('%s', (_name, provider) => {
  it('answers a create with every posted field its response schema returns, secrets included', async () => {
    const client = clientOf(await emptySandbox(), 'as-leaf-returns-them');
    const body = fullCreateBody(provider);
    const created = await client.create(provider, body);
    expect(created.statusCode).toBe(201);
    const returned = Object.keys(propertiesOf(provider.resourceSchema)).filter(
      (name) => name in body && !writeOnlyInAnswer(provider).includes(name),
    );
    const answer = created.body as Record<string, unknown>;
    expect(Object.fromEntries(returned.map((name) => [name, answer[name]]))).toEqual(
      Object.fromEntries(returned.map((name) => [name, body[name]])),
    );
    for (const name of writeOnlyInAnswer(provider)) expect(answer).not.toHaveProperty(name);
  });
});

/** Each optional create field with a spec `default`, with its provider. */
const DEFAULTED = providers.flatMap((provider) =>
  Object.entries(propertiesOf(provider.createSchema))
    .filter(([name, property]) => property.default !== undefined && !requiredOf(provider).includes(name))
    .map(([field, property]) => ({ provider, name: provider.name, field, value: property.default })),
);

describe('a create that leaves out a field with a spec default', () => {
  it('exists for John Deere: clientEnvironment, STAGE (R11)', () => {
    expect(DEFAULTED.filter(({ name }) => name === 'John Deere').map(({ field, value }) => [field, value])).toEqual([
      ['clientEnvironment', 'STAGE'],
    ]);
  });

  it.each(DEFAULTED)('$name: stores $field as $value, and answers it', async ({ provider, field, value }) => {
    const client = clientOf(await emptySandbox(), 'defaults');
    const body = createBody(provider);
    delete body[field];
    const created = await client.create(provider, body);
    expect(created.statusCode).toBe(201);
    expect((created.body as Record<string, unknown>)[field]).toEqual(value);
    expect(((await client.get(provider)).body as Record<string, unknown>)[field]).toEqual(value);
  });
});
