/**
 * redocly.yaml's code-sample languages, read back for the sample writers and the
 * docs' tests: in the file's order, each shown by its label, else its lang; a
 * file without any fails naming itself.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeSampleLabel, codeSampleLanguages } from '../../src/spec/redocly-config.js';

/** A redocly.yaml with `body` as its text. */
function configFile(body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'redocly-config-')), 'redocly.yaml');
  writeFileSync(file, body);
  return file;
}

describe('codeSampleLanguages', () => {
  it('lists the languages in the order redocly.yaml gives them', () => {
    const file = configFile(
      'openapi:\n  codeSamples:\n    languages:\n      - lang: curl\n        label: cURL\n      - lang: Python\n',
    );
    expect(codeSampleLanguages(file)).toEqual([{ lang: 'curl', label: 'cURL' }, { lang: 'Python' }]);
  });

  it.each([
    ['no openapi section', 'rules: {}\n'],
    ['no languages', 'openapi:\n  codeSamples: {}\n'],
    ['an empty list', 'openapi:\n  codeSamples:\n    languages: []\n'],
  ])('fails naming the file when it has %s', (_case, body) => {
    const file = configFile(body);
    expect(() => codeSampleLanguages(file)).toThrow(`${file} sets no openapi.codeSamples.languages.`);
  });

  it("reads the repository's redocly.yaml by default", () => {
    expect(codeSampleLanguages().length).toBeGreaterThan(0);
  });
});

describe('codeSampleLabel', () => {
  it.each([
    [{ lang: 'curl', label: 'cURL' }, 'cURL'],
    [{ lang: 'Python' }, 'Python'],
  ])('shows %o as %s', (language, label) => {
    expect(codeSampleLabel(language)).toBe(label);
  });
});
