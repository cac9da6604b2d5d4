/**
 * Runs the code samples the docs show (the `x-codeSamples` of the bundled
 * spec, i.e. exactly the text on the page) the way a reader would: replace
 * the production base URL, YOUR_TOKEN and {leafUserId}, save, run with the
 * language's interpreter. Then checks the run: exit 0, one request with the
 * operation's method and path, the documented status, and output that is
 * what the spec documents.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BundledSpec,
  type LeafHelper,
  leafHelperOf,
  listOperations,
  localBasePath,
  type SpecOperation,
  successStatus,
} from '@leaf-credentials/spec';
import type { ResponseValidator } from '@leaf-credentials/spec/validate';
import {
  LEAF_USER_ID_PLACEHOLDER,
  pathPlaceholderExamples,
  placeholdersOf,
  sampleFacts,
  signsIn,
  TOKEN_PLACEHOLDER,
  USERNAME_PLACEHOLDER,
} from '@leaf-credentials/tooling/code-samples';
import { codeSampleLabel } from '@leaf-credentials/tooling/redocly-config';
import type { Exchange } from './recording-proxy.js';

/** Where the substituted copies are written: inside apps/docs, so `axios` and the client resolve. */
const RUN_DIR = fileURLToPath(new URL('../test-results/code-samples/', import.meta.url));
const require = createRequire(import.meta.url);
/** Kills a sample that hangs: far above what a run takes on a busy machine (about 2 s), so load never trips it. */
const SAMPLE_TIMEOUT_MS = 60_000;

export interface CodeSample {
  operation: SpecOperation;
  lang: string;
  label: string;
  source: string;
}

interface XCodeSample {
  lang: string;
  label?: string;
  source: string;
}

/** Every sample of every operation, as the bundle (and so the page) has it. */
export function listCodeSamples(spec: BundledSpec): CodeSample[] {
  return listOperations(spec).flatMap((operation) =>
    ((operation.operation['x-codeSamples'] as XCodeSample[] | undefined) ?? []).map((sample) => ({
      operation,
      lang: sample.lang,
      label: codeSampleLabel(sample),
      source: sample.source,
    })),
  );
}

/** How to run one language's samples, and what it needs installed. */
interface LanguageRunner {
  /** Extension of the run copy (JavaScript samples are CommonJS, as readers run them). */
  extension: string;
  command(file: string): [string, string[]];
  /** Undefined when everything is there, else a one-line install hint. */
  missing(): string | undefined;
  /**
   * For a response without a body: true when the sample sees the HTTP status and must print
   * exactly it; false for the client's helpers, which resolve to nothing on success (and throw
   * otherwise), so their samples print a sentence instead.
   */
  printsStatus: boolean;
  /**
   * Helpers whose samples print a sentence although the response has a body, because the
   * client resolves them to something else (authenticate: when the token expires, never the
   * token itself, a secret).
   */
  sentenceFor?: LeafHelper[];
}

function commandFails(program: string, args: string[]): boolean {
  const probe = spawnSync(program, args, { stdio: 'ignore' });
  return probe.error !== undefined || probe.status !== 0;
}

function unresolvable(specifier: string): boolean {
  try {
    require.resolve(specifier);
    return false;
  } catch {
    return true;
  }
}

/** The interpreter for Python samples; `.ci/run` points it at Debian's python3 when it installs requests there. */
const PYTHON = process.env.PYTHON ?? 'python3';

const RUNNERS: Record<string, LanguageRunner> = {
  curl: {
    extension: '.sh',
    // -e: a sample split into several commands (a lost backslash) fails at the first.
    command: (file) => ['bash', ['-e', file]],
    missing: () => (commandFails('curl', ['--version']) ? 'curl is missing: apt-get install curl' : undefined),
    printsStatus: true,
  },
  python: {
    extension: '.py',
    command: (file) => [PYTHON, [file]],
    missing: () =>
      commandFails(PYTHON, ['-c', 'import requests'])
        ? `${PYTHON} with requests is missing: apt-get install python3-requests and set PYTHON=/usr/bin/python3 (or pip install requests)`
        : undefined,
    printsStatus: true,
  },
  javascript: {
    extension: '.cjs',
    command: (file) => [process.execPath, [file]],
    missing: () => (unresolvable('axios') ? 'axios is missing: npm install' : undefined),
    printsStatus: true,
  },
  typescript: {
    extension: '.ts',
    command: (file) => [process.execPath, ['--import', 'tsx', file]],
    missing: () =>
      unresolvable('@leaf-credentials/client')
        ? 'the built @leaf-credentials/client is missing: npm run build'
        : undefined,
    printsStatus: false,
    sentenceFor: ['authenticate'],
  },
};

export function runnerFor(lang: string): LanguageRunner {
  const runner = RUNNERS[lang.toLowerCase()];
  if (!runner) throw new Error(`No runner for code samples in "${lang}": add one to apps/docs/test/sample-runner.ts.`);
  return runner;
}

export interface Substitutions {
  baseUrl: string;
  token: string;
  leafUserId: string;
}

/** The placeholders a sample of `operation` must contain, or the reader (and the runner) could not point it anywhere. */
export function missingPlaceholders(
  source: string,
  spec: BundledSpec,
  operation: SpecOperation,
  lang: string,
): string[] {
  return placeholdersOf(sampleFacts(spec, operation), signsIn(lang)).filter(
    (placeholder) => !source.includes(placeholder),
  );
}

/** The operation's path with `leafUserId` and every other path parameter's documented example in place. */
function examplePath(spec: BundledSpec, operation: SpecOperation, leafUserId: string): string {
  let path = operation.path.replace(LEAF_USER_ID_PLACEHOLDER, leafUserId);
  for (const [placeholder, example] of Object.entries(pathPlaceholderExamples(spec, operation)))
    path = path.replaceAll(placeholder, example);
  return path;
}

/** Each path placeholder other than `{leafUserId}` replaced by its parameter's example (`{webhookId}`). */
function withPathExamples(source: string, spec: BundledSpec, operation: SpecOperation): string {
  let text = source;
  for (const [placeholder, example] of Object.entries(pathPlaceholderExamples(spec, operation)))
    if (placeholder !== LEAF_USER_ID_PLACEHOLDER) text = text.replaceAll(placeholder, example);
  return text;
}

/** The sample pointed at `baseUrl` (plus the path the local server adds, such as `/api`) with the reader's values. */
export function substitute(source: string, spec: BundledSpec, operation: SpecOperation, values: Substitutions): string {
  return (
    withPathExamples(source, spec, operation)
      .replaceAll(sampleFacts(spec, operation).serverUrl, `${values.baseUrl}${localBasePath(spec, operation)}`)
      .replaceAll(TOKEN_PLACEHOLDER, values.token)
      // A sample that signs in is an account of its own: the sandbox keeps state per account.
      .replaceAll(USERNAME_PLACEHOLDER, `${values.token}@example.com`)
      .replaceAll(LEAF_USER_ID_PLACEHOLDER, values.leafUserId)
  );
}

export interface SampleRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Writes `source` (already substituted) as `name` in its language's run folder; returns the file. */
function writeRunCopy(lang: string, name: string, source: string): string {
  const dir = join(RUN_DIR, lang.toLowerCase());
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}${runnerFor(lang).extension}`);
  writeFileSync(file, source);
  return file;
}

/** Belt and braces: anything a sample does not send to the local proxy goes nowhere. */
const OFFLINE_ENV = {
  HTTP_PROXY: 'http://127.0.0.1:9',
  HTTPS_PROXY: 'http://127.0.0.1:9',
  http_proxy: 'http://127.0.0.1:9',
  https_proxy: 'http://127.0.0.1:9',
  NO_PROXY: '127.0.0.1,localhost',
  no_proxy: '127.0.0.1,localhost',
};

/** Runs one program in `cwd` with every proxy variable pointing nowhere; never throws for a failing run. */
function runProgram([program, args]: [string, string[]], cwd: string, timeout = SAMPLE_TIMEOUT_MS): Promise<SampleRun> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { cwd, timeout, env: { ...process.env, ...OFFLINE_ENV } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ exitCode: null, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

/** Writes `source` (already substituted) as `name` and runs it with its language's interpreter. */
export function runSampleSource(lang: string, name: string, source: string): Promise<SampleRun> {
  const file = writeRunCopy(lang, name, source);
  return runProgram(runnerFor(lang).command(file), join(RUN_DIR, lang.toLowerCase()));
}

/** What `tsc` emitted: one JavaScript module per TypeScript sample. */
export interface CompiledTypeScript {
  /** tsc's diagnostics for all the samples together: empty when every one type-checks. */
  diagnostics: string;
  /** Runs the JavaScript emitted for the sample written as `name`, in a node of its own. */
  run(name: string): Promise<SampleRun>;
  /** Runs the emitted samples written as `names`, one after the other, in ONE node process (see JAVASCRIPT_MODULE_DRIVER). */
  runAll(names: string[]): Promise<Map<string, SampleRun>>;
}

/**
 * ONE tsc program for the TypeScript samples (already substituted): it type-checks them all
 * against the built client and emits JavaScript next to them, in one process instead of a
 * compiler start per file. A sample with a type error is still emitted, and fails its own check.
 */
export function compileTypeScriptSamples(sources: Array<{ name: string; source: string }>): CompiledTypeScript {
  const files = sources.map(({ name, source }) => writeRunCopy('TypeScript', name, source));
  const dir = join(RUN_DIR, 'typescript');
  const tsc = spawnSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      ...['--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--types', 'node'],
      ...files,
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  const emitted = sources.map(({ name }) => ({ name, file: join(dir, `${name}.js`) }));
  return {
    diagnostics: `${tsc.stdout}${tsc.stderr}${tsc.error?.message ?? ''}`.trim(),
    run: (name) => runProgram([process.execPath, [join(dir, `${name}.js`)]], dir),
    runAll: (names) =>
      runBatch(
        [process.execPath],
        JAVASCRIPT_MODULE_DRIVER,
        '.mjs',
        dir,
        emitted.filter(({ name }) => names.includes(name)),
      ),
  };
}

/**
 * Runs `driver` (a program reading a JSON list of `{ name, file }` and printing one JSON line
 * `{ name, exitCode, stdout, stderr }` per file) once for all `files`; a file the batch never
 * reported fails with the driver's own error output.
 */
async function runBatch(
  command: string[],
  driver: string,
  extension: string,
  dir: string,
  files: Array<{ name: string; file: string }>,
): Promise<Map<string, SampleRun>> {
  const driverFile = join(dir, `run-all${extension}`);
  const listing = join(dir, 'run-all.json');
  writeFileSync(driverFile, driver);
  writeFileSync(listing, JSON.stringify(files));
  const [program = '', ...args] = command;
  const run = await runProgram([program, [...args, driverFile, listing]], dir, SAMPLE_TIMEOUT_MS * 3);
  const runs = new Map<string, SampleRun>();
  for (const line of run.stdout.split('\n').filter((candidate) => candidate.startsWith('{"name"'))) {
    const { name, exitCode, stdout, stderr } = JSON.parse(line) as SampleRun & { name: string };
    runs.set(name, { exitCode, stdout, stderr });
  }
  for (const { name } of files) {
    if (!runs.has(name))
      runs.set(name, {
        exitCode: null,
        stdout: '',
        stderr: `the batch stopped before this sample: ${run.stderr.slice(-800)}`,
      });
  }
  return runs;
}

/**
 * Imports each emitted ES module in turn (its top-level await finishes before the next starts),
 * with console.log and console.error captured for it: what `node <file>` prints, and exit 1
 * with the error when the module throws. The client's own modules load once for all.
 */
const JAVASCRIPT_MODULE_DRIVER = `import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const write = process.stdout.write.bind(process.stdout);
for (const { name, file } of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  let stdout = '';
  let stderr = '';
  console.log = (...args) => { stdout += format(...args) + '\\n'; };
  console.error = (...args) => { stderr += format(...args) + '\\n'; };
  process.exitCode = undefined;
  let exitCode = 0;
  try {
    await import(pathToFileURL(file).href);
    exitCode = process.exitCode ?? 0;
  } catch (error) {
    stderr += (error && error.stack) || String(error);
    exitCode = 1;
  }
  write(JSON.stringify({ name, exitCode, stdout, stderr }) + '\\n');
}
process.exit(0);
`;

/**
 * Runs each Python sample (already substituted) as `__main__` in ONE interpreter, one after
 * the other, instead of starting Python and importing requests once per sample: its output
 * and exit status are what `python3 <file>` would give (an uncaught exception exits 1 with
 * its traceback, `sys.exit(n)` exits n).
 */
export function runPythonSamples(sources: Array<{ name: string; source: string }>): Promise<Map<string, SampleRun>> {
  const files = sources.map(({ name, source }) => ({ name, file: writeRunCopy('Python', name, source) }));
  return runBatch([PYTHON], PYTHON_DRIVER, '.py', join(RUN_DIR, 'python'), files);
}

/** The batch driver: runs each listed file as __main__ with its own stdout and stderr, prints one JSON line each. */
const PYTHON_DRIVER = `import io, json, runpy, sys, traceback

real_stdout = sys.stdout
for entry in json.load(open(sys.argv[1])):
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    code = 0
    try:
        runpy.run_path(entry['file'], run_name='__main__')
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout, sys.stderr = real_stdout, sys.__stderr__
    print(json.dumps({'name': entry['name'], 'exitCode': code, 'stdout': out.getvalue(), 'stderr': err.getvalue()}), flush=True)
`;

/** Everything wrong with one run of a sample of `operation`; empty when it did what the docs promise. */
export function problemsWithRun(
  lang: string,
  spec: BundledSpec,
  operation: SpecOperation,
  run: SampleRun,
  exchanges: Exchange[],
  leafUserId: string,
  validator: ResponseValidator,
): string[] {
  const problems: string[] = [];
  const method = operation.method.toUpperCase();
  const status = successStatus(operation);
  const check = (contentType: string | null, body: unknown) =>
    validator.check(operation.method, operation.path, status, contentType, body);

  if (run.exitCode !== 0) {
    problems.push(`exited with ${run.exitCode ?? 'no code (killed or not started)'}: ${run.stderr.trim().slice(-800)}`);
  }

  if (exchanges.length !== 1) {
    problems.push(`made ${exchanges.length} requests to the API, not one`);
  }
  const exchange = exchanges[0];
  if (exchange) {
    const path = `${localBasePath(spec, operation)}${examplePath(spec, operation, leafUserId)}`;
    if (exchange.method !== method || exchange.path !== path) {
      problems.push(`called ${exchange.method} ${exchange.path}, not ${method} ${path}`);
    }
    if (exchange.status !== status) {
      problems.push(`got status ${exchange.status}, not the documented ${status}: ${exchange.body.slice(0, 400)}`);
    }
  }

  // A body the spec documents is printed as JSON; a response without one (DELETE) prints its
  // status, or a sentence where the client resolves to nothing (or to something else).
  const runner = runnerFor(lang);
  const documentsBody = !check(null, undefined).ok;
  const printsSentence = runner.sentenceFor?.includes(leafHelperOf(operation)) ?? false;
  const printed = run.stdout.trim();
  if (documentsBody && !printsSentence) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(printed);
    } catch {
      problems.push(`did not print the JSON response body: ${JSON.stringify(printed.slice(0, 200))}`);
      return problems;
    }
    const result = check('application/json', parsed);
    if (!result.ok) problems.push(`printed a body the spec does not document: ${result.errors.join('; ')}`);
  } else if (runner.printsStatus && !documentsBody) {
    if (printed !== String(status))
      problems.push(`printed ${JSON.stringify(printed.slice(0, 200))}, not the status ${status}`);
  } else if (printed === '' || /^(undefined|null)$/.test(printed) || /^[[{]/.test(printed)) {
    problems.push(
      `printed ${JSON.stringify(printed.slice(0, 200))} for a ${status} response the client does not hand out; say what happened`,
    );
  }
  return problems;
}
