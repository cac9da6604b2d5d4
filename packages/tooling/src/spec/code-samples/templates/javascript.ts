/**
 * JavaScript with axios (CommonJS, as Leaf's pages write it): an error status
 * rejects, and the catch prints the problem body and sets a failing exit code;
 * a body is printed as indented JSON, a response without one prints its status.
 */

import { type SampleFacts, TOKEN_PLACEHOLDER } from '../facts.js';
import { javascriptLiteral } from '../literals.js';
import { type LanguageTemplates, lines } from './template.js';

function program(facts: SampleFacts): string {
  const sendsBody = facts.body !== undefined;
  const hasQuery = Object.keys(facts.query).length > 0;
  const options = [facts.bearer ? 'headers' : undefined, hasQuery ? 'params' : undefined].filter(Boolean);
  const args = [
    'endpoint',
    sendsBody ? 'data' : undefined,
    options.length > 0 ? `{ ${options.join(', ')} }` : undefined,
  ];
  const print = facts.printsBody
    ? 'console.log(JSON.stringify(response.data, null, 2))'
    : 'console.log(response.status)';
  return lines(
    "const axios = require('axios');",
    '',
    facts.bearer ? `const TOKEN = '${TOKEN_PLACEHOLDER}';` : undefined,
    `const endpoint = '${facts.url}';`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated sample's own template literal
    facts.bearer ? 'const headers = { Authorization: `Bearer ${TOKEN}` };' : undefined,
    hasQuery ? `const params = ${javascriptLiteral(facts.query)};` : undefined,
    '',
    sendsBody ? `const data = ${javascriptLiteral(facts.body)};\n` : undefined,
    `axios.${facts.method.toLowerCase()}(${args.filter(Boolean).join(', ')})`,
    `  .then((response) => ${print})`,
    '  .catch((error) => {',
    '    console.error(error.response?.data ?? error.message);',
    '    process.exitCode = 1;',
    '  });',
  );
}

export const javascript: LanguageTemplates = {
  get: program,
  events: program,
  status: program,
  create: program,
  authenticate: program,
  delete: program,
};
