/**
 * The docs' settings that live in the repo's redocly.yaml (its `openapi:`
 * section), read back for the build and the tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@leaf-credentials/tooling';
import { parse } from 'yaml';

// build-docs runs in REPO_ROOT, so redocly.yaml's paths (such as `htmlTemplate`) are relative to it.
const REDOCLY_CONFIG_PATH = join(REPO_ROOT, 'redocly.yaml');

/** An entry of `openapi.codeSamples.languages`: Redoc shows only samples whose lang or label matches one. */
export interface CodeSampleLanguage {
  lang: string;
  label?: string;
}

/** The request-sample languages the page offers, in menu order. */
export function codeSampleLanguages(configPath: string = REDOCLY_CONFIG_PATH): CodeSampleLanguage[] {
  const config = parse(readFileSync(configPath, 'utf8')) as {
    openapi?: { codeSamples?: { languages?: CodeSampleLanguage[] } };
  };
  const languages = config.openapi?.codeSamples?.languages;
  if (!languages?.length) throw new Error(`${configPath} sets no openapi.codeSamples.languages.`);
  return languages;
}

/** What the language menu shows for a language. */
export function codeSampleLabel(language: CodeSampleLanguage): string {
  return language.label ?? language.lang;
}
