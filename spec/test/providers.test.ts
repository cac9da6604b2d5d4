/**
 * A provider is data in the spec: its tag names its client property
 * (x-leaf-provider) and each of its operations its helper (x-leaf-helper).
 */
import { describe, expect, it } from 'vitest';
import { LEAF_HELPERS, listOperations, listProviders, readBundledSpec, specModel } from '../src/index.js';

const listResources = (document: ReturnType<typeof readBundledSpec>) =>
  specModel(document).resources.filter((resource) => resource.kind === 'resource');

const spec = readBundledSpec();

describe('providers from the spec', () => {
  it('list every provider tag with one operation per helper, and every provider operation once', () => {
    const providers = listProviders(spec);
    expect(providers.length).toBeGreaterThan(0);
    for (const provider of providers) {
      expect(
        Object.keys(provider.operations).every((helper) => (LEAF_HELPERS as readonly string[]).includes(helper)),
      ).toBe(true);
      expect(provider.operations, provider.tag).toMatchObject({
        get: expect.any(String),
        create: expect.any(String),
        delete: expect.any(String),
        events: expect.any(String),
      });
    }
    const listed = providers.flatMap((provider) => Object.values(provider.operations)).sort();
    // Every operation but authenticate and those of a resource of its own (the Leaf users).
    const tagged = specModel(spec)
      .operations.filter((operation) => operation.resource.kind === 'provider')
      .map((operation) => operation.source);
    expect(listed).toEqual(tagged.map((operation) => operation.operationId).sort());
  });

  it('list the webhooks resource (x-leaf-resource) with its five helpers, beside the users and apart from the providers', () => {
    const resources = listResources(spec);
    expect(resources.map((resource) => resource.property).sort()).toEqual(['users', 'webhooks']);
    expect(resources.find((resource) => resource.property === 'webhooks')!.operations).toEqual({
      list: 'listWebhooks',
      create: 'createWebhook',
      failedCalls: 'listFailedWebhookCalls',
      get: 'getWebhook',
      delete: 'deleteWebhook',
    });
    expect(listProviders(spec).map((provider) => provider.property)).not.toContain('webhooks');
  });

  it('refuse a provider with two operations of one helper, naming both', () => {
    const copy = structuredClone(spec);
    const [first, second] = listOperations(copy).filter((operation) => operation.tags.includes('Trimble'));
    second!.operation['x-leaf-helper'] = first!.operation['x-leaf-helper'];
    expect(() => listProviders(copy)).toThrow(
      `Trimble has two "${String(first!.operation['x-leaf-helper'])}" operations: ${first!.operationId} and ${second!.operationId}.`,
    );
  });
});

describe('resources of their own (x-leaf-resource)', () => {
  it('are the Leaf users: list, get, create, delete and the deprecated update, on /users', () => {
    const users = specModel(spec).operations.filter((operation) => operation.resource.property === 'users');
    expect(users.map((operation) => [operation.helper, operation.method.toLowerCase(), operation.path]).sort()).toEqual(
      [
        ['create', 'post', '/users'],
        ['delete', 'delete', '/users/{leafUserId}'],
        ['get', 'get', '/users/{leafUserId}'],
        ['list', 'get', '/users'],
        ['update', 'put', '/users'],
      ],
    );
    expect(users.find((operation) => operation.helper === 'update')!.source.operation.deprecated).toBe(true);
  });
});
