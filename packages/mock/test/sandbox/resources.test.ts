import { type BundledSpec, readBundledSpec, specModel } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { providerAlias, readResources } from '../../src/sandbox/resources.js';
import { loadOperations } from '../../src/spec.js';
import { clientOf, createBody, emptySandbox, operations, providers, table, USER } from './support.js';

type Operations = Record<string, Record<string, unknown>>;

/** The bundled spec plus the first provider's paths copied into a provider the code has never heard of. */
function withMadeUpProvider(): BundledSpec {
  const spec = readBundledSpec();
  const first = providers[0]!;
  spec.tags = [...(spec.tags as object[]), { name: 'Acme Farm', 'x-leaf-provider': 'acmeFarm' }];
  for (const path of Object.keys(spec.paths).filter((candidate) => candidate.includes(`/${first.segment}`))) {
    const copy = structuredClone(spec.paths[path]) as Operations;
    for (const [method, operation] of Object.entries(copy)) {
      if (typeof operation !== 'object' || !('operationId' in operation)) continue;
      copy[method] = { ...operation, operationId: `${operation.operationId}AcmeFarm`, tags: ['Acme Farm'] };
    }
    spec.paths[path.replace(first.segment, 'acme-farm-credentials')] = copy;
  }
  return spec;
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
    const extended = await loadOperations(withMadeUpProvider());
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

  it('refuses an operation with a helper but no tag, naming it', async () => {
    const spec = readBundledSpec();
    const { operationId, path, method } = specModel().operations.find((operation) => operation.helper === 'get')!;
    (spec.paths[path] as Operations)[method.toLowerCase()]!.tags = [];
    const untagged = await loadOperations(spec);
    expect(() => readResources(untagged)).toThrow(new RegExp(`${operationId} has 0 declared tags`));
  });
});
