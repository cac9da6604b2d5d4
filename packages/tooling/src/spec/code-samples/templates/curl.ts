/**
 * cURL: one command, an option a line. `--fail-with-body` exits non-zero on an
 * error status and still shows the problem body; a body goes with its
 * `Content-Type` (curl's `-d` alone sends a form) on one line as Leaf writes JSON
 * (`leafJson`: a space after each `:` and `,`); a response without a body
 * prints its status instead (`-w`).
 */

import { leafJson } from '@leaf-credentials/spec';
import { type SampleFacts, TOKEN_PLACEHOLDER, urlWithQuery } from '../facts.js';
import { shellQuote } from '../literals.js';
import { type LanguageTemplates, lines } from './template.js';

/** The command: what goes before the token (how to print), the token, then what follows it (the body). */
function command(facts: SampleFacts, { before = [], after = [] }: { before?: string[]; after?: string[] }): string {
  const method = facts.method === 'GET' ? '' : ` -X ${facts.method}`;
  const authorization = facts.bearer ? [`-H 'Authorization: Bearer ${TOKEN_PLACEHOLDER}'`] : [];
  return lines(
    `curl --fail-with-body${method} \\`,
    ...[...before, ...authorization, ...after].map((option) => `  ${option} \\`),
    `  ${shellQuote(urlWithQuery(facts))}`,
  );
}

const read = (facts: SampleFacts) => command(facts, {});
const send = (facts: SampleFacts) =>
  command(facts, { after: [`-H 'Content-Type: application/json'`, `-d ${shellQuote(leafJson(facts.body))}`] });
const remove = (facts: SampleFacts) => command(facts, { before: [`-w '%{http_code}\\n'`] });

export const curl: LanguageTemplates = {
  get: read,
  list: read,
  failedCalls: read,
  events: read,
  status: read,
  create: send,
  authenticate: send,
  delete: remove,
  update: send,
};
