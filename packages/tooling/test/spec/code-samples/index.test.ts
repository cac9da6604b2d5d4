/**
 * The code-sample generator: every operation gets one sample per language from
 * its kind's template, bodies come from the spec's examples, the committed
 * files are checked for freshness (stale, missing and left-over files), and an
 * operation of an unknown kind or without a body example fails naming it.
 * (apps/docs/test/code-samples.test.ts runs every generated sample.)
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type BundledSpec,
  leafHelperOf,
  listOperations,
  readBundledSpec,
  SPEC_PATH,
  type SpecOperation,
  specModel,
} from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import {
  placeholdersOf,
  renderCodeSamples,
  SAMPLE_LANGUAGES,
  sampleFacts,
  sampleLanguages,
  staleCodeSamples,
  withCodeSamples,
  writeCodeSamples,
} from '../../../src/spec/code-samples/index.js';
import { javascriptLiteral, pythonLiteral, shellQuote } from '../../../src/spec/code-samples/literals.js';
import { typescript } from '../../../src/spec/code-samples/templates/typescript.js';

const spec = readBundledSpec();
const operations = listOperations(spec);
const samples = renderCodeSamples(spec);
const COMMITTED = join(dirname(SPEC_PATH), 'code-samples');

const sampleOf = (operationId: string, lang: string) =>
  samples.find((sample) => sample.operationId === operationId && sample.lang === lang)!.source;

/** A copy of the spec with one more operation, the authenticate kind: its own server, no security. */
function withAuthenticate(base: BundledSpec): { spec: BundledSpec; operation: SpecOperation } {
  const copy = structuredClone(base);
  copy.paths['/authenticate'] = {
    servers: [{ url: 'https://api.withleaf.io/api' }, { url: 'http://127.0.0.1:4010/api' }],
    post: {
      operationId: 'authenticate',
      'x-leaf-helper': 'authenticate',
      tags: ['Authentication'],
      security: [],
      requestBody: {
        content: {
          'application/json': {
            example: { username: 'you@example.com', password: "it's-a-secret", rememberMe: 'true' },
          },
        },
      },
      responses: { '200': { description: 'Token.', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return { spec: copy, operation: listOperations(copy).find((operation) => operation.operationId === 'authenticate')! };
}

describe('generated code samples', () => {
  it('cover every operation in every language, in the menu order', () => {
    expect(samples).toHaveLength(operations.length * SAMPLE_LANGUAGES.length);
    for (const { operationId } of operations) {
      expect(samples.filter((sample) => sample.operationId === operationId).map((sample) => sample.lang)).toEqual(
        SAMPLE_LANGUAGES.map((language) => language.lang),
      );
    }
  });

  it('are the committed files in spec/code-samples (npm run build writes them; CI only checks)', () => {
    expect(staleCodeSamples(COMMITTED, samples)).toEqual([]);
  });

  it('are embedded in the bundle as x-codeSamples, exactly as generated', () => {
    const embedded = operations.flatMap(({ operationId, operation }) =>
      (operation['x-codeSamples'] as Array<{ lang: string; source: string }>).map(({ lang, source }) => ({
        operationId,
        lang,
        source,
      })),
    );
    expect(embedded).toEqual(samples.map(({ operationId, lang, source }) => ({ operationId, lang, source })));
  });

  it('send the create body the spec documents as its example, in each language', () => {
    const create = operations.find((operation) => operation.operation['x-leaf-helper'] === 'create')!;
    const example = sampleFacts(spec, create).body as Record<string, string>;
    expect(example).toBeTypeOf('object');
    for (const lang of ['curl', 'Python', 'JavaScript', 'TypeScript']) {
      for (const value of Object.values(example)) expect(sampleOf(create.operationId, lang), lang).toContain(value);
    }
  });

  it('call the provider helper in TypeScript, leaf.<x-leaf-provider>.<x-leaf-helper>', () => {
    expect(sampleOf('getClimateFieldViewCredentialStatus', 'TypeScript')).toContain(
      "await leaf.climateFieldView.status('{leafUserId}')",
    );
    expect(sampleOf('deleteTrimbleCredentials', 'TypeScript')).toContain("await leaf.trimble.delete('{leafUserId}');");
  });

  it('print the status of a response without a body, and the body otherwise', () => {
    expect(sampleOf('deleteTrimbleCredentials', 'curl')).toContain(`-w '%{http_code}\\n'`);
    expect(sampleOf('deleteTrimbleCredentials', 'Python')).toContain('print(response.status_code)');
    expect(sampleOf('getTrimbleCredentials', 'Python')).toContain('print(json.dumps(response.json(), indent=2))');
  });

  it('write the authenticate kind at its own server, with no token, and its body', () => {
    const { spec: withAuth, operation } = withAuthenticate(spec);
    const facts = sampleFacts(withAuth, operation);
    expect(placeholdersOf(facts)).toEqual(['https://api.withleaf.io/api']);
    const rendered = renderCodeSamples(withAuth).filter((sample) => sample.operationId === 'authenticate');
    expect(rendered.map((sample) => sample.file)).toEqual([
      'curl/authenticate.sh',
      'python/authenticate.py',
      'javascript/authenticate.js',
      'typescript/authenticate.ts',
    ]);
    const [curl, python, javascript] = rendered.map((sample) => sample.source);
    expect(curl).toContain("'https://api.withleaf.io/api/authenticate'");
    expect(curl).toContain(
      `-d '{"username": "you@example.com", "password": "it'\\''s-a-secret", "rememberMe": "true"}'`,
    );
    expect(curl).not.toContain('Authorization');
    expect(python).toContain('requests.post(endpoint, json=data)');
    // Biome may break the call chain across lines: `axios\n  .post(...)`.
    expect(javascript).toMatch(/axios\s*\.post\(endpoint, data\)/);
  });

  it('refuse an operation whose x-leaf-helper is unknown, naming it', () => {
    const copy = structuredClone(spec);
    const operation = listOperations(copy)[0]!;
    operation.operation['x-leaf-helper'] = 'listAll';
    expect(() => renderCodeSamples(copy)).toThrow(`${operation.operationId} must state its helper`);
  });

  it('refuse a create whose body has no example, naming it', () => {
    const copy = structuredClone(spec);
    const create = listOperations(copy).find((operation) => operation.operation['x-leaf-helper'] === 'create')!;
    const schemaName = /[^/]+$/.exec(
      JSON.stringify(create.operation.requestBody).match(/#\/components\/schemas\/[^"]+/)![0],
    )![0];
    delete (copy.components.schemas![schemaName] as Record<string, unknown>).example;
    expect(() => renderCodeSamples(copy)).toThrow(`${create.operationId}'s request body has no example`);
  });

  it('set x-codeSamples on each operation of a spec', () => {
    const copy = structuredClone(spec);
    for (const { operation } of listOperations(copy)) delete operation['x-codeSamples'];
    expect(withCodeSamples(copy)).toEqual(spec);
  });
});

describe('the TypeScript samples read the spec model', () => {
  const model = specModel(spec);
  const ofHelper = (...helpers: string[]) =>
    operations.filter((operation) => helpers.includes(leafHelperOf(operation))).map(({ operationId }) => operationId);

  it.each(ofHelper('list', 'events'))('%s: one page if the model pages it, else the whole list', (operationId) => {
    const paged = model.operation(operationId).paging !== undefined;
    expect(sampleOf(operationId, 'TypeScript').includes('const page = await')).toBe(paged);
  });

  it('show a paged list as a page even when its query parameters document no example', () => {
    const copy = structuredClone(spec);
    const list = listOperations(copy).find((operation) => operation.operationId === 'listLeafUsers')!;
    // Only page and size, neither with an example: nothing for the sample to pass, yet a paged list.
    list.operation.parameters = ['Page', 'Size'].map((name) => ({ $ref: `#/components/parameters/${name}` }));
    for (const name of ['Page', 'Size']) delete (copy.components.parameters![name] as Record<string, unknown>).example;
    expect(typescript.list(sampleFacts(copy, list))).toContain('const page = await leaf.users.list();');
  });

  it.each(ofHelper('delete'))('%s: says what it deleted in the words of its summary', (operationId) => {
    const summary = model.operation(operationId).source.operation.summary as string;
    expect(sampleOf(operationId, 'TypeScript')).toContain(`console.log('${summary.replace(/^Delete/, 'Deleted')}.');`);
  });
});

describe('the committed samples are checked for freshness', () => {
  const dir = mkdtempSync(join(tmpdir(), 'code-samples-'));

  it('finds a changed, a missing and a left-over file, and none once written', () => {
    writeCodeSamples(dir, samples);
    expect(staleCodeSamples(dir, samples)).toEqual([]);
    const [changed, missing] = samples;
    writeFileSync(join(dir, changed!.file), `${changed!.source}# edited by hand\n`);
    writeFileSync(join(dir, missing!.file), '');
    mkdirSync(join(dir, 'curl'), { recursive: true });
    writeFileSync(join(dir, 'curl', 'removedOperation.sh'), 'curl ...\n');
    expect(staleCodeSamples(dir, samples)).toEqual([changed!.file, missing!.file, 'curl/removedOperation.sh'].sort());
    writeCodeSamples(dir, samples);
    expect(staleCodeSamples(dir, samples)).toEqual([]);
    expect(readFileSync(join(dir, changed!.file), 'utf8')).toBe(changed!.source);
  });
});

describe('literals', () => {
  const value = { name: "O'Brien", nested: { on: true, off: false, none: null, count: 3 }, list: ['a'], empty: {} };

  it('quote for sh so a single quote survives', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('write Python and JavaScript literals', () => {
    expect(pythonLiteral(value)).toBe(
      "{\n    'name': 'O\\'Brien',\n    'nested': {\n        'on': True,\n        'off': False,\n        'none': None,\n        'count': 3,\n    },\n    'list': [\n        'a',\n    ],\n    'empty': {},\n}",
    );
    expect(javascriptLiteral({ 'x-y': 'v', ok: 1 })).toBe("{\n  'x-y': 'v',\n  ok: 1,\n}");
  });
});

describe("which requests carry the bearer token: the spec model's security rule", () => {
  const [first] = operations;
  it.each([
    { name: 'the document requires it', security: undefined, bearer: true },
    { name: 'security: [] opts out', security: [], bearer: false },
    { name: 'security: [{}] allows anonymous', security: [{}], bearer: false },
    { name: 'anonymous or a token', security: [{}, { bearerAuth: [] }], bearer: false },
  ])('$name', ({ security, bearer }) => {
    const copy = structuredClone(spec);
    const operation = listOperations(copy).find((candidate) => candidate.operationId === first!.operationId)!;
    if (security !== undefined) operation.operation.security = security;
    expect(sampleFacts(copy, operation).bearer).toBe(bearer);
  });
});

describe("the sample languages: redocly.yaml's menu, each with its writer", () => {
  const configWith = (languages: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'sample-languages-')), 'redocly.yaml');
    writeFileSync(path, `openapi:\n  codeSamples:\n    languages:\n${languages}`);
    return path;
  };
  const ALL = [
    '      - lang: curl\n        label: cURL\n',
    '      - lang: Python\n',
    '      - lang: JavaScript\n',
    '      - lang: TypeScript\n',
  ];

  it("are the repo config's, in its order", () => {
    expect(SAMPLE_LANGUAGES.map(({ lang, label }) => label ?? lang)).toEqual([
      'cURL',
      'Python',
      'JavaScript',
      'TypeScript',
    ]);
  });

  it.each([
    {
      name: 'in the order the config lists them',
      languages: [ALL[3], ALL[0], ALL[1], ALL[2]].join(''),
      expected: ['TypeScript', 'curl', 'Python', 'JavaScript'],
    },
    {
      name: 'a listed language without a writer',
      languages: `${ALL.join('')}      - lang: Go\n`,
      error: 'Go has no writer',
    },
    { name: 'a writer the docs do not list', languages: ALL.slice(1).join(''), error: 'curl is not listed' },
  ])('$name', ({ languages, expected, error }) => {
    const read = () => sampleLanguages(configWith(languages!)).map(({ lang }) => lang);
    if (error) expect(read).toThrow(error);
    else expect(read()).toEqual(expected);
  });
});
