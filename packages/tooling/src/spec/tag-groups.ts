/**
 * The docs' sidebar groups (Redoc's `x-tagGroups`), derived from the tags so
 * they are never listed by hand: every provider tag (`x-leaf-provider`) goes in
 * one "Providers" group, any other tag (Authentication) in a group of its own,
 * in the order the tags are declared. Redoc hides a tag that is in no group.
 */
import type { BundledSpec } from '@leaf-credentials/spec';
import { specTags } from '@leaf-credentials/spec';

export const PROVIDERS_GROUP = 'Providers';

export interface TagGroup {
  name: string;
  tags: string[];
}

export function deriveTagGroups(spec: BundledSpec): TagGroup[] {
  const groups: TagGroup[] = [];
  for (const tag of specTags(spec)) {
    const name = tag['x-leaf-provider'] ? PROVIDERS_GROUP : tag.name;
    const group = groups.find((candidate) => candidate.name === name);
    if (group) group.tags.push(tag.name);
    else groups.push({ name, tags: [tag.name] });
  }
  return groups;
}

/** A copy of the spec with `x-tagGroups` set, right after `tags`. */
export function withTagGroups<T extends BundledSpec>(spec: T): T {
  const groups = deriveTagGroups(spec);
  const entries = Object.entries(spec).filter(([key]) => key !== 'x-tagGroups');
  const at = entries.findIndex(([key]) => key === 'tags') + 1;
  entries.splice(at, 0, ['x-tagGroups', groups]);
  return Object.fromEntries(entries) as T;
}
