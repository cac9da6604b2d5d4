/**
 * Python with requests: `raise_for_status()` turns an error status into an
 * exception; a body is printed as indented JSON, a response without one (204)
 * prints its status, since `response.json()` would raise on it.
 */

import { type SampleFacts, TOKEN_PLACEHOLDER } from '../facts.js';
import { pythonLiteral } from '../literals.js';
import { type LanguageTemplates, lines } from './template.js';

function program(facts: SampleFacts): string {
  const sendsBody = facts.body !== undefined;
  const hasQuery = Object.keys(facts.query).length > 0;
  const args = [
    'endpoint',
    facts.bearer ? 'headers=headers' : undefined,
    hasQuery ? 'params=params' : undefined,
    sendsBody ? 'json=data' : undefined,
  ];
  return lines(
    facts.printsBody ? 'import json\n' : undefined,
    'import requests',
    '',
    facts.bearer ? `TOKEN = '${TOKEN_PLACEHOLDER}'` : undefined,
    `endpoint = '${facts.url}'`,
    facts.bearer ? "headers = {'Authorization': f'Bearer {TOKEN}'}" : undefined,
    hasQuery ? `params = ${pythonLiteral(facts.query)}` : undefined,
    '',
    sendsBody ? `data = ${pythonLiteral(facts.body)}\n` : undefined,
    `response = requests.${facts.method.toLowerCase()}(${args.filter(Boolean).join(', ')})`,
    'response.raise_for_status()',
    facts.printsBody ? 'print(json.dumps(response.json(), indent=2))' : 'print(response.status_code)',
  );
}

export const python: LanguageTemplates = {
  get: program,
  events: program,
  status: program,
  create: program,
  authenticate: program,
  delete: program,
};
