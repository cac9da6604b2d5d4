/**
 * TypeScript with this toolkit's client: each provider's operations are
 * helpers, `leaf.<provider>.<helper>(leafUserId[, body])`, which resolve to the
 * body and throw a LeafApiError on an error status. A delete resolves to
 * nothing, so its sample says what happened.
 */

import { LEAF_USER_ID_PLACEHOLDER, PASSWORD_PLACEHOLDER, type SampleFacts, USERNAME_PLACEHOLDER } from '../facts.js';
import { inlineJavascriptLiteral, javascriptLiteral } from '../literals.js';
import { type LanguageTemplates, lines } from './template.js';

/**
 * How a sample's client signs in: with the Leaf account, as most integrations will. The
 * client authenticates on first use and again shortly before the token expires.
 */
function clientOptions(facts: SampleFacts): string[] {
  return [
    `baseUrl: '${facts.serverUrl}',`,
    `auth: { username: '${USERNAME_PLACEHOLDER}', password: '${PASSWORD_PLACEHOLDER}' },`,
  ];
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
  if (!facts.provider)
    throw new Error(
      `${facts.operation.operationId} is a client helper but its tag states no x-leaf-provider or x-leaf-resource.`,
    );
  return `leaf.${facts.provider}.${facts.helper}(${[`'${LEAF_USER_ID_PLACEHOLDER}'`, ...args].join(', ')})`;
}

/**
 * The client signs in itself when given `auth`; `authenticate()` does it now, to check the
 * account up front, and resolves to when the token expires (never to the token, a secret).
 */
function signIn(facts: SampleFacts): string {
  const { username, password, rememberMe } = (facts.body ?? {}) as Record<string, unknown>;
  const auth = {
    username,
    password,
    ...(rememberMe === undefined ? {} : { rememberMe: String(rememberMe) === 'true' }),
    url: facts.url,
  };
  return lines(
    "import { createLeafCredentialsClient } from '@leaf-credentials/client';",
    '',
    'const leaf = createLeafCredentialsClient({',
    `  auth: ${javascriptLiteral(auth).replaceAll('\n', '\n  ')},`,
    '});',
    '',
    'const { expiresAt } = await leaf.authenticate();',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated sample's own template literal
    'console.log(`Signed in until ${expiresAt.toISOString()}.`);',
  );
}

const printed = (name: string) => `console.log(JSON.stringify(${name}, null, 2));`;

const read = (name: string) => (facts: SampleFacts) =>
  withClient(facts, `const ${name} = await ${helperCall(facts)};`, printed(name));

export const typescript: LanguageTemplates = {
  get: read('credentials'),
  // A page of the log: `items`, and `next` for the page after it (allEvents() walks them all).
  events: (facts) => {
    const query = Object.keys(facts.query).length > 0 ? [inlineJavascriptLiteral(facts.query)] : [];
    return withClient(facts, `const page = await ${helperCall(facts, ...query)};`, printed('page.items'));
  },
  status: read('status'),
  create: (facts) =>
    withClient(
      facts,
      `const credentials = await ${helperCall(facts, javascriptLiteral(facts.body))};`,
      printed('credentials'),
    ),
  delete: (facts) =>
    withClient(facts, `await ${helperCall(facts)};`, `console.log('Deleted the ${facts.resourceName}.');`),
  authenticate: signIn,
};
