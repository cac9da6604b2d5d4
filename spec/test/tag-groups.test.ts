/**
 * The docs' sidebar groups are derived from the tags, never hand-listed: every
 * provider tag (x-leaf-provider) under "Providers", every other tag in a group
 * of its own, each tag exactly once; and the bundle step refuses a split spec
 * that writes x-tagGroups or x-codeSamples itself.
 */
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from '../src/bundle.js';
import { readBundledSpec, SPEC_PATH, specTags, type BundledSpec } from '../src/index.js';
import { deriveTagGroups, PROVIDERS_GROUP, withTagGroups } from '../src/tag-groups.js';
import { SLOW_PROCESS_TIMEOUT } from './fixtures/timeouts.js';

const spec = readBundledSpec();

describe('sidebar groups', () => {
  it('put every tag in exactly one group, the providers together', () => {
    const groups = deriveTagGroups(spec);
    expect(groups.flatMap((group) => group.tags).sort()).toEqual(specTags(spec).map((tag) => tag.name).sort());
    const providers = groups.find((group) => group.name === PROVIDERS_GROUP)!;
    expect(providers.tags).toEqual(specTags(spec).filter((tag) => tag['x-leaf-provider']).map((tag) => tag.name));
  });

  it('are what the bundle carries as x-tagGroups', () => {
    expect(spec['x-tagGroups']).toEqual(deriveTagGroups(spec));
  });

  it('give a tag without x-leaf-provider its own group, and follow a new provider tag', () => {
    const copy: BundledSpec = structuredClone(spec);
    copy.tags = [{ name: 'Webhooks' }, ...specTags(copy), { name: 'Acme', 'x-leaf-provider': 'acme' }];
    const groups = withTagGroups(copy)['x-tagGroups'] as Array<{ name: string; tags: string[] }>;
    expect(groups[0]).toEqual({ name: 'Webhooks', tags: ['Webhooks'] });
    expect(groups.find((group) => group.name === PROVIDERS_GROUP)!.tags.at(-1)).toBe('Acme');
  });
});

describe('the bundle step refuses hand-written derived keys', () => {
  const work = mkdtempSync(join(tmpdir(), 'tag-groups-'));
  for (const entry of ['leaf-credentials.yaml', 'paths', 'components']) {
    cpSync(join(dirname(SPEC_PATH), entry), join(work, entry), { recursive: true });
  }
  const root = join(work, 'leaf-credentials.yaml');
  const source = readFileSync(root, 'utf8');

  it(
    'x-tagGroups in the root file',
    () => {
      writeFileSync(root, `${source}x-tagGroups:\n  - name: Trimble\n    tags: [Trimble]\n`);
      expect(() => bundleSpec(join(work, 'bundle.json'), root)).toThrow(/remove x-tagGroups \(the root file\)/);
    },
    SLOW_PROCESS_TIMEOUT,
  );

  it(
    'x-codeSamples on an operation',
    () => {
      writeFileSync(root, source);
      const pathFile = join(work, 'paths', 'users_{leafUserId}_trimble-credentials_events.yaml');
      writeFileSync(pathFile, readFileSync(pathFile, 'utf8').replace(/^get:\n/m, "get:\n  x-codeSamples:\n    - lang: curl\n      source: curl\n"));
      expect(() => bundleSpec(join(work, 'bundle.json'), root)).toThrow(/remove x-codeSamples \(getTrimbleCredentialEvents\)/);
    },
    SLOW_PROCESS_TIMEOUT,
  );
});
