/** The examples the spec documents, read the one way every generator and test uses them. */
import { type BundledSpec, resolveRef, type SpecOperation } from './index.js';

type Json = Record<string, unknown>;

/** The example of a JSON request body: the media type's `example` / first `examples`, else the schema's. */
export function requestBodyExample(spec: BundledSpec, operation: SpecOperation): unknown {
  const requestBody = resolveRef(spec, operation.operation.requestBody) as Json | undefined;
  if (!requestBody) return undefined;
  const media = (requestBody.content as Json | undefined)?.['application/json'] as Json | undefined;
  if (!media) throw new Error(`${operation.operationId}'s request body has no application/json content.`);
  if (media.example !== undefined) return media.example;
  const named = Object.values((media.examples as Json | undefined) ?? {})[0];
  if (named !== undefined) return (resolveRef(spec, named) as Json).value;
  const schema = resolveRef(spec, media.schema) as Json | undefined;
  const example = schema?.example ?? (schema?.examples as unknown[] | undefined)?.[0];
  if (example === undefined) {
    throw new Error(
      `${operation.operationId}'s request body has no example (code samples and contract tests send it): add one to its schema.`,
    );
  }
  return example;
}
