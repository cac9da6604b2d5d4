/**
 * Builds the API reference: one self-contained HTML file at dist/index.html,
 * rendered by Redoc from the bundled spec (which carries the generated code
 * samples and sidebar groups) with the settings in the repo's redocly.yaml
 * (its `openapi:` section, including the page template). `--inlineBundle`
 * embeds Redoc itself, so the page needs no CDN.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLED_SPEC_PATH, readBundledSpec } from '@leaf-credentials/spec';
import { runLocalBinSync } from '@leaf-credentials/tooling';

import { DOCS_HTML_PATH } from './server.js';
import { CONNECT_SRC, embedBeforeBodyEnd, tryItMarkup } from './try-it/embed.js';

/**
 * Redoc's sidebar attribution renders an <img> from Redocly's CDN, and no
 * option turns it off. The page's CSP would block the load, but the browser
 * would still attempt it; pointing the image at an empty inline SVG means no
 * request is ever made (the template's CSS hides the attribution anyway).
 */
const ATTRIBUTION_IMAGES = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const EMPTY_IMAGE = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E';

interface BuildOptions {
  /** Add the Try-it panels (default); off, the page is Redoc's alone, the baseline `npm run bench:try-it` compares with. */
  tryIt?: boolean;
}

/** Renders `specPath` (a bundle) into one offline HTML file at `output`; throws when Redoc fails. */
export function buildDocs(
  specPath: string = BUNDLED_SPEC_PATH,
  output: string = DOCS_HTML_PATH,
  { tryIt = true }: BuildOptions = {},
): void {
  const run = runLocalBinSync(
    [
      'redocly',
      'build-docs',
      specPath,
      '--inlineBundle',
      '--output',
      output,
      // The template's Content-Security-Policy: the panels may call the page's origin and loopback only.
      `--templateOptions.connectSrc=${tryIt ? CONNECT_SRC : "'none'"}`,
    ],
    'inherit',
  );
  if (run.status !== 0) throw new Error(`redocly build-docs ${specPath} failed with ${run.status}.`);

  const html = readFileSync(output, 'utf8');
  if (!ATTRIBUTION_IMAGES.test(html)) {
    // Redoc changed: the browser test says whether the page now reaches out.
    console.warn(`build-docs: Redoc's attribution image URL was not found in ${output}.`);
  }
  const page = html.replace(ATTRIBUTION_IMAGES, EMPTY_IMAGE);
  writeFileSync(output, tryIt ? embedBeforeBodyEnd(page, tryItMarkup(readBundledSpec(specPath))) : page);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildDocs();
