/**
 * The providers of the spec: the resources whose tag states `x-leaf-provider`
 * (the client's property for it), each with its helpers' operations, as the
 * model reads them.
 */
import { type LeafHelper, specModel } from './model.js';
import type { BundledSpec } from './spec.js';

export interface Provider {
  /** The client's property for it (`trimble`, `climateFieldView`, ...). */
  property: string;
  /** Its tag, which is also its name in prose ("Trimble"). */
  tag: string;
  /** What the sidebar calls it ("Trimble credentials"). */
  displayName: string;
  /** Helper to operationId, in document order. */
  operations: Partial<Record<LeafHelper, string>>;
}

/** Every provider of the spec, in the order of its tags, with its helpers' operations. */
export function listProviders(spec: BundledSpec): Provider[] {
  return specModel(spec)
    .resources.filter((resource) => resource.kind === 'provider')
    .map((resource) => ({
      property: resource.property!,
      tag: resource.tag,
      displayName: resource.displayName,
      operations: resource.operations,
    }));
}
