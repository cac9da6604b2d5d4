/**
 * Builds the API reference: one self-contained HTML file at dist/index.html,
 * rendered by Redoc from the bundled spec (which carries the generated code
 * samples and sidebar groups) with the settings in the repo's redocly.yaml
 * (its `openapi:` section, including the page template). `--inlineBundle`
 * embeds Redoc itself, so the page needs no CDN.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BUNDLED_SPEC_PATH } from '@leaf-credentials/spec';
import { runLocalBinSync } from '@leaf-credentials/tooling';

import { DOCS_HTML_PATH } from './server.js';

/**
 * Redoc's sidebar attribution renders an <img> from Redocly's CDN, and no
 * option turns it off. The page's CSP would block the load, but the browser
 * would still attempt it; pointing the image at an empty inline SVG means no
 * request is ever made (the template's CSS hides the attribution anyway).
 */
const ATTRIBUTION_IMAGES = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const EMPTY_IMAGE = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E';

const run = runLocalBinSync(
  ['redocly', 'build-docs', BUNDLED_SPEC_PATH, '--inlineBundle', '--output', DOCS_HTML_PATH],
  'inherit',
);
if (run.status !== 0) process.exit(run.status ?? 1);

const html = readFileSync(DOCS_HTML_PATH, 'utf8');
if (!ATTRIBUTION_IMAGES.test(html)) {
  // Redoc changed: the browser test says whether the page now reaches out.
  console.warn(`build-docs: Redoc's attribution image URL was not found in ${DOCS_HTML_PATH}.`);
}
writeFileSync(DOCS_HTML_PATH, html.replace(ATTRIBUTION_IMAGES, EMPTY_IMAGE));
