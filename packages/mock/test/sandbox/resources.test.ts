import type { IHttpOperation } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { providerAlias, readResources } from '../../src/sandbox/resources.js';
import { clientOf, createBody, emptySandbox, operations, providers, table, USER } from './support.js';

/** The spec's first provider's operations, renamed into a provider the code has never heard of. */
function madeUpProvider(): IHttpOperation[] {
  const first = providers[0]!;
  const template = operations.filter((operation) => table.route(operation)?.provider === first);
  return template.map((operation) => ({
    ...structuredClone(operation),
    path: operation.path.replace(first.segment, 'acme-farm-credentials'),
    tags: [{ id: 'acme', name: 'Acme Farm' }],
  }));
}

describe('the resources read from the spec', () => {
  it("finds one provider per tag of the operations with an x-leaf-helper, in the spec's order", () => {
    const tags = [
      ...new Set(
        operations.filter((operation) => table.route(operation)?.provider).map((operation) => operation.tags![0]!.name),
      ),
    ];
    expect(providers.map((provider) => provider.name)).toEqual(tags);
    for (const provider of providers) expect(provider.resourceSchema.type).toBe('object');
  });

  it.each([
    ['Climate FieldView', 'climatefieldview'],
    ['climateFieldView', 'climatefieldview'],
    ['climate-field-view-credentials', 'climatefieldview'],
    ['Raven Slingshot', 'ravenslingshot'],
    ['CNHI', 'cnhi'],
  ])('calls %s by the alias %s', (name, alias) => {
    expect(providerAlias(name)).toBe(alias);
  });

  it('serves a provider added to the spec without code for it', async () => {
    const extended = [...operations, ...madeUpProvider()];
    const sandbox = await emptySandbox({ operations: extended });
    const acme = readResources(extended).provider('acmeFarm')!;
    expect(acme).toMatchObject({ name: 'Acme Farm', segment: 'acme-farm-credentials' });
    const client = clientOf(sandbox, 'acme-token', extended);
    expect((await client.create(acme, createBody(acme))).statusCode).toBe(201);
    expect((await client.get(acme)).statusCode).toBe(200);
    expect((await client.get(providers[0]!)).statusCode).toBe(404);
    expect(
      (await client.control('PUT', `/users/${USER}/acme-farm/status`, { status: 'UNAUTHENTICATED' })).statusCode,
    ).toBe(200);
  });

  it('refuses an operation with a helper but no tag, naming it', () => {
    const untagged = { ...operations.find((operation) => table.route(operation)?.provider)!, tags: [] };
    expect(() => readResources([untagged])).toThrow(/has x-leaf-helper \w+ but no tag/);
  });
});
