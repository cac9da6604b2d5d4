/**
 * TypeScript with this toolkit's client: each provider's operations are
 * helpers, `leaf.<provider>.<helper>(leafUserId[, body])`, which resolve to the
 * body and throw a LeafApiError on an error status. A delete resolves to
 * nothing, so its sample says what happened.
 */

import { PASSWORD_PLACEHOLDER, pathPlaceholders, type SampleFacts, USERNAME_PLACEHOLDER } from '../facts.js';
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

/** `leaf.trimble.get('{leafUserId}'` (`leaf.webhooks.get('{webhookId}'`: the path's parameters) and the rest of the arguments. */
function helperCall(facts: SampleFacts, ...args: string[]): string {
  if (!facts.provider)
    throw new Error(
      `${facts.operation.operationId} is a client helper but its tag states no x-leaf-provider or x-leaf-resource.`,
    );
  const path = pathPlaceholders(facts.operation).map((placeholder) => `'${placeholder}'`);
  return `leaf.${facts.provider}.${facts.helper}(${[...path, ...args].join(', ')})`;
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

/**
 * What a result is called: a provider's by its kind, a resource of its own's by its operationId
 * without the verb and the product name (`getWebhook` → `webhook`, `getLeafUser` → `user`).
 */
function resultName(facts: SampleFacts, providerName: string): string {
  if (!facts.ownResource) return providerName;
  const noun = facts.operation.operationId.replace(/^[a-z]+/, '').replace(/^Leaf(?=[A-Z])/, '');
  return noun[0]!.toLowerCase() + noun.slice(1);
}

const printed = (name: string) => `console.log(JSON.stringify(${name}, null, 2));`;

const read = (providerName: string) => (facts: SampleFacts) => {
  const name = resultName(facts, providerName);
  return withClient(facts, `const ${name} = await ${helperCall(facts)};`, printed(name));
};

// A page: `items`, and `next` for the page after it (the `all…()` iterator walks them all).
const page = (facts: SampleFacts) => {
  const query = Object.keys(facts.query).length > 0 ? [inlineJavascriptLiteral(facts.query)] : [];
  return withClient(facts, `const page = await ${helperCall(facts, ...query)};`, printed('page.items'));
};

/** A paged list (the spec model's `paging`) answers one page; a whole list (the webhooks'), its items. */
const list = (name: string) => (facts: SampleFacts) => (facts.paged ? page(facts) : read(name)(facts));

/** What a delete did, in the spec's words: its summary in the past tense ("Delete a webhook" → "Deleted a webhook."). */
function deleted({ summary, operation }: SampleFacts): string {
  if (summary === undefined)
    throw new Error(`${operation.operationId} has no summary (its sample says what it did in its words): add one.`);
  return `${summary.replace(/^Delete\b/, 'Deleted')}.`;
}

export const typescript: LanguageTemplates = {
  get: read('credentials'),
  list: list('items'),
  failedCalls: read('failedCalls'),
  events: list('events'),
  status: read('status'),
  create: (facts) => {
    const name = resultName(facts, 'credentials');
    return withClient(
      facts,
      `const ${name} = await ${helperCall(facts, javascriptLiteral(facts.body))};`,
      printed(name),
    );
  },
  delete: (facts) =>
    withClient(facts, `await ${helperCall(facts)};`, `console.log(${javascriptLiteral(deleted(facts))});`),
  // Deprecated, so the client has no helper for it: the typed openapi-fetch client sends it.
  update: (facts) =>
    withClient(
      facts,
      `const { data: user } = await leaf.raw.PUT('${facts.operation.path}', { body: ${javascriptLiteral(facts.body).replaceAll('\n', '\n  ')} });`,
      printed('user'),
    ),
  authenticate: signIn,
};
