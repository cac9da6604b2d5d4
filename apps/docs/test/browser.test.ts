/**
 * The built page in real Chromium, opened from disk with the network off and
 * every non-file request blocked and recorded: it must render the whole
 * reference, with working code-sample menus, without reaching for anything.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  leafHelperOf,
  listOperations,
  productionServerUrl,
  readBundledSpec,
  resolveRef,
  type SpecOperation,
} from '@leaf-credentials/spec';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeSampleLabel, codeSampleLanguages } from '../src/redoc-config.js';
import { DOCS_HTML_PATH } from '../src/server.js';
import { listCodeSamples } from './sample-runner.js';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
/** Redoc runs search in a blob: worker; data: is the inline attribution image. Neither leaves the machine. */
const LOCAL_SCHEMES = ['file:', 'data:', 'blob:'];

const spec = readBundledSpec();
const operations = listOperations(spec);
const samples = listCodeSamples(spec);
const labels = codeSampleLanguages().map(codeSampleLabel);
/**
 * Clicking through every sample of every operation takes over a second an operation: the
 * panels are clicked through for the first operation of each helper kind (they are rendered
 * from one template per kind), and every operation's embedded samples are checked at once.
 */
const clickedThrough = [
  ...new Map([...operations].reverse().map((operation) => [leafHelperOf(operation), operation])).values(),
];
const credentialStatus = spec.components.schemas?.KnownCredentialStatus as {
  enum: string[];
  'x-enumDescriptions': Record<string, string>;
};

let browser: Browser | undefined;
let page: Page;
/** Every URL the page tried to reach that is not on this machine. */
const external = new Set<string>();
/** Uncaught errors in the page's scripts. */
const pageErrors: string[] = [];
const recordIfExternal = (url: string) => {
  if (!LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme))) external.add(url);
};

beforeAll(async () => {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`No Chromium at ${CHROME_PATH}: apt-get install chromium (or set CHROME_PATH).`);
  }
  if (!existsSync(DOCS_HTML_PATH)) throw new Error(`${DOCS_HTML_PATH} is missing: npm run build.`);
  browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ offline: true, viewport: { width: 1400, height: 900 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    recordIfExternal(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.setDefaultTimeout(5_000);
  page.on('request', (request) => recordIfExternal(request.url()));
  page.on('requestfailed', (request) => recordIfExternal(request.url()));
  // A load the page's Content-Security-Policy refuses never reaches the network, so the
  // browser's console report is the only trace of the attempt.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) external.add(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const opened = performance.now();
  await page.goto(pathToFileURL(DOCS_HTML_PATH).href);
  await navigation().getByRole('link').first().waitFor();
  const navigated = performance.now();
  await openOperation(operations[0]!);
  // Figures to read, not timed assertions (the budget is 2 s to the first path; a shared machine varies).
  console.log(
    `docs: navigation shown ${Math.round(navigated - opened)} ms after opening the page, ` +
      `the first path ${Math.round(performance.now() - opened)} ms after`,
  );
});

afterAll(async () => {
  await browser?.close();
});

// Whatever a test did on the page, nothing may have tried to leave the machine or thrown.
afterEach(() => {
  expect([...external]).toEqual([]);
  expect(pageErrors).toEqual([]);
});

interface ResponseObject {
  $ref?: string;
  content?: Record<string, unknown>;
}

/** A response as declared, or the shared one its `$ref` names (`#/components/responses/...`). */
const resolveResponse = (response: ResponseObject) => resolveRef(spec, response) as ResponseObject;

/** What the sidebar calls a tag: its `x-displayName`, else its name. */
function tagLabel(name: string): string {
  const tags = (spec as { tags?: Array<{ name: string; 'x-displayName'?: string }> }).tags ?? [];
  return tags.find((tag) => tag.name === name)?.['x-displayName'] ?? name;
}

/** The sidebar's outermost menu. */
const navigation = () => page.locator('[data-component-name="Menu/Menu"]').first();

/** Clicks the operation in the sidebar and returns its section of the page, once rendered. */
async function openOperation(operation: SpecOperation): Promise<Locator> {
  for (const tag of operation.tags) {
    const tagLink = navigation().getByRole('link', { name: tagLabel(tag), exact: true });
    const operationLink = navigation()
      .getByRole('link')
      .filter({ hasText: String(operation.operation.summary) });
    if (!(await operationLink.isVisible())) await tagLink.click();
  }
  const link = navigation()
    .getByRole('link')
    .filter({ hasText: String(operation.operation.summary) });
  const href = await link.getAttribute('href');
  // Off the sidebar's bottom edge (the last item, e.g. a deprecated operation) its footer covers the link.
  await link.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await link.click();
  const section = page.locator(`[data-section-id="${href?.replace(/^#/, '')}"]`);
  await section.locator('pre[data-testid="source-code"]').first().waitFor();
  return section;
}

/** The request-sample panel: the one with the language menu. */
function requestSamplePanel(section: Locator): Locator {
  return section.locator('[data-testid="right-panel"] [data-component-name="Panel/Panel"]').filter({
    has: page.locator('[data-testid="dropdown"] > button', { hasText: new RegExp(`^(${labels.join('|')})$`) }),
  });
}

function responseSamplePanel(section: Locator): Locator {
  return section
    .locator('[data-testid="right-panel"] [data-component-name="Panel/Panel"]')
    .filter({ hasText: /^\s*Response/ });
}

/** Closes a dropdown: Escape does not, a second click on its button does. */
async function closeMenu(button: Locator): Promise<void> {
  if ((await button.getAttribute('aria-expanded')) === 'true') await button.click();
  await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
}

/** Opens a dropdown (a click on an open one would close it) and returns its menu. */
async function openMenu(button: Locator): Promise<Locator> {
  // Room below the button for the menu: one opened near the window's bottom edge is off-screen.
  await button.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const menu = page.getByRole('menu').filter({ visible: true });
  await menu.waitFor();
  return menu;
}

describe('the API reference opened from disk in Chromium with no network', () => {
  it('lists every operation in the navigation, under its provider', async () => {
    const providers = [...new Set(operations.flatMap((operation) => operation.tags))];
    for (const provider of providers) {
      const provided = operations.filter((operation) => operation.tags.includes(provider));
      await openOperation(provided[0]!);
      // The provider's menu item holds its tag link and, once expanded, its operations.
      const providerItem = navigation()
        .locator('[data-component-name="Menu/MenuItem"]')
        .filter({ has: page.getByRole('link', { name: tagLabel(provider), exact: true }) });
      const operationLinks = providerItem
        .getByRole('link')
        .filter({ has: page.locator('[data-component-name="Tags/HttpTag"]') });
      // Redoc lists a tag's deprecated operations after the others, each group in spec order.
      const listed = [
        ...provided.filter((operation) => !operation.operation.deprecated),
        ...provided.filter((operation) => operation.operation.deprecated),
      ];
      await expect
        .poll(() => operationLinks.locator('[data-text]').allInnerTexts(), { message: provider })
        .toEqual(listed.map((operation) => String(operation.operation.summary)));
    }
  });

  it('embeds every operation with a sample in each configured language, each the text of its file', async () => {
    type Embedded = {
      paths: Record<
        string,
        Record<string, { operationId?: string; 'x-codeSamples'?: { lang: string; label?: string; source: string }[] }>
      >;
    };
    // The page hydrates Redoc from this one line of the built file: it is what every panel renders.
    const definition = /const __redoc_definition = (.*);\n/.exec(readFileSync(DOCS_HTML_PATH, 'utf8'))?.[1];
    expect(definition, 'the built page embeds its definition').toBeDefined();
    const embedded = JSON.parse(definition!) as Embedded;
    const embeddedSamples = new Map(
      Object.values(embedded.paths).flatMap((item) =>
        Object.values(item).map((operation) => [operation.operationId, operation['x-codeSamples'] ?? []] as const),
      ),
    );
    for (const operation of operations) {
      const shown = embeddedSamples.get(operation.operationId) ?? [];
      const written = samples.filter((sample) => sample.operation.operationId === operation.operationId);
      expect(
        shown.map((sample) => sample.label ?? sample.lang),
        operation.operationId,
      ).toEqual(labels);
      for (const sample of written) {
        const match = shown.find((candidate) => (candidate.label ?? candidate.lang) === sample.label);
        expect(match?.source.trim(), `${sample.label} sample of ${operation.operationId}`).toBe(sample.source.trim());
      }
      expect(written.length, operation.operationId).toBe(labels.length);
    }
  });

  describe.each(clickedThrough.map((operation) => [operation.operationId, operation] as const))(
    '%s',
    (_id, operation) => {
      it('offers a request sample in every configured language, showing the sample text of each', async () => {
        const section = await openOperation(operation);
        const panel = requestSamplePanel(section);
        const languageButton = panel.locator('[data-testid="dropdown"] > button', {
          hasText: new RegExp(`^(${labels.join('|')})$`),
        });

        // Every sample the spec has for this operation is offered (Redoc silently hides a
        // language missing from codeSamples.languages), in the configured order.
        const offered = await (await openMenu(languageButton)).getByRole('menuitem').allInnerTexts();
        const written = samples.filter((sample) => sample.operation.operationId === operation.operationId);
        expect([...offered].sort()).toEqual(written.map((sample) => sample.label).sort());
        expect(offered).toEqual(labels);

        for (const label of labels) {
          await (await openMenu(languageButton)).getByRole('menuitem', { name: label, exact: true }).click();
          await expect.poll(() => languageButton.innerText()).toBe(label);
          const expected = samples.find(
            (sample) => sample.operation.operationId === operation.operationId && sample.label === label,
          );
          expect(expected, `${label} sample of ${operation.operationId}`).toBeDefined();
          // The button's label changes before the panel re-renders the sample: wait for the text.
          const shown = panel.locator('pre[data-testid="source-code"]');
          await expect
            .poll(async () => (await shown.innerText()).trim(), { message: label })
            .toBe(expected!.source.trim());
        }
      });

      it('shows the response sample of each documented status', async () => {
        const section = await openOperation(operation);
        const panel = responseSamplePanel(section);
        const statusButtons = panel.locator('div:has(> [data-component-name="Panel/PanelHeaderTitle"]) button');
        const responses = operation.operation.responses as Record<string, ResponseObject>;
        expect(await statusButtons.allInnerTexts()).toEqual(Object.keys(responses));

        for (const [index, [status, declared]] of Object.entries(responses).entries()) {
          await statusButtons.nth(index).click();
          const body = panel.locator('[data-testid="panel-body"]');
          const mediaTypes = Object.keys(resolveResponse(declared).content ?? {});
          if (mediaTypes.length === 0) {
            await expect.poll(() => body.innerText(), { message: status }).toBe('No content');
            continue;
          }
          await expect.poll(() => body.innerText(), { message: status }).toContain(mediaTypes[0]!);
          // Problem samples carry their own status: the sample shown is this status's, not the last one's.
          if (mediaTypes[0] === 'application/problem+json')
            expect(await body.innerText()).toContain(`"status": ${status}`);
          else expect(await body.locator('[data-testid="json-viewer"]').isVisible()).toBe(true);
        }
      });
    },
  );

  it('offers the production server first as the base URL of the requests', async () => {
    const section = await openOperation(operations[0]!);
    const serverButton = section.locator('[data-testid="right-panel"] [data-testid="dropdown"] > button').first();
    const items = (await openMenu(serverButton)).getByRole('menuitem');
    expect(await items.first().innerText()).toContain(productionServerUrl(spec, operations[0]));
    await closeMenu(serverButton);
  });

  it('shows every credential status value with its meaning', async () => {
    const statusOperation = operations.find(
      (operation) => operation.operationId === 'getClimateFieldViewCredentialStatus',
    );
    const section = await openOperation(statusOperation!);
    // The schema shown is the selected response's; another test may have left an error selected.
    await section.getByRole('tab', { name: '200', exact: true }).click();
    for (const value of credentialStatus.enum) {
      const row = section.getByRole('row').filter({ has: page.getByRole('cell', { name: value, exact: true }) });
      await expect.poll(() => row.first().isVisible(), { message: value }).toBe(true);
      expect(await row.first().innerText()).toContain(credentialStatus['x-enumDescriptions'][value]);
    }
  });

  it('finds the events operations by searching for "events"', async () => {
    const eventOperations = operations.filter((operation) => operation.path.endsWith('/events'));
    expect(eventOperations.length).toBeGreaterThan(0);
    await page.getByTestId('search-trigger').click();
    const dialog = page.getByTestId('search-dialog');
    await dialog.getByRole('textbox').fill('events');
    for (const operation of eventOperations) {
      await expect.poll(() => dialog.getByText(String(operation.operation.summary)).count()).toBeGreaterThan(0);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('saves a screenshot of an operation for humans to look at', async () => {
    const section = await openOperation(operations.find((operation) => operation.method === 'post')!);
    await section.scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, 'docs.png');
    const image = await page.screenshot({ path: file });
    expect(image.byteLength).toBeGreaterThan(10_000);
  });
});
