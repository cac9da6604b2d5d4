/**
 * TypeScript with this toolkit's client: each provider's operations are
 * helpers, `leaf.<provider>.<helper>(leafUserId[, body])`, which resolve to the
 * body and throw a LeafApiError on an error status. A delete resolves to
 * nothing, so its sample says what happened.
 */
import { javascriptLiteral } from '../literals.js';
import { TOKEN_PLACEHOLDER, LEAF_USER_ID_PLACEHOLDER, type SampleFacts } from '../facts.js';
import { lines, type LanguageTemplates } from './template.js';

/**
 * How a sample's client signs in: the one place to change when the samples
 * should sign in with `auth: { username, password }` instead of a token.
 */
function clientOptions(facts: SampleFacts): string[] {
  return [`baseUrl: '${facts.serverUrl}',`, `token: '${TOKEN_PLACEHOLDER}',`];
}

function withClient(facts: SampleFacts, ...body: string[]): string {
  return lines(
    "import { createLeafCredentialsClient } from '@leaf-credentials/client';",
    '',
    'const leaf = createLeafCredentialsClient({',
    ...clientOptions(facts).map((option) => `  ${option}`),
    '});',
    '',
    ...body,
  );
}

/** `leaf.trimble.get('{leafUserId}'` and the rest of the arguments. */
function helperCall(facts: SampleFacts, ...args: string[]): string {
  if (!facts.provider) throw new Error(`${facts.operation.operationId} is a provider helper but has no x-leaf-provider tag.`);
  return `leaf.${facts.provider}.${facts.helper}(${[`'${LEAF_USER_ID_PLACEHOLDER}'`, ...args].join(', ')})`;
}

const printed = (name: string) => `console.log(JSON.stringify(${name}, null, 2));`;

const read = (name: string) => (facts: SampleFacts) =>
  withClient(facts, `const ${name} = await ${helperCall(facts)};`, printed(name));

export const typescript: LanguageTemplates = {
  get: read('credentials'),
  events: read('events'),
  status: read('status'),
  create: (facts) =>
    withClient(facts, `const credentials = await ${helperCall(facts, javascriptLiteral(facts.body))};`, printed('credentials')),
  delete: (facts) =>
    withClient(facts, `await ${helperCall(facts)};`, `console.log('Deleted the ${facts.providerName} credentials.');`),
  // The sign-in call itself, through the typed raw client at the authenticate server.
  authenticate: (facts) =>
    withClient(
      facts,
      `const { data, error } = await leaf.raw.POST('${facts.operation.path}', {`,
      `  body: ${javascriptLiteral(facts.body).replaceAll('\n', '\n  ')},`,
      '});',
      'if (error) throw new Error(JSON.stringify(error));',
      printed('data'),
    ),
};
