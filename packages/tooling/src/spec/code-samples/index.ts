/**
 * The docs' code samples, generated: one template per language and operation
 * kind (templates/), filled in with each operation's facts (facts.ts). They
 * are written to spec/code-samples/<dir>/<operationId>.<ext> (committed, so
 * they show in reviews and can be run by hand) and embedded in the bundle as
 * each operation's `x-codeSamples`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { BundledSpec } from '@leaf-credentials/spec';
import { formatWithBiome } from '../../index.js';
import { codeSampleLanguages, REDOCLY_CONFIG_PATH } from '../redocly-config.js';
import { listSampleFacts, type SampleFacts } from './facts.js';
import { curl } from './templates/curl.js';
import { javascript } from './templates/javascript.js';
import { python } from './templates/python.js';
import type { LanguageTemplates } from './templates/template.js';
import { typescript } from './templates/typescript.js';

export * from './facts.js';

/** How one language's samples are written: its templates and where its files go. */
interface LanguageWriter {
  /** Folder under code-samples/ and file extension. */
  dir: string;
  extension: string;
  templates: LanguageTemplates;
  /** Biome lays these out (as it does every JS/TS file we write); Python and shell are not Biome's. */
  formattedByBiome?: true;
  /** Its samples sign in with a username and password (see placeholdersOf) instead of taking a token. */
  signsIn?: true;
}

export interface SampleLanguage extends LanguageWriter {
  /** `x-codeSamples` lang, as redocly.yaml's `openapi.codeSamples.languages` lists it. */
  lang: string;
  label?: string;
}

/** The writer of each language, by its `lang`; which languages the docs offer, and in what order, is redocly.yaml's. */
const WRITERS: Record<string, LanguageWriter> = {
  curl: { dir: 'curl', extension: '.sh', templates: curl },
  Python: { dir: 'python', extension: '.py', templates: python },
  JavaScript: { dir: 'javascript', extension: '.js', templates: javascript, formattedByBiome: true },
  TypeScript: { dir: 'typescript', extension: '.ts', templates: typescript, formattedByBiome: true, signsIn: true },
};

/**
 * The sample languages: redocly.yaml's `openapi.codeSamples.languages` (its one home: the docs'
 * menu shows exactly these, in this order), each with its writer. Throws naming a language that
 * has no writer, or a writer the docs do not offer.
 */
export function sampleLanguages(configPath: string = REDOCLY_CONFIG_PATH): SampleLanguage[] {
  const listed = codeSampleLanguages(configPath);
  const unwritten = listed.filter(({ lang }) => !WRITERS[lang]).map(({ lang }) => lang);
  const unlisted = Object.keys(WRITERS).filter((lang) => !listed.some((language) => language.lang === lang));
  if (unwritten.length > 0 || unlisted.length > 0) {
    throw new Error(
      `${configPath}'s openapi.codeSamples.languages and the sample writers (code-samples/index.ts) differ: ` +
        `${[...unwritten.map((lang) => `${lang} has no writer`), ...unlisted.map((lang) => `${lang} is not listed`)].join('; ')}.`,
    );
  }
  return listed.map(({ lang, label }) => ({ lang, ...(label ? { label } : {}), ...WRITERS[lang]! }));
}

/** The languages, in the docs' menu order. */
export const SAMPLE_LANGUAGES: SampleLanguage[] = sampleLanguages();

/** Whether the samples in `lang` sign in (the TypeScript client's `auth`) rather than send a token. */
export function signsIn(lang: string): boolean {
  return SAMPLE_LANGUAGES.some((language) => language.lang === lang && language.signsIn === true);
}

export interface GeneratedSample {
  operationId: string;
  lang: string;
  label?: string;
  /** Relative to the code-samples folder, e.g. `curl/getTrimbleCredentials.sh`. */
  file: string;
  source: string;
}

function render(facts: SampleFacts, language: SampleLanguage): GeneratedSample {
  const { operationId } = facts.operation;
  return {
    operationId,
    lang: language.lang,
    ...(language.label ? { label: language.label } : {}),
    file: `${language.dir}/${operationId}${language.extension}`,
    source: language.templates[facts.helper](facts),
  };
}

/** Where a sample is committed, relative to the repo root: Biome's overrides and import order go by path. */
const repoPath = (sample: GeneratedSample) => `spec/code-samples/${sample.file}`;

/** The samples with those of Biome's languages formatted, all in one Biome run. */
function formatted(samples: GeneratedSample[]): GeneratedSample[] {
  const biomeDirs = new Set(SAMPLE_LANGUAGES.filter((language) => language.formattedByBiome).map(({ dir }) => dir));
  const ofBiome = samples.filter((sample) => biomeDirs.has(sample.file.split('/')[0]!));
  const layout = formatWithBiome(Object.fromEntries(ofBiome.map((sample) => [repoPath(sample), sample.source])));
  return samples.map((sample) => ({ ...sample, source: layout[repoPath(sample)] ?? sample.source }));
}

/** Every sample of every operation, operations in document order, languages in menu order. */
export function renderCodeSamples(spec: BundledSpec): GeneratedSample[] {
  return formatted(
    listSampleFacts(spec).flatMap((facts) => SAMPLE_LANGUAGES.map((language) => render(facts, language))),
  );
}

/** The spec with each operation's `x-codeSamples` set to its generated samples. */
export function withCodeSamples<T extends BundledSpec>(
  spec: T,
  samples: GeneratedSample[] = renderCodeSamples(spec),
): T {
  for (const pathItem of Object.values(spec.paths)) {
    for (const operation of Object.values(pathItem) as Array<Record<string, unknown>>) {
      const own = samples.filter((sample) => sample.operationId === operation?.operationId);
      if (own.length === 0) continue;
      operation['x-codeSamples'] = own.map(({ lang, label, source }) => ({
        lang,
        ...(label ? { label } : {}),
        source,
      }));
    }
  }
  return spec;
}

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Files under `dir` that differ from the samples, are missing, or are left over. */
export function staleCodeSamples(dir: string, samples: GeneratedSample[]): string[] {
  const expected = new Set(samples.map((sample) => sample.file));
  const differing = samples
    .filter(
      (sample) => !existsSync(join(dir, sample.file)) || readFileSync(join(dir, sample.file), 'utf8') !== sample.source,
    )
    .map((sample) => sample.file);
  const leftOver = filesIn(dir).filter((file) => !expected.has(file));
  return [...differing, ...leftOver].sort();
}

/** Writes the samples to `dir` and removes files no operation has any more. */
export function writeCodeSamples(dir: string, samples: GeneratedSample[]): void {
  const expected = new Set(samples.map((sample) => sample.file));
  for (const file of filesIn(dir)) if (!expected.has(file)) rmSync(join(dir, file));
  for (const sample of samples) {
    mkdirSync(dirname(join(dir, sample.file)), { recursive: true });
    writeFileSync(join(dir, sample.file), sample.source);
  }
}
