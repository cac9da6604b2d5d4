/**
 * `npm run sandbox` as a process: `--seed` and `--state-file` problems stop it
 * with one line (naming the file, the entry and the field) and never touch the
 * file; a state file keeps state across a restart, and across a `kill -9`
 * once a change has been written; a seed serves every token.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBundledSpec, specModel } from '@leaf-credentials/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleRequest, fillPath } from '../../src/example-requests.js';
import { startSandbox } from '../../src/index.js';
import { exampleSeed } from '../../src/sandbox/index.js';
import { loadOperations } from '../../src/spec.js';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** Starting the CLI loads Prism and compiles TypeScript: seconds each, more with the rest of the suite running. */
const CLI_TIMEOUT_MS = 90_000;
const shapes = specModel().operations;
const create = shapes.find((shape) => shape.method === 'POST' && shape.path.startsWith('/users/'))!;
const get = shapes.find((shape) => shape.method === 'GET' && shape.path === create.path)!;
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

/** The CLI run to its end (these cases stop it at start): exit status and output. */
function runCli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/cli.js', ...args, '--port', '0', '--quiet'],
      { cwd: PACKAGE_DIR, timeout: CLI_TIMEOUT_MS },
      (error, stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

async function seedWith(name: string, content: string): Promise<string> {
  const file = join(directory, name);
  await writeFile(file, content);
  return file;
}

/** The example seed as plain JSON the cases edit: each entry's fields and its stored `credentials` object. */
type EditableSeed = { credentials: Array<Record<string, unknown> & { credentials: Record<string, unknown> }> };

async function validSeed(): Promise<EditableSeed> {
  return structuredClone(exampleSeed(await loadOperations(readBundledSpec()))) as never;
}

describe.concurrent('refusals that stop the sandbox with one line', { timeout: CLI_TIMEOUT_MS + 10_000 }, () => {
  const CASES: Array<{ behaviour: string; args: () => Promise<string[]>; says: (string | RegExp)[] }> = [
    {
      behaviour: '--seed given to the mock',
      args: async () => ['mock', '--seed', 'x.json'],
      says: ['--seed needs the sandbox'],
    },
    {
      behaviour: '--state-file given to the mock',
      args: async () => ['mock', '--state-file', 'x.json'],
      says: ['--state-file needs the sandbox'],
    },
    {
      behaviour: 'a seed file that does not exist, naming it',
      args: async () => ['sandbox', '--seed', join(directory, 'missing.json')],
      says: ['missing.json', 'cannot be read'],
    },
    {
      behaviour: 'a seed entry missing a field, naming the file, the entry and the field',
      args: async () => {
        const seed = await validSeed();
        delete seed.credentials[1]!.credentials.clientId;
        return ['sandbox', '--seed', await seedWith('bad-entry.json', JSON.stringify(seed))];
      },
      says: ['bad-entry.json', 'credentials[1]', 'clientId'],
    },
    {
      behaviour: 'a YAML seed that is not YAML, naming the file',
      args: async () => ['sandbox', '--seed', await seedWith('broken.yaml', 'credentials: [\n  - {')],
      says: ['broken.yaml'],
    },
    {
      behaviour: 'a corrupt state file, naming it',
      args: async () => ['sandbox', '--state-file', await seedWith('corrupt-state.json', '{"not": "a state')],
      says: ['corrupt-state.json'],
    },
  ];
  for (const { behaviour, args, says } of CASES) {
    it(`exits 1 on ${behaviour}`, async () => {
      const result = await runCli(...(await args()));
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      for (const part of says) expect(lines[0]).toMatch(part);
      expect(result.stdout).not.toContain('listening on');
    });
  }

  it('leaves a corrupt state file as it was', async () => {
    const file = await seedWith('corrupt-kept.json', '{"half": ');
    expect((await runCli('sandbox', '--state-file', file)).status).toBe(1);
    expect(await readFile(file, 'utf8')).toBe('{"half": ');
  });
});

async function createOne(url: string, token: string, leafUserId: string): Promise<{ id: string }> {
  const request = exampleRequest(create);
  const response = await fetch(new URL(fillPath(create, { leafUserId }), url), {
    method: 'POST',
    headers: { ...request.headers, authorization: `Bearer ${token}` },
    body: request.body,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

async function read(
  url: string,
  token: string,
  leafUserId: string,
): Promise<{ status: number; body: { id?: unknown } }> {
  const response = await fetch(new URL(fillPath(get, { leafUserId }), url), {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: await response.json() };
}

describe('--state-file', { timeout: 120_000 }, () => {
  it('keeps what a token created across a restart', async () => {
    const stateFile = join(directory, 'restart.json');
    const token = `restart-${randomUUID()}`;
    const leafUserId = randomUUID();
    const first = await startSandbox({ stateFile, lenientUsers: true });
    const created = await createOne(first.url, token, leafUserId).finally(() => first.stop());
    const second = await startSandbox({ stateFile, lenientUsers: true });
    try {
      expect(await read(second.url, token, leafUserId)).toEqual({
        status: 200,
        body: expect.objectContaining({ id: created.id }),
      });
      expect((await read(second.url, `other-${randomUUID()}`, leafUserId)).status).toBe(404);
    } finally {
      await second.stop();
    }
  });

  it('keeps a written change across kill -9', async () => {
    const stateFile = join(directory, 'killed.json');
    const token = `killed-${randomUUID()}`;
    const leafUserId = randomUUID();
    const first = await startSandbox({ stateFile, lenientUsers: true });
    const created = await createOne(first.url, token, leafUserId);
    // Wait until the change is on disk (however long a busy machine takes: the test's timeout is
    // the only bound), then kill without a chance to flush.
    while (!(await readFile(stateFile, 'utf8').catch(() => '')).includes(created.id)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.kill(first.pid, 'SIGKILL');
    await first.stop();
    const second = await startSandbox({ stateFile, lenientUsers: true });
    try {
      expect((await read(second.url, token, leafUserId)).body.id).toBe(created.id);
    } finally {
      await second.stop();
    }
  });
});

describe('--seed', { timeout: 120_000 }, () => {
  it('serves the seeded credentials to every token, and a token deleting one deletes only its own view', async () => {
    const seed = await validSeed();
    const leafUserId = randomUUID();
    for (const entry of seed.credentials) entry.leafUserId = leafUserId;
    const sandbox = await startSandbox({ seedFile: await seedWith('seed.yaml', JSON.stringify(seed)) });
    try {
      const [a, b] = [`a-${randomUUID()}`, `b-${randomUUID()}`];
      expect((await read(sandbox.url, a, leafUserId)).status).toBe(200);
      const removed = await fetch(new URL(fillPath(get, { leafUserId }), sandbox.url), {
        method: 'DELETE',
        headers: { authorization: `Bearer ${a}` },
      });
      expect(removed.status).toBe(204);
      expect((await read(sandbox.url, a, leafUserId)).status).toBe(404);
      expect((await read(sandbox.url, b, leafUserId)).status).toBe(200);
      await sandbox.as(a).reset();
      expect((await read(sandbox.url, a, leafUserId)).status).toBe(200);
    } finally {
      await sandbox.stop();
    }
  });
});
