/**
 * Runs the package's bin (the program behind `npm run mock` and `npm run
 * sandbox`) in a child process, waits for its `listening on <url>` line and for
 * it to answer, and stops it (SIGTERM, so the sandbox flushes its state file;
 * SIGKILL after 3 s). A child process keeps a test run honest (the tests talk
 * HTTP to the same program the bin runs) and lets `stop()` really free the port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mockServerUrl } from '@leaf-credentials/spec';
import { loadSpec } from '../spec.js';

const READY_LINE = /listening on (http:\/\/\S+)/;

/** The compiled bin beside this bundle, or (run from the sources in this repo) the CLI's source through tsx. */
function cliCommand(): string[] {
  const compiled = fileURLToPath(new URL('./cli.js', import.meta.url));
  if (existsSync(compiled)) return [compiled];
  return ['--import', 'tsx', fileURLToPath(new URL('./cli.ts', import.meta.url))];
}

export interface StartServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Print the access log to this process's stdout. */
  log?: boolean;
  /** How long to wait for it to answer before giving up (60 s: a loaded CI machine can take seconds). */
  timeoutMs?: number;
}

export interface RunningServer {
  /** Base URL, such as `http://127.0.0.1:41235`. */
  url: string;
  port: number;
  /** The child's process id (a test may kill it harder than stop() does). */
  pid: number;
  stop(): Promise<void>;
}

export async function startServerProcess(cliArgs: string[], options: StartServerOptions = {}): Promise<RunningServer> {
  // The spec's mock server names the host; the port is a free one unless asked for.
  const { port = 0, host = mockServerUrl(loadSpec()).hostname, log = false, timeoutMs = 60_000 } = options;
  const args = [...cliCommand(), ...cliArgs, '--host', host, '--port', String(port), '--exit-with-stdin'];
  if (!log) args.push('--quiet');
  return startListeningProcess(args, READY_LINE, { log, timeoutMs });
}

/**
 * Any node program that prints the URL it listens on (`ready` captures it):
 * the mock's CLI, or stock Prism's for the side-by-side test and benchmark.
 */
export async function startListeningProcess(
  args: string[],
  ready: RegExp,
  { log = false, timeoutMs = 60_000 }: { log?: boolean; timeoutMs?: number } = {},
): Promise<RunningServer> {
  // stdin stays open while this process lives: the CLI stops when it closes, so no server outlives a killed parent.
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  try {
    const url = await waitForReadyLine(child, ready, timeoutMs, () => stderr);
    await waitUntilAnswering(url, timeoutMs);
    if (log) child.stdout!.pipe(process.stdout);
    return {
      url,
      port: Number(new URL(url).port),
      pid: child.pid!,
      stop: async () => {
        process.removeListener('exit', killOnExit);
        await stopProcess(child);
      },
    };
  } catch (error) {
    process.removeListener('exit', killOnExit);
    await stopProcess(child);
    throw error;
  }
}

function waitForReadyLine(
  child: ChildProcess,
  ready: RegExp,
  timeoutMs: number,
  stderr: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${args0(child)} ${why}.${stderr() ? `\n${stderr().trim()}` : ''}`));
    };
    child.once('exit', (code) => fail(`exited with code ${code} before it was ready`));
    child.stdout!.on('data', function onData(chunk: Buffer) {
      stdout += chunk.toString();
      const match = ready.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.removeAllListeners('exit');
        resolve(match[1]!);
      }
    });
  });
}

async function waitUntilAnswering(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`The mock at ${url} does not answer: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function args0(child: ChildProcess): string {
  return child.spawnargs.slice(1).find((arg) => arg.endsWith('.ts') || arg.endsWith('.js')) ?? 'The server';
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
