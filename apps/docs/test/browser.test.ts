/**
 * The built page in real Chromium, opened from disk with every request that
 * would leave the machine blocked and recorded: it must render the whole
 * reference, with working code-sample menus, without reaching for anything,
 * and its Try-it panels must talk to a real sandbox on loopback, by clicking.
 * Every wait is for a condition (CONDITION_TIMEOUT bounds it), never a fixed time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type RunningSandbox, startSandbox } from '@leaf-credentials/mock';
import {
  type LeafHelper,
  leafHelperOf,
  listOperations,
  listProviders,
  productionServerUrl,
  readBundledSpec,
  resolveRef,
  type SpecOperation,
  successStatus,
} from '@leaf-credentials/spec';
import { codeSampleLabel, codeSampleLanguages } from '@leaf-credentials/tooling/redocly-config';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DOCS_HTML_PATH } from '../src/server.js';
import { CONNECT_SRC } from '../src/try-it/embed.js';
import { readPageTimings, watchFirstPath } from './first-path.js';
import { listCodeSamples } from './sample-runner.js';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
/**
 * The READMEs' picture of a panel with a real answer, which this test takes: into the git-ignored
 * screenshots on every run, and over the committed one only when asked (`npm run screenshot`), so a
 * test run never leaves the working tree changed.
 */
const PANEL_SCREENSHOT = process.env.LEAF_README_SCREENSHOT
  ? fileURLToPath(new URL('../assets/try-it.png', import.meta.url))
  : `${SCREENSHOT_DIR}try-it.png`;
/** Redoc runs search in a blob: worker; data: is the inline attribution image. Neither leaves the machine. */
const LOCAL_SCHEMES = ['file:', 'data:', 'blob:'];
/** The Try-it panels' sandboxes: loopback, on this machine. */
const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;
/**
 * How long a condition may take to come true: generous, because a loaded shared machine
 * can be slow, and only ever spent when something is wrong (every wait ends when its
 * condition holds).
 */
const CONDITION_TIMEOUT = 30_000;
const SLOW_TEST = 4 * CONDITION_TIMEOUT;
// expect.poll waits for a condition too; its default 1 s bound is exceeded by a busy machine's browser.
vi.setConfig({ expect: { poll: { timeout: CONDITION_TIMEOUT } } });

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
let sandbox: RunningSandbox | undefined;
/** Every URL the page tried to reach that is not on this machine. */
const external = new Set<string>();
/** Uncaught errors in the page's scripts. */
const pageErrors: string[] = [];
const isLocal = (url: string) => LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme)) || LOOPBACK.test(url);
const recordIfExternal = (url: string) => {
  if (!isLocal(url)) external.add(url);
};

beforeAll(async () => {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`No Chromium at ${CHROME_PATH}: apt-get install chromium (or set CHROME_PATH).`);
  }
  if (!existsSync(DOCS_HTML_PATH)) throw new Error(`${DOCS_HTML_PATH} is missing: npm run build.`);
  // Starting a process on a loaded machine can take long: bound it by the conditions' bound, twice.
  sandbox = await startSandbox({ timeoutMs: 2 * CONDITION_TIMEOUT });
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
  // Not `offline`: that would cut loopback too. Every request is routed here instead.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    recordIfExternal(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.setDefaultTimeout(CONDITION_TIMEOUT);
  page.on('request', (request) => recordIfExternal(request.url()));
  page.on('requestfailed', (request) => recordIfExternal(request.url()));
  // A load the page's Content-Security-Policy refuses never reaches the network, so the
  // browser's console report is the only trace of the attempt.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) external.add(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await watchFirstPath(page, Object.keys(spec.paths));
  await page.goto(pathToFileURL(DOCS_HTML_PATH).href);
  const timings = await readPageTimings(page, CONDITION_TIMEOUT);
  // Hydrated, a click opens an operation (before then a sidebar link is a plain anchor that leaves the page).
  const clicked = performance.now();
  await openOperation(operations[0]!);
  // Figures to read, not timed assertions (the budget is 1.5 s to the first path; a shared machine varies).
  console.log(
    `docs: the prerendered page painted ${Math.round(timings.firstContentfulPaint)} ms after the navigation started, ` +
      `hydrated ${Math.round(timings.hydrated)} ms, the first rendered path (an operation's path in the window) ` +
      `${Math.round(timings.firstPath)} ms; a click then opened ${operations[0]!.operationId} in ` +
      `${Math.round(performance.now() - clicked)} ms`,
  );
}, SLOW_TEST);

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
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

/** An operation's Try it button(s) within `scope`. */
const tryItButton = (scope: Locator) => scope.getByRole('button', { name: 'Try it', exact: true });

/** The operation a provider's helper is, by the spec's own record of it. */
function providerOperation(tag: string, helper: LeafHelper): SpecOperation {
  const operationId = listProviders(spec).find((provider) => provider.tag === tag)?.operations[helper];
  const operation = operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`The spec has no ${helper} operation for ${tag}.`);
  return operation;
}

/** Opens the operation's Try-it panel (a click on an open one would close it) and returns it. */
async function openPanel(operation: SpecOperation): Promise<Locator> {
  const section = await openOperation(operation);
  const button = tryItButton(section);
  const panel = section.getByRole('region', { name: `Try it: ${String(operation.operation.summary)}` });
  await until(
    () => panel.isVisible(),
    async () => {
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    },
    `the ${operation.operationId} panel opens`,
  );
  return panel;
}

interface Answer {
  status: number;
  text: string;
  body: string;
  curl: string;
}

/** Sends what the panel holds, by `press`ing (a click on Send by default), and reads the answer it shows. */
async function send(panel: Locator, press?: () => Promise<void>): Promise<Answer> {
  const result = panel.locator('.leaf-try-it-result');
  const before = Number((await result.getAttribute('data-answers')) ?? 0);
  await (press ?? (() => panel.getByRole('button', { name: 'Send', exact: true }).click()))();
  await expect.poll(async () => Number((await result.getAttribute('data-answers')) ?? 0)).toBe(before + 1);
  const status = panel.locator('.leaf-try-it-code');
  return {
    status: (await status.count()) === 0 ? 0 : Number(await status.innerText()),
    text: await result.innerText(),
    body:
      (await panel.locator('.leaf-try-it-body').count()) === 0
        ? ''
        : await panel.locator('.leaf-try-it-body').innerText(),
    curl: await panel.locator('.leaf-try-it-curl').innerText(),
  };
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The sidebar's outermost menu. */
const navigation = () => page.locator('[data-component-name="Menu/Menu"]').first();

/**
 * Polls until `done()` holds, calling `act()` whenever it does not: for a click whose
 * effect may be lost or late on a loaded machine. `act` must check the state it changes
 * (a toggle clicked twice undoes itself).
 */
async function until(done: () => Promise<boolean>, act: () => Promise<void>, message: string): Promise<void> {
  const deadline = Date.now() + CONDITION_TIMEOUT;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${CONDITION_TIMEOUT} ms waiting until ${message}.`);
    await act();
    // Time for the click's effect to show before judging it (and clicking again).
    await page.waitForTimeout(250);
  }
}

/** Presses Tab until `target` has the focus, as a keyboard user does; fails if a dozen presses do not reach it. */
async function tabTo(target: Locator): Promise<void> {
  for (let presses = 0; !(await target.evaluate((element) => element === document.activeElement)); presses++) {
    if (presses === 12) throw new Error(`A dozen presses of Tab did not reach ${String(target)}.`);
    await page.keyboard.press('Tab');
  }
}

/** The sidebar link of an operation: the one whose label is exactly its summary. */
function operationLink(operation: SpecOperation): Locator {
  const summary = String(operation.operation.summary);
  return navigation()
    .getByRole('link')
    .filter({ has: page.locator(`[data-text="${summary.replaceAll('"', '\\"')}"]`) });
}

/** Clicks the operation in the sidebar and returns its section of the page, once rendered. */
async function openOperation(operation: SpecOperation): Promise<Locator> {
  const link = operationLink(operation);
  for (const tag of operation.tags) {
    const tagLink = navigation().getByRole('link', { name: tagLabel(tag), exact: true });
    // An expanded tag holds a menu of its operations (still empty while it opens): clicking it then would close it.
    const tagMenu = navigation()
      .locator('[data-component-name="Menu/MenuItem"]')
      .filter({ has: tagLink })
      .locator('[data-component-name="Menu/Menu"]');
    await until(
      () => link.isVisible(),
      async () => {
        if ((await tagMenu.count()) === 0 || !(await tagMenu.first().isVisible())) await tagLink.click();
      },
      `the ${tag} operations are listed`,
    );
  }
  const href = await link.getAttribute('href');
  const section = page.locator(`[data-section-id="${href?.replace(/^#/, '')}"]`);
  const rendered = section.locator('pre[data-testid="source-code"]').first();
  await until(
    () => rendered.isVisible(),
    async () => {
      // Off the sidebar's bottom edge (the last item, e.g. a deprecated operation) its footer covers the link.
      await link.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await link.click();
    },
    `${operation.operationId} is rendered`,
  );
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
  await until(
    async () => (await button.getAttribute('aria-expanded')) === 'false',
    async () => {
      if ((await button.getAttribute('aria-expanded')) === 'true') await button.click();
    },
    'the menu closes',
  );
}

/** Opens a dropdown (a click on an open one would close it) and returns its menu. */
async function openMenu(button: Locator): Promise<Locator> {
  const menu = page.getByRole('menu').filter({ visible: true });
  await until(
    () => menu.isVisible(),
    async () => {
      // Room below the button for the menu: one opened near the window's bottom edge is off-screen.
      await button.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    },
    'the menu opens',
  );
  return menu;
}

describe('the API reference opened from disk in Chromium, nothing but loopback reachable', {
  timeout: SLOW_TEST,
}, () => {
  it('lists every operation in the navigation, under its provider, each with a Try it button', async () => {
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
      for (const operation of provided) {
        const section = await openOperation(operation);
        await expect.poll(() => tryItButton(section).count(), { message: operation.operationId }).toBe(1);
      }
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
      expect(shown.map(codeSampleLabel), operation.operationId).toEqual(labels);
      for (const sample of written) {
        const match = shown.find((candidate) => codeSampleLabel(candidate) === sample.label);
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

  describe('Try it, against a real sandbox on loopback', () => {
    const trimble = {
      create: providerOperation('Trimble', 'create'),
      get: providerOperation('Trimble', 'get'),
      delete: providerOperation('Trimble', 'delete'),
    };
    // This run's own client id, so the read-back shows this create and not the seed's.
    const clientId = `try-it-${process.pid}-${Date.now()}`;

    it('creates, reads, refuses, deletes and misses Trimble credentials, by clicking', async () => {
      const create = await openPanel(trimble.create);
      await create.getByLabel('Target').fill(sandbox!.url);
      const body = create.getByLabel('Body (JSON)');
      const example = JSON.parse(await body.inputValue()) as Record<string, unknown>;
      await body.fill(JSON.stringify({ ...example, clientId }, null, 2));
      const created = await send(create);
      expect(created.status, created.text).toBe(201);
      expect(created.text).toMatch(/\d+ ms/);
      expect(JSON.parse(created.body)).toMatchObject({ clientId });

      // The target typed once is every panel's: the get panel opens on the same sandbox.
      const get = await openPanel(trimble.get);
      expect(await get.getByLabel('Target').inputValue()).toBe(sandbox!.url);
      const read = await send(get);
      expect(read.status, read.text).toBe(200);
      expect(JSON.parse(read.body)).toMatchObject({ clientId });
      expect(read.text).toMatch(/content-type: application\/json/);
      await get.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await get.screenshot({ path: PANEL_SCREENSHOT });

      const reopened = await openPanel(trimble.create);
      const { clientSecret: _left, ...withoutSecret } = example;
      await reopened.getByLabel('Body (JSON)').fill(JSON.stringify(withoutSecret, null, 2));
      const refused = await send(reopened);
      expect(refused.status, refused.text).toBe(400);
      expect(JSON.parse(refused.body)).toMatchObject({
        fieldErrors: [expect.objectContaining({ field: 'clientSecret' })],
      });
      // The curl shown is exactly what was sent: run, it gets the same answer.
      const curl = spawnSync('sh', ['-c', refused.curl], { encoding: 'utf8' });
      expect(curl.error, 'curl must be installed (apt-get install curl)').toBeUndefined();
      expect(curl.stdout).toMatch(/^HTTP\/1\.1 400/);
      expect(JSON.parse(curl.stdout.slice(curl.stdout.indexOf('\r\n\r\n')))).toEqual(JSON.parse(refused.body));

      // By keyboard: Send focused, Enter sends.
      const remove = await openPanel(trimble.delete);
      const removed = await send(remove, async () => {
        await remove.getByRole('button', { name: 'Send', exact: true }).focus();
        await page.keyboard.press('Enter');
      });
      expect(removed.status, removed.text).toBe(204);

      const missed = await send(await openPanel(trimble.get));
      expect(missed.status, missed.text).toBe(404);
    });

    it('keeps the token in memory only: no storage or cookie of the page holds it', async () => {
      const panel = await openPanel(trimble.get);
      const token = await panel.getByLabel('Bearer token').inputValue();
      expect(token).toMatch(/^sandbox-[0-9a-f]{32}$/);
      const stored = await page.evaluate(() => [
        document.cookie,
        ...Object.values(localStorage),
        ...Object.values(sessionStorage),
      ]);
      expect(stored.filter((value) => value.includes(token))).toEqual([]);
    });

    it('signs in through the panel with any username and password, and sends the token it got', async () => {
      const panel = await openPanel(trimble.get);
      await panel.getByLabel('Target').fill(sandbox!.url);
      await panel.getByText('Or sign in for a token').click();
      await panel.getByLabel('Username').fill('reader@example.com');
      await panel.getByLabel('Password').fill('any password');
      await panel.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect.poll(() => panel.getByRole('status').innerText()).toMatch(/^Signed in/);
      const token = await panel.getByLabel('Bearer token').inputValue();
      expect(token).not.toMatch(/^sandbox-/);
      const answer = await send(panel);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.curl).toContain(`Authorization: Bearer ${token}`);
    });

    it('refuses a target off this machine and says how to start the sandbox when nothing answers', async () => {
      const panel = await openPanel(trimble.get);
      const target = panel.getByLabel('Target');
      await target.fill('https://api.withleaf.io');
      await panel.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => panel.getByRole('alert').innerText()).toMatch(/^Only loopback targets/);

      const port = await closedPort();
      await target.fill(`http://127.0.0.1:${port}`);
      const answer = await send(panel);
      expect(answer.text).toContain(`Nothing answered at http://127.0.0.1:${port}`);
      expect(answer.text).toContain('npm start');
      await target.fill(sandbox!.url);
    });

    it('lets the page call its own origin and loopback only (Content-Security-Policy), and the browser enforces it', async () => {
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(policy?.split(';').map((directive) => directive.trim())).toContain(`connect-src ${CONNECT_SRC}`);
      expect(CONNECT_SRC).toBe("'self' http://127.0.0.1:* http://localhost:*");
      // A page of its own, so this planted attempt stays out of the record every test checks.
      const probe = await page.context().newPage();
      const reports: string[] = [];
      probe.on('console', (message) => reports.push(message.text()));
      try {
        await probe.goto(pathToFileURL(DOCS_HTML_PATH).href, { waitUntil: 'domcontentloaded' });
        const outcome = await probe.evaluate(() =>
          fetch('http://192.0.2.1/').then(
            () => 'sent',
            () => 'refused',
          ),
        );
        expect(outcome).toBe('refused');
        await expect
          .poll(() => reports.some((text) => text.includes('192.0.2.1') && /Content Security Policy/.test(text)))
          .toBe(true);
      } finally {
        await probe.close();
      }
    });

    it('works by keyboard: Enter or Space opens, focus moves in, Escape closes and returns focus', async () => {
      const section = await openOperation(trimble.get);
      const button = tryItButton(section);
      const panel = section.getByRole('region', { name: `Try it: ${String(trimble.get.operation.summary)}` });
      if ((await button.getAttribute('aria-expanded')) === 'true') await button.click();
      for (const key of ['Enter', ' ']) {
        await button.focus();
        await page.keyboard.press(key);
        await expect.poll(() => panel.isVisible(), { message: key }).toBe(true);
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('target');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('token');
        await page.keyboard.press('Escape');
        await expect.poll(() => panel.isVisible(), { message: key }).toBe(false);
        expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
        expect(await button.getAttribute('aria-expanded')).toBe('false');
      }
    });

    it('is used by keyboard alone: Tab reaches Try it, Enter opens, Tab reaches Send, Enter sends', async () => {
      const operation = operations[0]!;
      const section = await openOperation(operation);
      const button = tryItButton(section);
      const panel = section.getByRole('region', { name: `Try it: ${String(operation.operation.summary)}` });
      if ((await button.getAttribute('aria-expanded')) === 'true') await button.click();
      // From the operation's heading (its link), as a reader tabbing down the page arrives.
      await section.locator('h1 a, h2 a').first().focus();
      await tabTo(button);
      await page.keyboard.press('Enter');
      await expect.poll(() => panel.isVisible()).toBe(true);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(sandbox!.url);
      await tabTo(panel.getByRole('button', { name: 'Send', exact: true }));
      const answer = await send(panel, () => page.keyboard.press('Enter'));
      expect(answer.status, answer.text).toBe(successStatus(operation));
      expect(answer.curl).toContain(sandbox!.url);
    });

    it('is readable in the light and the dark mode: every text at least 4.5:1 against its background', async () => {
      const panel = await openPanel(trimble.get);
      await panel.getByLabel('Target').fill(sandbox!.url);
      await send(panel);
      const switcher = page.getByTestId('color-mode-switcher');
      for (const mode of ['dark', 'light']) {
        await until(
          () => page.evaluate((wanted) => document.documentElement.classList.contains(wanted), mode),
          () => switcher.click(),
          `${mode} mode`,
        );
        const ratios = await panel.evaluate(contrastRatios);
        for (const [what, ratio] of Object.entries(ratios))
          expect(ratio, `${what} in ${mode} mode`).toBeGreaterThanOrEqual(4.5);
        expect(Object.keys(ratios).length).toBeGreaterThan(5);
      }
    });
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

/**
 * In the page: the WCAG contrast ratio of each kind of text in the panel (and its
 * Try it button) against the first opaque background behind it.
 */
function contrastRatios(panel: Element): Record<string, number> {
  const parse = (color: string) => {
    const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
    return { rgb: [r, g, b], a: color.startsWith('rgba') ? a : 1 };
  };
  const luminance = ([r, g, b]: number[]) => {
    const [lr, lg, lb] = [r!, g!, b!].map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
  };
  const background = (element: Element | null): number[] => {
    for (let at = element; at; at = at.parentElement) {
      const color = parse(getComputedStyle(at).backgroundColor);
      if (color.a > 0.5) return color.rgb;
    }
    return [255, 255, 255];
  };
  const section = panel.closest('[data-section-id]');
  const texts: Record<string, Element | null | undefined> = {
    'Try it button': section?.querySelector('.leaf-try-it-open'),
    label: panel.querySelector('label'),
    hint: panel.querySelector('.leaf-try-it-hint'),
    input: panel.querySelector('input'),
    'sign-in summary': panel.querySelector('summary'),
    'Send button': panel.querySelector('.leaf-try-it-send'),
    'Close button': panel.querySelector('.leaf-try-it-close'),
    status: panel.querySelector('.leaf-try-it-code'),
    'status text': panel.querySelector('.leaf-try-it-status'),
    'answer body': panel.querySelector('.leaf-try-it-body'),
  };
  const ratios: Record<string, number> = {};
  for (const [what, element] of Object.entries(texts)) {
    if (!element) throw new Error(`The panel has no ${what}.`);
    const [lighter, darker] = [
      luminance(parse(getComputedStyle(element).color).rgb),
      luminance(background(element)),
    ].sort((a, b) => b - a);
    ratios[what] = Math.round(((lighter! + 0.05) / (darker! + 0.05)) * 100) / 100;
  }
  return ratios;
}
