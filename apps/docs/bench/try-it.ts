/**
 * `npm run bench:try-it --workspace @leaf-credentials/docs`: what the Try-it
 * panels cost the page, not a test. Builds the page without the panels (Redoc
 * alone) and with them, optionally adds each `--candidate name=bundle.js[,styles.css]`
 * (a console such as Scalar's or Stoplight Elements', inlined into the Redoc-only
 * page as it would have to be for an offline file), and prints each page's size
 * and its median time to the first rendered path in Chromium, measured in turns
 * (A, B, C, A, B, C, ...) so a busy machine slows every page alike. `--runs N`
 * sets the turns (default 5).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { listOperations, readBundledSpec } from '@leaf-credentials/spec';
import { type Browser, chromium } from 'playwright-core';
import { buildDocs } from '../src/build.js';
import { embedBeforeBodyEnd } from '../src/try-it/embed.js';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
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

/** Milliseconds from opening `file` to the first operation's section showing its request sample. */
async function firstPath(browser: Browser, file: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    const operation = listOperations(readBundledSpec())[0]!;
    const opened = performance.now();
    await page.goto(pathToFileURL(file).href);
    // Hydrated: before then a sidebar click leaves the page (see test/browser.test.ts).
    await page.waitForFunction(
      () => {
        const link = document.querySelector('[data-component-name="Menu/Menu"] a');
        return link !== null && Object.keys(link).some((key) => key.startsWith('__reactProps'));
      },
      undefined,
      { timeout: 60_000 },
    );
    const link = page.locator(`[data-component-name="Menu/Menu"] a:has([data-text="${operation.operation.summary}"])`);
    if (!(await link.isVisible())) {
      await page.locator('[data-component-name="Menu/Menu"] a', { hasText: operation.tags[0]! }).first().click();
    }
    await link.click({ timeout: 60_000 });
    const href = (await link.getAttribute('href'))?.replace(/^#/, '');
    await page
      .locator(`[data-section-id="${href}"] pre[data-testid="source-code"]`)
      .first()
      .waitFor({ timeout: 60_000 });
    return performance.now() - opened;
  } finally {
    await page.close();
  }
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

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
const times = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
try {
  for (let turn = 0; turn < runs; turn++) {
    for (const variant of variants) times.get(variant.name)!.push(await firstPath(browser, variant.file));
  }
} finally {
  await browser.close();
}

const baseBytes = statSync(baseline).size;
const baseTime = median(times.get(variants[0]!.name)!);
console.log(`\nThe page's size and its median time to the first rendered path (${runs} turns, Chromium):\n`);
for (const variant of variants) {
  const bytes = statSync(variant.file).size;
  const time = median(times.get(variant.name)!);
  const growth = (((bytes - baseBytes) / baseBytes) * 100).toFixed(1);
  console.log(
    `  ${variant.name.padEnd(34)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB (${growth.padStart(5)}%)  ` +
      `${time.toFixed(0).padStart(6)} ms (${(time / baseTime).toFixed(2)}× Redoc alone)`,
  );
}
