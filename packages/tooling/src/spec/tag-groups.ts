/**
 * The docs' sidebar groups (Redoc's `x-tagGroups`), derived from the spec
 * model's resources so they are never listed by hand: every provider's
 * credentials (`x-leaf-provider`) go in one "Providers" group, any other
 * resource (Authentication, a resource with `x-leaf-resource`) in a group of
 * its own, in the order the tags are declared. Redoc hides a tag that is in no group.
 */
import { type BundledSpec, specModel } from '@leaf-credentials/spec';

export const PROVIDERS_GROUP = 'Providers';

export interface TagGroup {
  name: string;
  tags: string[];
}

export function deriveTagGroups(spec: BundledSpec): TagGroup[] {
  const groups: TagGroup[] = [];
  for (const resource of specModel(spec).resources) {
    const name = resource.kind === 'provider' ? PROVIDERS_GROUP : resource.tag;
    const group = groups.find((candidate) => candidate.name === name);
    if (group) group.tags.push(resource.tag);
    else groups.push({ name, tags: [resource.tag] });
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
