/**
 * The generated modules' text, from the facts spec-facts.ts reads. Each
 * operation and provider is its own `const`, so a bundler keeps only the ones
 * an app uses.
 */
import type { OperationFacts, ParameterRule, ProviderFacts } from './spec-facts.js';

const json = (value: unknown) => JSON.stringify(value);

const pascalCase = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/** The name of a provider's helpers type: `trimble` → `TrimbleHelpers`. */
const helpersTypeName = (provider: string) => `${pascalCase(provider)}Helpers`;

function renderOperation(
  operation: OperationFacts,
  responseChecks: ReadonlyMap<string, string>,
  helperIds: ReadonlySet<string>,
): string {
  const check = responseChecks.get(operation.id);
  const fields = [
    `id: ${json(operation.id)}`,
    `method: ${json(operation.method)}`,
    `path: ${json(operation.path)}`,
    ...(operation.basePath === undefined ? [] : [`basePath: ${json(operation.basePath)}`]),
    // A resource's helpers take its path parameters by name, in path order.
    ...(operation.resource === undefined
      ? []
      : [`resource: ${json(operation.resource)}`, `pathParameters: ${json(operation.pathParameters)}`]),
    // Flags are written only when true: each absent one is bytes an app's bundle does not carry.
    ...(operation.requestBody ? ['requestBody: true'] : []),
    ...(operation.responseBody ? ['responseBody: true'] : []),
    // A paged list's helper answers a page and gets an iterator over every item beside it.
    ...(operation.paged ? ['paged: true'] : []),
    ...(check === undefined ? [] : [`response: ${check}`]),
  ];
  // One no helper calls (sign-in, a deprecated operation) is for hand-written code or raw's OPERATIONS table.
  const note = helperIds.has(operation.id) ? '' : '/** Called by no helper. @public */\n';
  return `${note}export const ${operation.id} = { ${fields.join(', ')} } as const;\n`;
}

/**
 * `responseChecks`: operationId → the name of its response check in ./response-checks.js;
 * `helperIds`: the operations a provider's or resource's helper calls (exported for providers.ts).
 */
export function renderOperations(
  operations: OperationFacts[],
  responseChecks: ReadonlyMap<string, string>,
  helperIds: ReadonlySet<string>,
): string {
  return (
    `import { ${[...new Set(responseChecks.values())].sort().join(', ')} } from './response-checks.js';\n\n` +
    '/**\n' +
    ' * Every operation of the spec: its HTTP method, path template, its own server path (`basePath`, for an\n' +
    " * operation served outside the base URL's path), which sides carry a JSON body, and the check of its response.\n" +
    ' */\n' +
    operations.map((operation) => renderOperation(operation, responseChecks, helperIds)).join('') +
    `\nexport const OPERATIONS = { ${operations.map((operation) => operation.id).join(', ')} } as const;\n`
  );
}

function renderProvider(provider: ProviderFacts, helpersType = 'ProviderHelpers'): string {
  const helpers = Object.entries(provider.helpers).map(([helper, id]) => `${helper}: ${id}`);
  return (
    `/** ${provider.displayName} (tag \`${provider.tag}\`): pass it to \`createLeafCredentialsClientFor\` for \`client.${provider.name}\`. */\n` +
    `export const ${provider.name} = { ${helpers.join(', ')} } as const;\n` +
    `/** The helpers of \`client.${provider.name}\`. */\n` +
    `export type ${helpersTypeName(provider.name)} = ${helpersType}<typeof ${provider.name}>;\n`
  );
}

export function renderProviders(providers: ProviderFacts[], resources: ProviderFacts[] = []): string {
  const ids = [...new Set([...providers, ...resources].flatMap((provider) => Object.values(provider.helpers)))];
  return (
    `import type { ProviderHelpers${resources.length > 0 ? ', ResourceHelpers' : ''} } from '../helpers.js';\n` +
    `import { ${ids.join(', ')} } from './operations.js';\n\n` +
    providers.map((provider) => renderProvider(provider)).join('\n') +
    resources.map((resource) => `\n${renderProvider(resource, 'ResourceHelpers')}`).join('') +
    '\n/** Every resource of its own (`x-leaf-resource`: Leaf users, webhooks), by its client property name. */\n' +
    `export const RESOURCES = { ${resources.map((resource) => resource.name).join(', ')} } as const;\n` +
    '\n/** Every provider of the spec (`x-leaf-provider`), by its client property name. */\n' +
    `export const PROVIDERS = { ${providers.map((provider) => provider.name).join(', ')} } as const;\n`
  );
}

export function renderConstants(values: {
  specVersion: string;
  productionBaseUrl: string;
  secretFields: string[];
  pathParameters: Record<string, ParameterRule>;
  tokenLifetimes: { rememberMe: number; otherwise: number };
}): string {
  const rules = Object.entries(values.pathParameters).map(
    ([name, rule]) =>
      `  ${name}: { pattern: /${rule.pattern.replaceAll('/', '\\/')}/, description: ${json(rule.description)} },\n`,
  );
  return (
    `/**\n * The version of @leaf-credentials/spec this client was generated from.\n * @public\n */\n` +
    `export const SPEC_VERSION = ${json(values.specVersion)};\n` +
    `/** Leaf's production API, the first server in the spec. */\n` +
    `export const PRODUCTION_BASE_URL = ${json(values.productionBaseUrl)};\n` +
    `/** Properties the spec marks \`x-sensitive: true\`: their values are secrets. */\n` +
    `export const SECRET_FIELDS = ${json(values.secretFields)} as const;\n` +
    `/** What each path parameter's value must be, from its schema: helpers and raw check it before sending. */\n` +
    `export const PATH_PARAMETERS = {\n${rules.join('')}} as const;\n` +
    `/** How long a token from authenticate lasts, in seconds, by \`rememberMe\` (\`x-leaf-token-lifetime-seconds\`). */\n` +
    `export const TOKEN_LIFETIME_SECONDS = ${json(values.tokenLifetimes)} as const;\n`
  );
}

/** A public name for every schema of the spec, each an alias of the generated type. */
export function renderSchemaNames(schemaNames: string[]): string {
  return (
    `import type { components } from './schema.js';\n\n` +
    schemaNames.map((name) => `export type ${name} = components['schemas'][${json(name)}];\n`).join('')
  );
}
