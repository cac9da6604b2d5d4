/**
 * `npm run bench:try-it --workspace @leaf-credentials/docs`: what the Try-it
 * panels cost the page, not a test. Builds the page without the panels (Redoc
 * alone) and with them, optionally adds each `--candidate name=bundle.js[,styles.css]`
 * (a console such as Scalar's or Stoplight Elements', inlined into the Redoc-only
 * page as it would have to be for an offline file), and prints each page's size
 * and its median first paint, hydration and first rendered path in Chromium (as
 * test/first-path.ts defines them), measured in turns (A, B, C, A, B, C, ...) so a
 * busy machine slows every page alike. `--runs N` sets the turns (default 5).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readBundledSpec } from '@leaf-credentials/spec';
import { type Browser, chromium } from 'playwright-core';
import { buildDocs } from '../src/build.js';
import { embedBeforeBodyEnd } from '../src/try-it/embed.js';
import { type PageTimings, readPageTimings, watchFirstPath } from '../test/first-path.js';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SPEC_PATHS = Object.keys(readBundledSpec().paths);
const WORK = fileURLToPath(new URL('../test-results/bench-try-it/', import.meta.url));

const { values } = parseArgs({
  options: { candidate: { type: 'string', multiple: true, default: [] }, runs: { type: 'string', default: '5' } },
});
const runs = Number(values.runs);

interface Variant {
  name: string;
  file: string;
}

/** The Redoc-only page with a candidate console's files inlined before `</body>`. */
function candidatePage(baseline: string, spec: string): Variant {
  const [name, files] = spec.split('=', 2);
  if (!name || !files) throw new Error(`--candidate ${spec}: write it as name=bundle.js[,styles.css].`);
  const markup = files
    .split(',')
    .map((file) => {
      const text = readFileSync(file, 'utf8').replaceAll('</script', '<\\/script');
      return file.endsWith('.css') ? `<style>${text}</style>` : `<script>${text}</script>`;
    })
    .join('\n');
  const file = join(WORK, `${name}.html`);
  writeFileSync(file, embedBeforeBodyEnd(readFileSync(baseline, 'utf8'), markup));
  return { name, file };
}

/** When the page of `file`, opened fresh, painted first, hydrated and showed its first path (see test/first-path.ts). */
async function timings(browser: Browser, file: string): Promise<PageTimings> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await watchFirstPath(page, SPEC_PATHS);
    await page.goto(pathToFileURL(file).href);
    return await readPageTimings(page, 60_000);
  } finally {
    await page.close();
  }
}

mkdirSync(WORK, { recursive: true });
const baseline = join(WORK, 'redoc-only.html');
const withPanels = join(WORK, 'with-try-it.html');
buildDocs(undefined, baseline, { tryIt: false });
buildDocs(undefined, withPanels);
const variants: Variant[] = [
  { name: 'Redoc alone', file: baseline },
  { name: 'Redoc + our Try-it panels', file: withPanels },
  ...values.candidate.map((candidate) => candidatePage(baseline, candidate)),
];

const browser = await chromium.launch({
  executablePath: CHROME_PATH,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const measured = new Map<string, PageTimings[]>(variants.map((variant) => [variant.name, []]));
try {
  for (let turn = 0; turn < runs; turn++) {
    for (const variant of variants) measured.get(variant.name)!.push(await timings(browser, variant.file));
  }
} finally {
  await browser.close();
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;
const medianOf = (name: string, figure: keyof PageTimings) => median(measured.get(name)!.map((run) => run[figure]));
const baseBytes = statSync(baseline).size;
const base = variants[0]!.name;
const ms = (time: number) => `${time.toFixed(0).padStart(6)} ms`;
const ratio = (name: string, figure: keyof PageTimings) =>
  `(${(medianOf(name, figure) / medianOf(base, figure)).toFixed(2)}×)`;
console.log(
  `\nThe page's size, and the median of ${runs} turns in Chromium (ms after the navigation started, × Redoc alone):\n` +
    `first paint of the prerendered page, hydrated, and first rendered path (an operation's path in the window):\n`,
);
for (const variant of variants) {
  const bytes = statSync(variant.file).size;
  const growth = (((bytes - baseBytes) / baseBytes) * 100).toFixed(1);
  console.log(
    `  ${variant.name.padEnd(34)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB (${growth.padStart(5)}%)  ` +
      `paint ${ms(medianOf(variant.name, 'firstContentfulPaint'))}  ` +
      `hydrated ${ms(medianOf(variant.name, 'hydrated'))} ${ratio(variant.name, 'hydrated')}  ` +
      `first path ${ms(medianOf(variant.name, 'firstPath'))} ${ratio(variant.name, 'firstPath')}`,
  );
}
