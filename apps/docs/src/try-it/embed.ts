/**
 * Puts the Try-it panels into the built page: the operations' descriptions
 * (JSON, from the spec), the panel's script (src/try-it/panel.ts, bundled by
 * esbuild into one inline script) and its styles, before `</body>`. Everything
 * stays inline, so the page remains one offline file.
 */
import { fileURLToPath } from 'node:url';
import type { BundledSpec } from '@leaf-credentials/spec';
import { buildSync } from 'esbuild';
import { describeTryIt } from './describe.js';
import { LOOPBACK_HOSTS, TRY_IT_DATA_ID } from './request.js';

const PANEL_SCRIPT = fileURLToPath(new URL('./panel.ts', import.meta.url));
const PANEL_STYLES = fileURLToPath(new URL('./panel.css', import.meta.url));

/**
 * The page's `connect-src`: its own origin and the loopback hosts on any port (the
 * sandbox's port is configurable). CSP has no syntax for an IPv6 literal such as [::1].
 */
export const CONNECT_SRC = ["'self'", ...LOOPBACK_HOSTS.map((host) => `http://${host}:*`)].join(' ');

function bundled(entry: string, loader: 'ts' | 'css'): string {
  const result = buildSync({
    entryPoints: [entry],
    bundle: loader === 'ts',
    minify: true,
    format: loader === 'ts' ? 'iife' : undefined,
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const text = result.outputFiles[0]?.text ?? '';
  // Inline, `</script` or `</style` would end the element early.
  if (/<\/(script|style)/i.test(text)) throw new Error(`${entry} bundles to text that closes its inline element.`);
  return text;
}

/** The markup the panels need, for the page of `spec`. */
export function tryItMarkup(spec: BundledSpec): string {
  // `<` escaped: the JSON cannot end its <script> block whatever a summary or example says.
  const data = JSON.stringify(describeTryIt(spec)).replaceAll('<', '\\u003c');
  return [
    `<style>${bundled(PANEL_STYLES, 'css')}</style>`,
    `<script type="application/json" id="${TRY_IT_DATA_ID}">${data}</script>`,
    // A module runs after the page is parsed and after Redoc's own module (which starts hydrating):
    // nothing of the panels' runs before Redoc's work.
    `<script type="module">${bundled(PANEL_SCRIPT, 'ts')}</script>`,
  ].join('\n');
}

/** `html` with `markup` just before its closing body tag. */
export function embedBeforeBodyEnd(html: string, markup: string): string {
  const end = html.lastIndexOf('</body>');
  if (end < 0) throw new Error('The built page has no </body>: the template changed.');
  return `${html.slice(0, end)}${markup}\n${html.slice(end)}`;
}
