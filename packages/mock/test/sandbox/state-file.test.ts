import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StateFileError } from '../../src/sandbox/index.js';
import { loadStateFile } from '../../src/sandbox/state-file.js';
import { clientOf, emptySandbox, OTHER_USER, providers, table, USER } from './support.js';

const provider = providers[0]!;
const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
let files = 0;
const freshFile = () => {
  files += 1;
  return join(dir, `state-${files}.json`);
};

function stateWith(states: Record<string, unknown>): string {
  return JSON.stringify({ format: 'leaf-credentials-sandbox-state', version: 1, states });
}
const slotOf = (leafUserId: string) => `${leafUserId}\n${provider.name}`;
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 0; level < depth; level += 1) value = { deeper: value };
  return value;
}

describe('the state file', () => {
  it('keeps state across a restart: credentials, deletions and status changes', async () => {
    const stateFile = freshFile();
    const first = await emptySandbox({ stateFile });
    const client = clientOf(first, 'restart-token');
    const created = await client.create(provider);
    await client.control('PUT', `/users/${USER}/${provider.segment}/status`, { status: 'UNAUTHENTICATED' });
    const events = await client.events(provider);
    await first.close();

    const second = await emptySandbox({ stateFile });
    const again = clientOf(second, 'restart-token');
    expect((await again.get(provider)).body).toEqual({ ...(created.body as object), status: 'UNAUTHENTICATED' });
    expect((await again.events(provider)).body).toEqual(events.body);
    expect((await clientOf(second, 'someone-else').get(provider)).statusCode).toBe(404);
    await second.close();
  });

  it('starts empty when the file does not exist yet, and creates it on the first change', async () => {
    const stateFile = freshFile();
    const sandbox = await emptySandbox({ stateFile });
    expect(existsSync(stateFile)).toBe(false);
    await clientOf(sandbox, 't').create(provider);
    await sandbox.close();
    expect(await loadStateFile(stateFile, table)).toMatchObject({ 'token:t': expect.any(Object) });
  });

  it.each([
    { name: 'not JSON', content: '{"format": "leaf-credentials-sandbox-state", "vers', reason: 'is not JSON' },
    { name: 'another kind of JSON', content: '{"credentials": []}', reason: 'not a sandbox state file' },
    {
      name: 'another version',
      content: '{"format": "leaf-credentials-sandbox-state", "version": 9, "states": {}}',
      reason: 'version 9',
    },
    {
      name: 'a broken entry',
      content: stateWith({ 'token:k': { [slotOf(USER)]: 3 } }),
      reason: `states["token:k"][${JSON.stringify(slotOf(USER))}] is not a stored credential`,
    },
    {
      name: 'an entry that is well-formed JSON but not a valid resource',
      content: stateWith({ 'token:k': { [slotOf(USER)]: { resource: { status: 'OK' }, log: [] } } }),
      reason: `states["token:k"][${JSON.stringify(slotOf(USER))}] is not a stored credential: field resource`,
    },
    {
      name: 'an entry nested too deep',
      content: stateWith({ 'token:k': { [slotOf(USER)]: { resource: nested(40), log: [] } } }),
      reason: 'nested deeper than',
    },
    {
      name: 'an entry of a provider the spec does not have',
      content: stateWith({ 'token:k': { [`${USER}\nNobody`]: null } }),
      reason: 'not a Leaf user id and a provider of the spec',
    },
    {
      name: 'one user under two cases of its id',
      content: stateWith({ 'token:k': { [slotOf(USER)]: null, [slotOf(USER.toUpperCase())]: null } }),
      reason: 'the same user and provider as another entry',
    },
  ])('refuses a state file that is $name, saying why, and leaves it unchanged', async ({ content, reason }) => {
    const stateFile = freshFile();
    writeFileSync(stateFile, content);
    const error = await emptySandbox({ stateFile }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain(stateFile);
    expect((error as Error).message).toContain(reason);
    expect(readFileSync(stateFile, 'utf8')).toBe(content);
  });

  it('refuses a state file it cannot read', async () => {
    const stateFile = freshFile();
    mkdirSync(stateFile);
    await expect(emptySandbox({ stateFile })).rejects.toThrow(/cannot be read/);
  });

  it('refuses, at start, a state file in a directory that cannot be written', async () => {
    const stateFile = join(dir, 'no-such-directory', 'state.json');
    const error = await emptySandbox({ stateFile }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toMatch(/directory cannot be written/);
  });

  it('keeps a second sandbox off a state file in use, naming the process, until the first closes', async () => {
    const stateFile = freshFile();
    const first = await emptySandbox({ stateFile });
    const error = await emptySandbox({ stateFile }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain(`process ${process.pid}`);
    await first.close();
    await (await emptySandbox({ stateFile })).close();
  });

  it('takes over the lock of a process that is gone', async () => {
    const stateFile = freshFile();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${stateFile}.lock`, `${gone}\n`);
    const sandbox = await emptySandbox({ stateFile });
    expect(readFileSync(`${stateFile}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    await sandbox.close();
    expect(existsSync(`${stateFile}.lock`)).toBe(false);
  });

  it('answers 503 for a change it could not write, undoes it, and keeps changes again once writing works', async () => {
    const stateDir = mkdtempSync(join(dir, 'failing-'));
    const stateFile = join(stateDir, 'state.json');
    const sandbox = await emptySandbox({ stateFile });
    const client = clientOf(sandbox, 'disk');
    expect((await client.create(provider)).statusCode).toBe(201);
    rmSync(stateDir, { recursive: true });
    const refused = await client.create(provider, undefined, OTHER_USER);
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect((await client.get(provider, OTHER_USER)).statusCode).toBe(404);
    expect((await client.control('POST', '/reset')).statusCode).toBe(503);
    expect((await client.get(provider)).statusCode).toBe(200);
    mkdirSync(stateDir);
    expect((await client.create(provider, undefined, OTHER_USER)).statusCode).toBe(201);
    await sandbox.close();
    expect(Object.keys((await loadStateFile(stateFile, table))!['token:disk']!)).toHaveLength(2);
  });

  it('stores a user id in lower case, whatever case it was created, seeded or loaded with', async () => {
    const stateFile = freshFile();
    writeFileSync(stateFile, stateWith({ 'token:k': { [slotOf(USER.toUpperCase())]: null } }));
    expect(Object.keys((await loadStateFile(stateFile, table))!['token:k']!)).toEqual([slotOf(USER)]);
  });

  it('writes many quick changes in few writes, and close() writes what is pending', async () => {
    const stateFile = freshFile();
    const sandbox = await emptySandbox({ stateFile });
    const client = clientOf(sandbox, 'bulk');
    const users = Array.from(
      { length: 2_000 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    );
    await Promise.all(users.map((user) => client.create(provider, undefined, user)));
    await sandbox.close();
    const snapshot = (await loadStateFile(stateFile, table))!;
    expect(Object.keys(snapshot['token:bulk']!)).toHaveLength(users.length);
  });

  it('is never left corrupt by a SIGKILL, including one in the middle of a write', async () => {
    let midWrite = 0;
    // A write is in progress about a third of the time: 20 tries all missing one is a (2/3)^20 chance.
    for (let attempt = 0; attempt < 20 && midWrite < 1; attempt += 1) {
      const stateFile = freshFile();
      await killWhileWriting(stateFile, 300 + Math.floor(Math.random() * 900));
      if (existsSync(`${stateFile}.tmp`)) midWrite += 1;
      const snapshot = await loadStateFile(stateFile, table);
      expect(Object.keys(snapshot?.['token:writer'] ?? {}).length).toBeGreaterThan(0);
    }
    expect(midWrite).toBeGreaterThan(0);
  }, 180_000);
});

const WRITER = fileURLToPath(new URL('./fixtures/keep-writing-state.ts', import.meta.url));

/** Runs the writer until it has written once, lets it go on `ms` more, then kills it with SIGKILL. */
function killWhileWriting(stateFile: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, stateFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer exited by itself (${signal})`)),
    );
  });
}
