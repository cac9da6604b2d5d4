/**
 * The code samples on the docs page, checked as a reader would use them. Every
 * sample is type-checked (TypeScript, one tsc program) or parsed (JavaScript,
 * Python, cURL). One sample per helper kind (get, create, delete, ...) in each
 * language runs against the seeded sandbox `npm start` serves and must do what
 * the docs promise: the samples of a kind come from one template and differ
 * only by the provider's data, so which provider runs rotates with the
 * language. Samples that are broken the way Leaf's published ones are must fail
 * these checks.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileFunction } from 'node:vm';
import {
  exampleLeafUserId,
  leafHelperOf,
  listOperations,
  localBasePath,
  readBundledSpec,
  SPEC_PATH,
} from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import { codeSampleLabel, codeSampleLanguages } from '@leaf-credentials/tooling/redocly-config';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RecordingProxy, startRecordingProxy } from './recording-proxy.js';
import {
  type CodeSample,
  type CompiledTypeScript,
  compileTypeScriptSamples,
  listCodeSamples,
  missingPlaceholders,
  problemsWithRun,
  runnerFor,
  runPythonSamples,
  runSampleSource,
  type SampleRun,
  substitute,
} from './sample-runner.js';

const spec = readBundledSpec();
const samples = listCodeSamples(spec);
const validator = createResponseValidator(spec);
const languages = codeSampleLanguages();
const CODE_SAMPLES_DIR = join(dirname(SPEC_PATH), 'code-samples');
const leafUserId = exampleLeafUserId(spec);
const token = 'code-sample.test.token';
const typescriptSamples = samples.filter((sample) => sample.lang === 'TypeScript');

const sampleName = (sample: CodeSample) => `${sample.operation.operationId}-${sample.lang.toLowerCase()}`;
/** In the sandbox each run has a token of its own, so it starts from the seed whatever ran before. */
const tokenFor = (name: string) => `${token}.${name}`;

/**
 * The samples that run: for each language, one of each helper kind, the i-th language taking
 * the i-th operation of the kind (wrapping), so the languages between them run several providers.
 */
function runnableSamples(): CodeSample[] {
  const kinds = new Map<string, string[]>();
  for (const operation of listOperations(spec)) {
    const helper = leafHelperOf(operation);
    kinds.set(helper, [...(kinds.get(helper) ?? []), operation.operationId]);
  }
  const langs = [...new Set(samples.map((sample) => sample.lang))];
  return langs.flatMap((lang, index) =>
    [...kinds.values()].map((operationIds) => sampleOf(operationIds[index % operationIds.length]!, lang)),
  );
}

const runnable = runnableSamples();

let proxy: RecordingProxy;
const substituted = (sample: CodeSample, source: string, name: string) =>
  substitute(source, spec, sample.operation, { baseUrl: proxy.baseUrlFor(name), token: tokenFor(name), leafUserId });

let compiled: CompiledTypeScript;
let typescriptRuns: Map<string, SampleRun>;
let pythonRuns: Map<string, SampleRun>;
/** Every sample of `lang`, substituted: all are type-checked or parsed, whether they run or not. */
const asWritten = (lang: string) =>
  samples
    .filter((sample) => sample.lang === lang)
    .map((sample) => ({ name: sampleName(sample), source: substituted(sample, sample.source, sampleName(sample)) }));
const running = (lang: string) => {
  const names = new Set(runnable.filter((sample) => sample.lang === lang).map(sampleName));
  return asWritten(lang).filter(({ name }) => names.has(name));
};
beforeAll(async () => {
  // The client signs in at its base URL's origin, so a sample's sign-in arrives without the sample's label.
  const signIn = listOperations(spec).find((operation) => leafHelperOf(operation) === 'authenticate');
  const unlabeled = signIn ? [`${localBasePath(spec, signIn)}${signIn.path}`] : [];
  proxy = await startRecordingProxy(inject('sandboxUrl'), unlabeled);
  for (const lang of ['TypeScript', 'Python']) {
    const missing = runnerFor(lang).missing();
    if (missing) throw new Error(missing);
  }
  // The costly starts, once: one tsc program type-checks every TypeScript sample, one node runs
  // the emitted output of those that run, one Python interpreter runs the Python ones.
  compiled = compileTypeScriptSamples(asWritten('TypeScript'));
  typescriptRuns = await compiled.runAll(running('TypeScript').map(({ name }) => name));
  pythonRuns = await runPythonSamples(running('Python'));
}, 180_000);
afterAll(() => proxy?.close());

/**
 * Runs a sample's text against the sandbox through the proxy; returns what went wrong. The
 * TypeScript and Python samples as written come from the batches; an edited copy runs on its own.
 */
async function problemsRunning(sample: CodeSample, source: string, name = sampleName(sample)): Promise<string[]> {
  const missing = runnerFor(sample.lang).missing();
  if (missing) throw new Error(missing);
  const unreplaceable = missingPlaceholders(source, spec, sample.operation, sample.lang);
  if (unreplaceable.length > 0) return [`does not contain ${unreplaceable.join(', ')} for the reader to replace`];
  const asWrittenRun = source === sample.source && name === sampleName(sample);
  const run: SampleRun =
    asWrittenRun && sample.lang === 'TypeScript'
      ? typescriptRuns.get(name)!
      : asWrittenRun && sample.lang === 'Python'
        ? pythonRuns.get(name)!
        : await runSampleSource(sample.lang, name, substituted(sample, source, name));
  return problemsWithRun(sample.lang, spec, sample.operation, run, proxy.exchangesOf(name), leafUserId, validator);
}

/** Syntax errors of the samples of `lang` that no compiler checks: each `sample: error`, empty when all parse. */
function parseErrors(lang: string, ofLang = samples.filter((sample) => sample.lang === lang)): string[] {
  if (lang === 'JavaScript') {
    // The samples are CommonJS (runnerFor: .cjs): compiled with CommonJS's wrapper, in-process.
    return ofLang.flatMap((sample) => {
      try {
        compileFunction(sample.source, ['exports', 'require', 'module', '__filename', '__dirname']);
        return [];
      } catch (error) {
        return [`${sampleName(sample)}: ${(error as Error).message}`];
      }
    });
  }
  // One process for all: bash checks each cURL sample with `bash -n`, Python parses each Python one.
  const named = ofLang.flatMap((sample) => [sampleName(sample), sample.source]);
  const run =
    lang === 'curl'
      ? spawnSync('bash', ['-c', BASH_PARSE, 'bash', ...named], { encoding: 'utf8' })
      : spawnSync(process.env.PYTHON ?? 'python3', ['-c', PYTHON_PARSE, ...named], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}${run.error?.message ?? ''}`.split('\n').filter((line) => line.trim() !== '');
}

/** Arguments: name, source, name, source...; prints `name: error` for each that does not parse. */
const BASH_PARSE = 'while [ $# -gt 0 ]; do bash -n -c "$2" 2>&1 | sed "s|^|$1: |"; shift 2; done';
const PYTHON_PARSE = `import ast, sys
args = sys.argv[1:]
for name, source in zip(args[0::2], args[1::2]):
    try:
        ast.parse(source, name)
    except SyntaxError as error:
        print(f"{name}: {error}")
`;

function sampleOf(operationId: string, lang: string): CodeSample {
  const sample = samples.find(
    (candidate) => candidate.operation.operationId === operationId && candidate.lang === lang,
  );
  if (!sample) throw new Error(`No ${lang} sample for ${operationId}.`);
  return sample;
}

describe('the code samples in the docs', () => {
  it('cover every operation in every language the page offers, in menu order', () => {
    const operationIds = [...new Set(samples.map((sample) => sample.operation.operationId))];
    expect(operationIds.length).toBeGreaterThan(0);
    for (const operationId of operationIds) {
      const labels = samples
        .filter((sample) => sample.operation.operationId === operationId)
        .map((sample) => sample.label);
      expect(labels, operationId).toEqual(languages.map(codeSampleLabel));
    }
    expect(samples).toHaveLength(listOperations(spec).length * languages.length);
  });

  it('are the files in spec/code-samples/<language>/<operationId>.<ext>, and no file is left unused', () => {
    const files = readdirSync(CODE_SAMPLES_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
    for (const sample of samples) {
      const dir = join(CODE_SAMPLES_DIR, sample.lang.toLowerCase());
      const file = files.find(
        (candidate) =>
          dirname(candidate) === dir && candidate.startsWith(join(dir, `${sample.operation.operationId}.`)),
      );
      expect(file, `${sample.lang} sample of ${sample.operation.operationId}`).toBeDefined();
      expect(sample.source).toBe(readFileSync(file!, 'utf8'));
    }
    expect(files).toHaveLength(samples.length);
  });

  it('TypeScript samples type-check against the built client, all in one tsc program', () => {
    expect(typescriptSamples.length).toBeGreaterThan(0);
    expect(compiled.diagnostics).toBe('');
  });
});

describe('every code sample parses', () => {
  it.each(['JavaScript', 'Python', 'curl'])('%s', (lang) => {
    expect(samples.some((sample) => sample.lang === lang)).toBe(true);
    expect(parseErrors(lang)).toEqual([]);
  });
});

describe('one code sample per helper kind and language, run against the seeded sandbox (what npm start serves)', () => {
  it('runs every helper kind in every language', () => {
    const runs = new Set(runnable.map((sample) => `${sample.lang} ${leafHelperOf(sample.operation)}`));
    const all = new Set(samples.map((sample) => `${sample.lang} ${leafHelperOf(sample.operation)}`));
    expect([...runs].sort()).toEqual([...all].sort());
  });

  describe.concurrent('each', () => {
    it.each(runnable.map((sample) => [`${sample.label} ${sample.operation.operationId}`, sample] as const))(
      '%s exits 0, calls its operation, gets the documented status and prints what the spec documents',
      async (_name, sample) => {
        expect(await problemsRunning(sample, sample.source)).toEqual([]);
      },
    );
  });
});

describe.concurrent('a broken code sample fails the checks', () => {
  it.each([
    { lang: 'JavaScript', operationId: 'getTrimbleCredentials', break: (source: string) => `${source}\n})();` },
    { lang: 'Python', operationId: 'getTrimbleCredentials', break: (source: string) => source.replace(/\)\s*$/, '') },
    { lang: 'curl', operationId: 'getTrimbleCredentials', break: (source: string) => `${source}'` },
  ])('a $lang sample that does not parse', ({ lang, operationId, break: breakSource }) => {
    const sample = sampleOf(operationId, lang);
    const broken = breakSource(sample.source);
    expect(broken).not.toBe(sample.source);
    expect(parseErrors(lang, [{ ...sample, source: broken }])).toEqual([
      expect.stringMatching(new RegExp(`^${sampleName(sample)}: `)),
    ]);
  });

  it('a cURL POST whose -d line lost its backslash (the URL becomes a second command)', async () => {
    const sample = sampleOf('createTrimbleCredentials', 'curl');
    const broken = sample.source.replace(/(-d '[^\n]*') \\\n/, '$1\n');
    expect(broken).not.toBe(sample.source);
    expect(await problemsRunning(sample, broken, 'broken-curl-backslash')).toContainEqual(
      expect.stringMatching(/^exited with 2: curl: no URL specified/),
    );
  });

  it('a cURL POST without Content-Type (curl sends a form, the API answers 415)', async () => {
    const sample = sampleOf('createTrimbleCredentials', 'curl');
    const broken = sample.source.replace(/ *-H 'Content-Type: application\/json' \\\n/, '');
    expect(broken).not.toBe(sample.source);
    expect(await problemsRunning(sample, broken, 'broken-curl-content-type')).toContainEqual(
      expect.stringMatching(/^got status 415/),
    );
  });

  it('a Python DELETE that reads a JSON body from the 204', async () => {
    const sample = sampleOf('deleteTrimbleCredentials', 'Python');
    const broken = sample.source.replace('print(response.status_code)', 'print(response.json())');
    expect(broken).not.toBe(sample.source);
    expect(await problemsRunning(sample, broken, 'broken-python-delete')).toContainEqual(
      expect.stringMatching(/^exited with 1: .*JSONDecodeError/s),
    );
  });

  it('a Python DELETE that prints the reason phrase instead of the status', async () => {
    const sample = sampleOf('deleteTrimbleCredentials', 'Python');
    const broken = sample.source.replace('print(response.status_code)', 'print(response.reason)');
    expect(broken).not.toBe(sample.source);
    expect(await problemsRunning(sample, broken, 'broken-python-delete-reason')).toContainEqual(
      'printed "No Content", not the status 204',
    );
  });

  it('a TypeScript DELETE that prints what the helper resolves to', async () => {
    const sample = sampleOf('deleteTrimbleCredentials', 'TypeScript');
    const broken = sample.source.replace(
      /await (leaf\.trimble\.delete\([^)]*\));\nconsole\.log\([^)]*\);/,
      'console.log(await $1);',
    );
    expect(broken).not.toBe(sample.source);
    expect(await problemsRunning(sample, broken, 'broken-typescript-delete')).toContainEqual(
      expect.stringMatching(/^printed "undefined" for a 204 response/),
    );
  });

  it('a JavaScript GET that calls another operation', async () => {
    const sample = sampleOf('getTrimbleCredentials', 'JavaScript');
    const broken = sample.source.replace('/trimble-credentials', '/trimble-credentials/events');
    expect(broken).not.toBe(sample.source);
    expect(await problemsRunning(sample, broken, 'broken-javascript-path')).toContainEqual(
      expect.stringMatching(/^called GET \/users\/[^ ]+\/trimble-credentials\/events, not GET/),
    );
  });
});
