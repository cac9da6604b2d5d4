/**
 * What the repo's redocly.yaml says that the tooling and the docs read back: the
 * docs' code-sample languages (the code samples are written for them; the docs'
 * tests click through them by label).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../repo.js';

export const REDOCLY_CONFIG_PATH = join(REPO_ROOT, 'redocly.yaml');

/** An entry of `openapi.codeSamples.languages`: Redoc shows only samples whose lang or label matches one. */
export interface CodeSampleLanguage {
  lang: string;
  label?: string;
}

/** The request-sample languages the docs offer, in menu order. */
export function codeSampleLanguages(configPath: string = REDOCLY_CONFIG_PATH): CodeSampleLanguage[] {
  const config = parse(readFileSync(configPath, 'utf8')) as {
    openapi?: { codeSamples?: { languages?: CodeSampleLanguage[] } };
  };
  const languages = config.openapi?.codeSamples?.languages;
  if (!languages?.length) throw new Error(`${configPath} sets no openapi.codeSamples.languages.`);
  return languages;
}

/** What the docs' language menu shows for a language. */
export function codeSampleLabel(language: CodeSampleLanguage): string {
  return language.label ?? language.lang;
}
