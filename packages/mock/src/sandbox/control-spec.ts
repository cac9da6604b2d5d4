/**
 * The control API's own OpenAPI document (packages/mock/sandbox-control.yaml):
 * the one home of the control requests' shapes. Bodies are validated against
 * its schemas.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '../yaml.js';
import type { JsonSchema } from './schemas.js';

export const CONTROL_SPEC_PATH = fileURLToPath(new URL('../../sandbox-control.yaml', import.meta.url));

interface ControlDocument {
  components: { schemas: Record<string, JsonSchema> };
}

let document: ControlDocument | undefined;

/** A schema of the control document, its local `$ref`s replaced by what they point at. */
export function controlSchema(name: string): JsonSchema {
  document ??= parseYaml(readFileSync(CONTROL_SPEC_PATH, 'utf8')) as ControlDocument;
  const schema = document.components.schemas[name];
  if (!schema) throw new Error(`${CONTROL_SPEC_PATH} has no schema ${name}.`);
  return inline(schema, document) as JsonSchema;
}

function inline(node: unknown, root: ControlDocument): unknown {
  if (Array.isArray(node)) return node.map((item) => inline(item, root));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    return inline(root.components.schemas[ref.slice('#/components/schemas/'.length)], root);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value, root)]));
}
