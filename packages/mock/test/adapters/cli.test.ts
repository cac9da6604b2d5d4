/**
 * The bin as it ships (dist/cli.js: `npm test` builds first): a mistake of the caller's — a flag, a command, a variable, a seed
 * or state file it cannot use — is one line on stderr naming it and exit 1,
 * never a stack trace and never a server listening somewhere unasked.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli.js', ...args], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** args, environment, and what the one line must say. */
const MISTAKES: Array<[string, string[], Record<string, string>, string]> = [
  ['no command', [], {}, 'Name a command: mock or sandbox'],
  ['an unknown command', ['serve'], {}, "Unknown command 'serve'"],
  ['an unknown flag', ['mock', '--bogus'], {}, "'--bogus'"],
  ['a bad --port', ['mock', '--port', 'abc'], {}, '--port must be a port number from 0 to 65535, not "abc".'],
  ['a blank --host', ['mock', '--host', ''], {}, '--host must be a host name or IP address, not "".'],
  ['a bad MOCK_PORT', ['sandbox'], { MOCK_PORT: '99999' }, 'MOCK_PORT must be a port number'],
  ['--seed with the mock', ['mock', '--seed', 'seed.json'], {}, '--seed needs the sandbox'],
  [
    'a seed file that is not there',
    ['sandbox', '--seed', '/nonexistent/seed.json', '--port', '0'],
    {},
    '/nonexistent/seed.json',
  ],
  [
    'a state file that is a directory',
    ['sandbox', '--state-file', PACKAGE_DIR, '--port', '0'],
    {},
    PACKAGE_DIR.replace(/\/$/, ''),
  ],
];

const runs = new Map<string, Run>();
beforeAll(async () => {
  // One process per row, all at once: each start costs seconds on a loaded machine.
  const started = MISTAKES.map(async ([name, args, env]) => runs.set(name, await runCli(args, env)));
  started.push(runCli(['--help']).then((run) => runs.set('--help', run)));
  started.push(runCli(['--version']).then((run) => runs.set('--version', run)));
  await Promise.all(started);
}, 120_000);

describe('a mistake is one line naming it, and exit 1', () => {
  it.each(MISTAKES)('%s', (name, _args, _env, message) => {
    const run = runs.get(name)!;
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).not.toContain('listening on');
  });
});

describe('--help and --version', () => {
  it('prints the usage, naming both commands and every flag', () => {
    const run = runs.get('--help')!;
    expect(run.status).toBe(0);
    for (const word of ['mock', 'sandbox', '--port', '--host', '--seed', '--state-file', '--help', '--version'])
      expect(run.stdout).toContain(word);
  });

  it("prints the package's version", () => {
    const run = runs.get('--version')!;
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
  });
});
