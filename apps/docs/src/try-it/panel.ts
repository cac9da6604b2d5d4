/**
 * The page's Try-it panels (bundled by the build into one inline script):
 * a "Try it" button on every operation Redoc renders, opening a form that
 * sends the operation to a loopback sandbox and shows the answer. Redoc
 * renders sections lazily and may re-render them, so buttons are (re)mounted
 * whenever the page changes. The token lives in this script's memory only.
 */
import {
  buildRequest,
  checkTarget,
  curlCommand,
  formatBody,
  TRY_IT_DATA_ID,
  type TryItInput,
  type TryItOperation,
  type TryItPage,
  type TryItRequest,
} from './request.js';

const MOUNTED = 'data-leaf-try-it';
/** No cookies sent or stored, nothing cached, and no redirect followed off the target. */
const FETCH_OPTIONS: RequestInit = { cache: 'no-store', credentials: 'omit', redirect: 'error' };
const START_SANDBOX = 'npm start (in a clone of the repository) or npx @leaf-credentials/mock sandbox';

const data = document.getElementById(TRY_IT_DATA_ID)?.textContent;
if (data) start(JSON.parse(data) as TryItPage);

function start(page: TryItPage): void {
  const session = { target: page.sandboxUrl, token: randomToken() };
  document.body.append(targetSuggestions(page));
  const byId = new Map(page.operations.map((operation) => [operation.operationId.toLowerCase(), operation]));
  const bySummary = new Map(page.operations.map((operation) => [operation.summary, operation]));
  const signIn = page.signIn && page.operations.find((operation) => operation.operationId === page.signIn?.operationId);

  /** The operation a Redoc section shows: by the last segment of its id, else by its heading. */
  const operationOf = (section: Element, heading: Element): TryItOperation | undefined => {
    const id = section.getAttribute('data-section-id') ?? section.id;
    const last = decodeURIComponent(id.split('/').pop() ?? '').toLowerCase();
    return byId.get(last) ?? bySummary.get(heading.textContent?.trim() ?? '');
  };

  const mountAll = () => {
    let hydrating = false;
    for (const section of document.querySelectorAll(`[data-section-id]:not([${MOUNTED}])`)) {
      const heading = section.querySelector('h1, h2');
      if (!heading) continue; // Not rendered yet: a later mutation brings it.
      if (!ownedByRenderer(section)) {
        hydrating = true;
        continue;
      }
      const operation = operationOf(section, heading);
      if (!operation) continue;
      section.setAttribute(MOUNTED, operation.operationId);
      mountPanel(section, heading, operation, session, signIn && page.signIn && { operation: signIn, ...page.signIn });
    }
    // A section Redoc re-rendered lost its button: mount it again.
    for (const section of document.querySelectorAll(`[${MOUNTED}]`)) {
      if (!section.querySelector('.leaf-try-it-open')) {
        section.removeAttribute(MOUNTED);
        queueMount();
      }
    }
    // Hydration changes no node, so no mutation says when it is done: look again shortly.
    if (hydrating) setTimeout(queueMount, 100);
  };
  let queued = false;
  const queueMount = () => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      mountAll();
    });
  };
  new MutationObserver(queueMount).observe(document.body, { childList: true, subtree: true });
  queueMount();
}

/**
 * Whether the page's renderer has taken `section` over. Redoc prerenders the page and
 * React hydrates it: a node added before then would not match React's markup, so a
 * section under a React root waits for React's own key on it. A section under no
 * React root is rendered by something else, and taken once the page has loaded.
 */
function ownedByRenderer(section: Element): boolean {
  const keyed = (node: Element, prefix: string) => Object.keys(node).some((key) => key.startsWith(prefix));
  if (keyed(section, '__reactFiber')) return true;
  for (let node = section.parentElement; node; node = node.parentElement) {
    if (keyed(node, '__reactContainer')) return false;
  }
  return document.readyState === 'complete';
}

interface Session {
  target: string;
  token: string;
}

interface SignIn {
  operation: TryItOperation;
  tokenField: string;
}

const SUGGESTIONS_ID = 'leaf-try-it-targets';

/** The targets offered: the sandbox `npm start` serves, and the page's own origin when a loopback server served it. */
function targetSuggestions(page: TryItPage): HTMLDataListElement {
  const origins = new Set([page.sandboxUrl]);
  if ('origin' in checkTarget(location.origin)) origins.add(location.origin);
  const list = element('datalist', { id: SUGGESTIONS_ID });
  list.append(...[...origins].map((origin) => element('option', { value: origin })));
  return list;
}

/** A token of this reader's own, so their sandbox state is theirs alone. */
function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `sandbox-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

let panels = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const created = Object.assign(document.createElement(tag), properties);
  created.append(...children);
  return created;
}

function field(label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  const id = `${control.id}-hint`;
  const wrapper = element('div', { className: 'leaf-try-it-field' });
  wrapper.append(element('label', { htmlFor: control.id }, label), control);
  if (hint) {
    control.setAttribute('aria-describedby', id);
    wrapper.append(element('small', { id, className: 'leaf-try-it-hint' }, hint));
  }
  return wrapper;
}

function input(id: string, value: string, name: string): HTMLInputElement {
  return element('input', { id, value, name, type: 'text', autocomplete: 'off', spellcheck: false });
}

interface Controls {
  target: HTMLInputElement;
  token: HTMLInputElement;
  parameters: { name: string; control: HTMLInputElement }[];
  body?: HTMLTextAreaElement;
}

/** The panel's fields, prefilled from the session and the operation's examples, the target and token kept in the session. */
function controlsFor(prefix: string, operation: TryItOperation, session: Session): Controls {
  const target = input(`${prefix}-target`, session.target, 'target');
  target.setAttribute('list', SUGGESTIONS_ID);
  const token = input(`${prefix}-token`, session.token, 'token');
  target.addEventListener('input', () => (session.target = target.value));
  token.addEventListener('input', () => (session.token = token.value));
  return {
    target,
    token,
    parameters: operation.parameters.map((parameter) => ({
      name: parameter.name,
      control: input(`${prefix}-${parameter.in}-${parameter.name}`, parameter.example, parameter.name),
    })),
    ...(operation.body !== undefined && {
      body: element('textarea', {
        id: `${prefix}-body`,
        value: operation.body,
        name: 'body',
        spellcheck: false,
        rows: 8,
      }),
    }),
  };
}

/** The form: a heading, then each field with its label (and hint), then Send and Close. */
function formFor(
  operation: TryItOperation,
  controls: Controls,
  signIn: HTMLElement | undefined,
  buttons: HTMLElement[],
) {
  const form = element('form', { className: 'leaf-try-it-form', noValidate: true });
  form.append(
    element('h3', {}, `Try it: ${operation.method} ${operation.basePath}${operation.path}`),
    field(
      'Target',
      controls.target,
      'Only loopback: the sandbox npm start serves (http://127.0.0.1:4010), or http://localhost:<port>.',
    ),
  );
  if (operation.bearer) {
    const hint = 'Your own sandbox token, kept in this page only: the sandbox keeps each token’s data apart.';
    form.append(field('Bearer token', controls.token, hint));
    if (signIn) form.append(signIn);
  }
  operation.parameters.forEach((parameter, index) => {
    const label = `${parameter.name} (${parameter.in}${parameter.required ? ', required' : ''})`;
    form.append(field(label, controls.parameters[index]!.control));
  });
  if (controls.body) form.append(field('Body (JSON)', controls.body));
  form.append(element('div', { className: 'leaf-try-it-actions' }, ...buttons));
  return form;
}

function mountPanel(
  section: Element,
  heading: Element,
  operation: TryItOperation,
  session: Session,
  signIn: SignIn | undefined,
): void {
  const prefix = `leaf-try-it-${++panels}`;
  const open = element('button', { type: 'button', className: 'leaf-try-it-open' }, 'Try it');
  open.setAttribute('aria-expanded', 'false');
  open.setAttribute('aria-controls', prefix);
  const panel = element('section', { id: prefix, className: 'leaf-try-it', hidden: true });
  panel.setAttribute('aria-label', `Try it: ${operation.summary}`);

  const controls = controlsFor(prefix, operation, session);
  const send = element('button', { type: 'submit', className: 'leaf-try-it-send' }, 'Send');
  const close = element('button', { type: 'button', className: 'leaf-try-it-close' }, 'Close');
  const result = element('div', { className: 'leaf-try-it-result' });
  result.setAttribute('aria-live', 'polite');
  const signInPart = signIn && signInForm(prefix, signIn, session, controls.token, controls.target);
  const form = formFor(operation, controls, signInPart, [send, close]);
  panel.append(form, result);

  const show = (shown: boolean) => {
    panel.hidden = !shown;
    open.setAttribute('aria-expanded', String(shown));
    if (shown) {
      controls.target.value = session.target;
      controls.token.value = session.token;
      controls.target.focus();
    } else open.focus();
  };
  open.addEventListener('click', () => show(panel.hidden));
  close.addEventListener('click', () => show(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    show(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed: TryItInput = {
      target: controls.target.value,
      token: controls.token.value,
      parameters: Object.fromEntries(controls.parameters.map(({ name, control }) => [name, control.value])),
      ...(controls.body && { body: controls.body.value }),
    };
    void sendAndShow(operation, typed, result, send);
  });
  place(section, heading, element('div', { className: 'leaf-try-it-bar' }, open), panel);
}

/** The button under the operation's heading; the panel across the section's width, below its first row. */
function place(section: Element, heading: Element, bar: HTMLElement, panel: HTMLElement): void {
  const headingBlock = blockOf(heading, section);
  headingBlock.after(bar);
  const row = heading.closest('[data-testid="middle-panel"]')?.parentElement;
  const before = row && section.contains(row) && row !== section ? row : bar;
  before.after(panel);
}

/** The child of the heading's column that holds it (Redoc wraps the heading in a row with its page actions). */
function blockOf(heading: Element, section: Element): Element {
  const column = heading.closest('[data-testid="middle-panel"]') ?? section;
  let block = heading;
  while (block.parentElement && block.parentElement !== column) block = block.parentElement;
  return block;
}

function signInForm(
  prefix: string,
  signIn: SignIn,
  session: Session,
  token: HTMLInputElement,
  target: HTMLInputElement,
): HTMLElement {
  const username = input(`${prefix}-username`, '', 'username');
  const password = element('input', {
    id: `${prefix}-password`,
    type: 'password',
    autocomplete: 'off',
    name: 'password',
  });
  const button = element('button', { type: 'button' }, 'Sign in');
  const status = element('p', { className: 'leaf-try-it-hint' });
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    const example = JSON.parse(signIn.operation.body ?? '{}') as Record<string, unknown>;
    const request = buildRequest(signIn.operation, {
      target: target.value,
      token: '',
      parameters: {},
      body: JSON.stringify({ ...example, username: username.value, password: password.value }),
    });
    if ('refused' in request) {
      status.textContent = request.refused;
      return;
    }
    try {
      const answer = await fetch(request.url, {
        ...FETCH_OPTIONS,
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      const answered = (await answer.json()) as Record<string, unknown>;
      const issued = answered[signIn.tokenField];
      if (!answer.ok || typeof issued !== 'string') {
        status.textContent = `Sign-in answered ${answer.status}: ${JSON.stringify(answered)}`;
        return;
      }
      session.token = token.value = issued;
      status.textContent = `Signed in: the token field now holds the ${signIn.tokenField} the sandbox issued.`;
    } catch {
      status.textContent = nothingAnswered(target.value);
    }
  });
  const details = element('details', { className: 'leaf-try-it-sign-in' });
  details.append(
    element('summary', {}, 'Or sign in for a token (any username and password)'),
    field('Username', username),
    field('Password', password),
    button,
    status,
  );
  return details;
}

function nothingAnswered(target: string): string {
  const origin = checkTarget(target);
  const where = 'origin' in origin ? origin.origin : target;
  return `Nothing answered at ${where}. Start the sandbox: ${START_SANDBOX}.`;
}

async function sendAndShow(operation: TryItOperation, typed: TryItInput, result: HTMLElement, send: HTMLButtonElement) {
  const request = buildRequest(operation, typed);
  if ('refused' in request) {
    result.replaceChildren(element('p', { className: 'leaf-try-it-error', role: 'alert' }, request.refused));
    return;
  }
  send.disabled = true;
  result.replaceChildren(element('p', {}, 'Sending…'));
  const started = performance.now();
  try {
    const answer = await fetch(request.url, {
      ...FETCH_OPTIONS,
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined && { body: request.body }),
    });
    const text = await answer.text();
    showAnswer(result, request, answer, text, performance.now() - started);
  } catch {
    result.replaceChildren(
      element('p', { className: 'leaf-try-it-error', role: 'alert' }, nothingAnswered(typed.target)),
      curlBlock(request),
    );
  } finally {
    send.disabled = false;
    // How many answers (or failures to get one) this panel has shown: a test waits for the next.
    result.dataset.answers = String(Number(result.dataset.answers ?? 0) + 1);
  }
}

function showAnswer(result: HTMLElement, request: TryItRequest, answer: Response, text: string, elapsed: number) {
  const status = element(
    'p',
    { className: `leaf-try-it-status ${answer.ok ? 'leaf-try-it-ok' : 'leaf-try-it-error'}` },
    element('strong', { className: 'leaf-try-it-code' }, String(answer.status)),
    ` ${answer.statusText} · `,
    element('span', { className: 'leaf-try-it-time' }, `${Math.round(elapsed)} ms`),
  );
  const headers = [...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  result.replaceChildren(
    status,
    element('h4', {}, 'Headers'),
    element('pre', { className: 'leaf-try-it-headers', tabIndex: 0 }, headers),
    element('h4', {}, 'Body'),
    element('pre', { className: 'leaf-try-it-body', tabIndex: 0 }, formatBody(text) || '(empty)'),
    curlBlock(request),
  );
}

function curlBlock(request: TryItRequest): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(
    element('h4', {}, 'The same request with curl'),
    element('pre', { className: 'leaf-try-it-curl', tabIndex: 0 }, curlCommand(request)),
  );
  return fragment;
}
