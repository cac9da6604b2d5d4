/**
 * The spec model behind Prism's operations. The mock routes and validates with
 * Prism's operations, but every fact it needs about one (its base paths,
 * whether it is secured, its success status, its paging, its resource and
 * helper) is the spec model's answer (`@leaf-credentials/spec`), never a
 * reading of its own. Operations made with `loadOperations(spec)` answer from
 * `spec`'s model; any other (the build's precomputed ones) from the bundled
 * document the mock serves. The document rides on each operation under a
 * global symbol, so a second copy of this package (its sources beside its
 * build, in a test) reads it too; copying an operation leaves it behind.
 */
import { type BundledSpec, type OperationModel, type SpecModel, specModel } from '@leaf-credentials/spec';
import type { IHttpOperation } from '@stoplight/types';
import { loadSpec } from './spec.js';

const DOCUMENT = Symbol.for('@leaf-credentials/mock: spec document');
type WithDocument = IHttpOperation & { [DOCUMENT]?: BundledSpec };

/** Notes that `operations` were made from `spec`, so their model is `spec`'s. */
export function rememberDocument(operations: readonly IHttpOperation[], spec: BundledSpec): void {
  for (const operation of operations)
    Object.defineProperty(operation, DOCUMENT, { value: spec, enumerable: false, configurable: true });
}

const documentOf = (operation: IHttpOperation | undefined): BundledSpec | undefined =>
  (operation as WithDocument | undefined)?.[DOCUMENT];

/** The model of the document the operations were made from (the served one when they are none). */
export function modelOf(operations: readonly IHttpOperation[]): SpecModel {
  return specModel(documentOf(operations[0]) ?? loadSpec());
}

/** The model's answer for one of Prism's operations; throws naming it when the document has no such operation. */
export function operationModelOf(operation: IHttpOperation): OperationModel {
  const found = specModel(documentOf(operation) ?? loadSpec()).operationAt(operation.method, operation.path);
  if (!found) {
    throw new Error(
      `${operation.method.toUpperCase()} ${operation.path} is no operation of the served spec: make operations with loadOperations(spec).`,
    );
  }
  return found;
}
