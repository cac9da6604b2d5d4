/**
 * Every code sample on the docs page is run against the mock, and against the
 * seeded sandbox `npm start` serves, as a reader would run it, and must do what
 * the docs promise. Samples that are broken the way Leaf's published ones are
 * must fail these checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  exampleLeafUserId,
  leafHelperOf,
  listOperations,
  localBasePath,
  readBundledSpec,
  SPEC_PATH,
} from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { codeSampleLabel, codeSampleLanguages } from '../src/redoc-config.js';
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

type Target = 'mock' | 'sandbox';
const TARGETS: Target[] = ['mock', 'sandbox'];
const sampleName = (sample: CodeSample) => `${sample.operation.operationId}-${sample.lang.toLowerCase()}`;
const runName = (sample: CodeSample, target: Target) =>
  target === 'mock' ? sampleName(sample) : `${sampleName(sample)}-sandbox`;
/** In the sandbox each run has a token of its own, so it starts from the seed whatever ran before. */
const tokenFor = (target: Target, name: string) => (target === 'mock' ? token : `${token}.${name}`);

const proxies = {} as Record<Target, RecordingProxy>;
const substituted = (sample: CodeSample, source: string, name: string, target: Target) =>
  substitute(source, spec, sample.operation, {
    baseUrl: proxies[target].baseUrlFor(name),
    token: tokenFor(target, name),
    leafUserId,
  });

let compiled: CompiledTypeScript;
let typescriptRuns: Map<string, SampleRun>;
let pythonRuns: Map<string, SampleRun>;
const asWritten = (lang: string) =>
  TARGETS.flatMap((target) =>
    samples
      .filter((sample) => sample.lang === lang)
      .map((sample) => ({
        name: runName(sample, target),
        source: substituted(sample, sample.source, runName(sample, target), target),
      })),
  );
beforeAll(async () => {
  // The client signs in at its base URL's origin, so a sample's sign-in arrives without the sample's label.
  const signIn = listOperations(spec).find((operation) => leafHelperOf(operation) === 'authenticate');
  const unlabeled = signIn ? [`${localBasePath(spec, signIn)}${signIn.path}`] : [];
  [proxies.mock, proxies.sandbox] = await Promise.all([
    startRecordingProxy(inject('mockUrl'), unlabeled),
    startRecordingProxy(inject('sandboxUrl'), unlabeled),
  ]);
  for (const lang of ['TypeScript', 'Python']) {
    const missing = runnerFor(lang).missing();
    if (missing) throw new Error(missing);
  }
  // The costly starts, once for both targets: one tsc program type-checks and compiles every
  // TypeScript sample, one node runs its output, one Python interpreter runs every Python sample.
  compiled = compileTypeScriptSamples(asWritten('TypeScript'));
  typescriptRuns = await compiled.runAll();
  pythonRuns = await runPythonSamples(asWritten('Python'));
}, 180_000);
afterAll(() => Promise.all(TARGETS.map((target) => proxies[target]?.close())));

/**
 * Runs a sample's text against the mock (or the sandbox) through the proxy; returns what went
 * wrong. The TypeScript and Python samples as written come from the batches; an edited copy
 * runs on its own.
 */
async function problemsRunning(
  sample: CodeSample,
  source: string,
  name = sampleName(sample),
  target: Target = 'mock',
): Promise<string[]> {
  const missing = runnerFor(sample.lang).missing();
  if (missing) throw new Error(missing);
  const unreplaceable = missingPlaceholders(source, spec, sample.operation, sample.lang);
  if (unreplaceable.length > 0) return [`does not contain ${unreplaceable.join(', ')} for the reader to replace`];
  const asWrittenRun = source === sample.source && name === runName(sample, target);
  const run: SampleRun =
    asWrittenRun && sample.lang === 'TypeScript'
      ? typescriptRuns.get(name)!
      : asWrittenRun && sample.lang === 'Python'
        ? pythonRuns.get(name)!
        : await runSampleSource(sample.lang, name, substituted(sample, source, name, target));
  return problemsWithRun(
    sample.lang,
    spec,
    sample.operation,
    run,
    proxies[target].exchangesOf(name),
    leafUserId,
    validator,
  );
}

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

describe.concurrent('each code sample, run against the mock', () => {
  it.each(samples.map((sample) => [`${sample.label} ${sample.operation.operationId}`, sample] as const))(
    '%s exits 0, calls its operation, gets the documented status and prints what the spec documents',
    async (_name, sample) => {
      expect(await problemsRunning(sample, sample.source)).toEqual([]);
    },
  );
});

describe.concurrent('each code sample, run against the seeded sandbox (what npm start serves)', () => {
  it.each(samples.map((sample) => [`${sample.label} ${sample.operation.operationId}`, sample] as const))(
    '%s answers as the docs show',
    async (_name, sample) => {
      expect(await problemsRunning(sample, sample.source, runName(sample, 'sandbox'), 'sandbox')).toEqual([]);
    },
  );
});

describe.concurrent('a broken code sample fails the checks', () => {
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
