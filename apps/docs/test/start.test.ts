/**
 * `npm start`'s serving half (scripts/start.ts, run after the build): the docs
 * and the seeded sandbox together, both URLs printed, both stopped by one Ctrl-C.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { exampleLeafUserId, readBundledSpec } from '@leaf-credentials/spec';
import { REPO_ROOT } from '@leaf-credentials/tooling';
import { afterEach, describe, expect, it } from 'vitest';

const START_SCRIPT = join(REPO_ROOT, 'scripts/start.ts');
const LEAF_USER_ID = exampleLeafUserId();

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

const running: Started[] = [];

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', START_SCRIPT], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = { child, output: () => output, exited };
  running.push(started);
  return started;
}

/**
 * Resolves when the process has printed `pattern`, rejects when it exits first. The deadline only
 * turns a hang into a message with the output: it sits far above what a busy machine needs.
 */
function waitFor(started: Started, pattern: RegExp, hangMs = 100_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = started.output().match(pattern);
      if (match) finish(() => resolve(match));
    };
    const fail = (why: string) =>
      finish(() => reject(new Error(`start.ts ${why} before it printed ${pattern}; it printed:\n${started.output()}`)));
    const onExit = () => fail('exited');
    const timer = setTimeout(() => fail(`printed nothing matching in ${hangMs / 1000} s`), hangMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      started.child.stdout.off('data', check);
      started.child.stderr.off('data', check);
      started.child.off('exit', onExit);
      settle();
    };
    started.child.stdout.on('data', check);
    started.child.stderr.on('data', check);
    started.child.once('exit', onExit);
    check();
  });
}

afterEach(async () => {
  for (const started of running.splice(0)) {
    if (started.child.exitCode === null) started.child.kill('SIGKILL');
    await started.exited;
  }
});

describe('npm start (scripts/start.ts)', () => {
  it('serves the docs and the seeded sandbox, prints both URLs, and stops both on Ctrl-C', async () => {
    const started = start({ DOCS_PORT: '0', MOCK_PORT: '0' });
    const [, docsUrl] = await waitFor(started, /API docs\s+(http:\/\/\S+)/);
    const [, mockUrl] = await waitFor(started, /Sandbox\s+(http:\/\/\S+)/);
    await waitFor(started, /Ctrl-C stops both/);

    const docs = await fetch(docsUrl!);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await docs.text()).toContain(`<title>${readBundledSpec().info.title}</title>`);

    const status = await fetch(`${mockUrl}/users/${LEAF_USER_ID}/climate-field-view-credentials/status`, {
      headers: { authorization: 'Bearer any-token' },
    });
    expect(status.status).toBe(200);
    expect(await status.json()).toHaveProperty('status');

    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain('Stopped the docs and the sandbox.');
    await expect(fetch(docsUrl!)).rejects.toThrow();
    await expect(fetch(mockUrl!)).rejects.toThrow();
  });

  it('exits 1 naming DOCS_PORT when the docs port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, 'localhost', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const started = start({ DOCS_PORT: String(port), MOCK_PORT: '0' });
      expect(await started.exited).toBe(1);
      expect(started.output()).toContain(`Port ${port} is in use: set DOCS_PORT to another port.`);
    } finally {
      blocker.close();
    }
  });

  it('exits 1 naming DOCS_PORT when it is not a port, before starting anything', async () => {
    const started = start({ DOCS_PORT: 'abc', MOCK_PORT: '0' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('DOCS_PORT must be a port number from 0 to 65535, not "abc".');
    expect(started.output()).not.toMatch(/Sandbox\s+http/);
  });
});
