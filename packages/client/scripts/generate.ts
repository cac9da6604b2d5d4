/**
 * Writes src/generated/ from the bundled spec: openapi-typescript's `paths`
 * and `components` types, and the constants the client reads from the spec.
 *
 * With CI set (or --check) it writes nothing and fails when the committed
 * files differ from what the spec generates, so a stale commit cannot pass CI.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { listOperations, productionServerUrl, readBundledSpec } from '@leaf-credentials/spec';

export const GENERATED_DIR = fileURLToPath(new URL('../src/generated/', import.meta.url));

const HEADER = [
  '// This file is generated from spec/leaf-credentials.yaml by `npm run generate`.',
  '// Do not edit it: change the spec and regenerate.',
  '',
].join('\n');

type SpecObject = Record<string, unknown>;

/** Follows a local `$ref` (`#/components/...`) to the object it names. */
function resolveRef(spec: SpecObject, node: unknown): SpecObject | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const ref = (node as SpecObject).$ref;
  if (typeof ref !== 'string') return node as SpecObject;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((parent, key) => (parent as SpecObject | undefined)?.[key], spec) as SpecObject | undefined;
}

/**
 * The spec's operations as a value (openapi-typescript only emits types):
 * operationId to HTTP method, path template, and whether the request and the
 * success response carry a JSON body, so the client's helpers name an
 * operation and never restate a path.
 */
function renderOperationTable(spec: ReturnType<typeof readBundledSpec>): string {
  const entries = listOperations(spec).map(({ operationId, method, path, operation }) => {
    const responses = (operation.responses ?? {}) as SpecObject;
    const responseBody = Object.entries(responses).some(
      ([status, response]) => status.startsWith('2') && resolveRef(spec, response)?.content !== undefined,
    );
    const fields = [
      `method: ${JSON.stringify(method.toUpperCase())}`,
      `path: ${JSON.stringify(path)}`,
      `requestBody: ${resolveRef(spec, operation.requestBody) !== undefined}`,
      `responseBody: ${responseBody}`,
    ];
    return `  ${operationId}: { ${fields.join(', ')} },\n`;
  });
  return (
    '/** Every operation of the spec: its HTTP method, path template, and which sides carry a JSON body. */\n' +
    `export const OPERATIONS = {\n${entries.join('')}} as const;\n`
  );
}

/**
 * openapi-typescript reads enum meanings only from an `x-enumDescriptions` array; the spec
 * keeps them as the value-to-meaning map Redoc renders. Appending them to the schema's
 * description puts each value's meaning in the generated JSDoc, from that one map.
 */
function withEnumMeaningsInDescriptions<T extends SpecObject>(spec: T): T {
  const copy = structuredClone(spec);
  const schemas = ((copy.components as SpecObject | undefined)?.schemas ?? {}) as Record<string, SpecObject>;
  for (const schema of Object.values(schemas)) {
    const meanings = schema['x-enumDescriptions'];
    if (!Array.isArray(schema.enum) || !meanings || typeof meanings !== 'object' || Array.isArray(meanings)) continue;
    const list = (schema.enum as unknown[])
      .filter((value) => typeof (meanings as SpecObject)[String(value)] === 'string')
      .map((value) => `- \`${String(value)}\`: ${(meanings as SpecObject)[String(value)] as string}`);
    schema.description = [String(schema.description ?? '').trimEnd(), list.join('\n')].filter(Boolean).join('\n\n');
  }
  return copy;
}

/**
 * Names of the properties the spec marks `x-sensitive: true`, at any depth of
 * components.schemas, sorted and unique: the fields whose values the client redacts.
 */
function sensitivePropertyNames(spec: ReturnType<typeof readBundledSpec>): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const properties = (node as SpecObject).properties;
    if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
      for (const [name, property] of Object.entries(properties as SpecObject)) {
        if ((property as SpecObject | null)?.['x-sensitive'] === true) names.add(name);
      }
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(spec.components.schemas);
  return [...names].sort();
}

/** File name (inside src/generated/) to its expected content. */
export async function renderGeneratedFiles(): Promise<Record<string, string>> {
  const spec = readBundledSpec();
  const ast = await openapiTS(withEnumMeaningsInDescriptions(spec) as never, { alphabetize: false, exportType: false });
  return {
    'schema.ts': HEADER + astToString(ast),
    'constants.ts':
      HEADER +
      `/** Leaf's production API, the first server in the spec. */\n` +
      `export const PRODUCTION_BASE_URL = ${JSON.stringify(productionServerUrl(spec))};\n` +
      `/** Properties the spec marks \`x-sensitive: true\`: their values are secrets. */\n` +
      `export const SECRET_FIELDS = ${JSON.stringify(sensitivePropertyNames(spec))} as const;\n`,
    'operations.ts': HEADER + renderOperationTable(spec),
  };
}

/** Names of the generated files whose content on disk differs from the spec's. */
export async function staleGeneratedFiles(dir: string = GENERATED_DIR): Promise<string[]> {
  const expected = await renderGeneratedFiles();
  return Object.entries(expected)
    .filter(([name, content]) => {
      const path = join(dir, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== content;
    })
    .map(([name]) => name);
}

async function main(): Promise<void> {
  // CI=false (or 0) is how some runners say "not CI"; only a set, truthy CI means check-only.
  const ci = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());
  const check = process.argv.includes('--check') || ci;
  if (check) {
    const stale = await staleGeneratedFiles();
    if (stale.length > 0) {
      console.error(
        `Generated code is stale against the spec: ${stale.map((name) => `src/generated/${name}`).join(', ')}.\n` +
          'Run `npm run generate` and commit the result.',
      );
      process.exit(1);
    }
    console.log('Generated code is up to date with the spec.');
    return;
  }
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const [name, content] of Object.entries(await renderGeneratedFiles())) {
    writeFileSync(join(GENERATED_DIR, name), content);
  }
  console.log(`Wrote ${GENERATED_DIR}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
