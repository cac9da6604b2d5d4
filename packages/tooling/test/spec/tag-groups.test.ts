/**
 * The docs' sidebar groups are derived from the tags, never hand-listed: every
 * provider tag (x-leaf-provider) under "Providers", every other tag in a group
 * of its own, each tag exactly once; and the bundle step refuses a split spec
 * that writes x-tagGroups or x-codeSamples itself.
 */

import { type BundledSpec, listOperations, readBundledSpec, SPEC_PATH, specTags } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { deriveBundle } from '../../src/spec/bundle.js';
import { deriveTagGroups, PROVIDERS_GROUP, withTagGroups } from '../../src/spec/tag-groups.js';

const spec = readBundledSpec();

describe('sidebar groups', () => {
  it('put every tag in exactly one group, the providers together', () => {
    const groups = deriveTagGroups(spec);
    expect(groups.flatMap((group) => group.tags).sort()).toEqual(
      specTags(spec)
        .map((tag) => tag.name)
        .sort(),
    );
    const providers = groups.find((group) => group.name === PROVIDERS_GROUP)!;
    expect(providers.tags).toEqual(
      specTags(spec)
        .filter((tag) => tag['x-leaf-provider'])
        .map((tag) => tag.name),
    );
  });

  it('are what the bundle carries as x-tagGroups', () => {
    expect(spec['x-tagGroups']).toEqual(deriveTagGroups(spec));
  });

  it('give a tag without x-leaf-provider its own group, and follow a new provider tag', () => {
    const copy: BundledSpec = structuredClone(spec);
    copy.tags = [
      { name: 'Webhooks' },
      ...specTags(copy),
      { name: 'Acme', 'x-leaf-provider': 'acme' },
      { name: 'Farms', 'x-leaf-resource': 'farms' },
    ];
    const groups = withTagGroups(copy)['x-tagGroups'] as Array<{ name: string; tags: string[] }>;
    expect(groups[0]).toEqual({ name: 'Webhooks', tags: ['Webhooks'] });
    expect(groups.at(-1)).toEqual({ name: 'Farms', tags: ['Farms'] });
    expect(groups.find((group) => group.name === PROVIDERS_GROUP)!.tags.at(-1)).toBe('Acme');
  });
});

describe('the bundle step refuses hand-written derived keys', () => {
  /** The bundle as redocly writes it: without what the bundle step adds. */
  function redoclyBundle(): BundledSpec {
    const copy = structuredClone(spec);
    delete copy['x-tagGroups'];
    for (const { operation } of listOperations(copy)) delete operation['x-codeSamples'];
    return copy;
  }

  it('derives both from a bundle that has neither', () => {
    expect(deriveBundle(redoclyBundle(), SPEC_PATH)).toEqual(spec);
  });

  it('x-tagGroups in the root file', () => {
    const bundled = { ...redoclyBundle(), 'x-tagGroups': [{ name: 'Trimble', tags: ['Trimble'] }] };
    expect(() => deriveBundle(bundled, SPEC_PATH)).toThrow(/remove x-tagGroups \(the root file\)/);
  });

  it('x-codeSamples on an operation', () => {
    const bundled = redoclyBundle();
    const [first] = listOperations(bundled);
    first!.operation['x-codeSamples'] = [{ lang: 'curl', source: 'curl' }];
    expect(() => deriveBundle(bundled, SPEC_PATH)).toThrow(`remove x-codeSamples (${first!.operationId})`);
  });

  it('but replaces them when a bundle is bundled again', () => {
    expect(deriveBundle(structuredClone(spec), SPEC_PATH, { rebundle: true })).toEqual(spec);
  });
});
