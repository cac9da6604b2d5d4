/**
 * Builds the API reference: one self-contained HTML file at dist/index.html,
 * rendered by Redoc from the spec with the settings in the repo's redocly.yaml
 * (its `openapi:` section, including the page template). `--inlineBundle`
 * embeds Redoc itself, so the page needs no CDN.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SPEC_PATH } from '@leaf-credentials/spec';

import { DOCS_HTML_PATH } from './server.js';
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const run = spawnSync('npx', [
  '--no-install',
  'redocly',
  'build-docs',
  SPEC_PATH,
  '--inlineBundle',
  '--output',
  DOCS_HTML_PATH,
], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
process.exit(run.status ?? 1);
