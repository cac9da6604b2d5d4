/** The example request body of an operation, by the model's one example rule (`exampleOf`). */
import { specModel } from './model.js';
import type { BundledSpec, SpecOperation } from './spec.js';

/** The example of an operation's JSON request body; undefined when it takes none, throws when it has no example. */
export function requestBodyExample(spec: BundledSpec, operation: SpecOperation): unknown {
  const body = specModel(spec).operation(operation.operationId).requestBody;
  if (!body) return undefined;
  if (body.example === undefined) {
    throw new Error(
      `${operation.operationId}'s request body has no example (code samples and contract tests send it): add one to its schema.`,
    );
  }
  return body.example;
}
