/**
 * `--state-file`: the sandbox's state across restarts.
 *
 * - One process per file: `FILE.lock` holds the pid of the sandbox using it; a
 *   second one is refused with a message naming that pid, and a lock whose
 *   process is gone is taken over. Creating the lock also proves, at start,
 *   that the directory can be written.
 * - Writes are atomic (a temp file, fsynced, renamed over the old one), so a
 *   kill at any moment leaves either the previous state or the new one.
 * - Writes are coalesced (one at a time; the changes made meanwhile go into the
 *   next, spaced by how long the last took) and a change is acknowledged only
 *   once a write holding it is done: `commit()` resolves then. When a write
 *   fails, every change it and the ones after it held is undone in memory and
 *   their `commit()`s reject, so the API answers them 503 and never a 2xx for
 *   something not kept. The next change tries writing again.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { canonicalUserId, MAX_NESTING, tooDeep } from './limits.js';
import type { ResourceTable } from './resources.js';
import { firstFailure } from './schemas.js';
import type { Credential, StateSnapshot, Store } from './store.js';

const STATE_FORMAT = 'leaf-credentials-sandbox-state';
const STATE_VERSION = 1;
/** The shortest wait between a change and its write (changes meanwhile share it). */
const MIN_WRITE_DELAY_MS = 10;
/** Chunks of this many characters are written at once. */
const CHUNK_CHARS = 1 << 20;

/** The state file cannot be used: the sandbox does not start. */
export class StateFileError extends Error {
  constructor(file: string, reason: string, advice = 'It was left unchanged; fix it, or move it away to start empty.') {
    super(`The sandbox state file ${file} cannot be used: ${reason}. ${advice}`);
    this.name = 'StateFileError';
  }
}

/** A write of the state file failed: the change was undone, and the API answers 503. */
class StateWriteError extends Error {
  constructor(file: string, cause: Error) {
    super(`The sandbox could not write its state file ${file} (${cause.message}); the change was not kept.`);
    this.name = 'StateWriteError';
  }
}

/** The state in `file`, or undefined when there is no such file yet; every entry checked against the spec. */
export async function loadStateFile(file: string, table: ResourceTable): Promise<StateSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(file, `it cannot be read (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(file, `it is not JSON (${(error as Error).message})`);
  }
  return checkSnapshot(file, parsed, table);
}

function checkSnapshot(file: string, parsed: unknown, table: ResourceTable): StateSnapshot {
  const document = parsed as { format?: unknown; version?: unknown; states?: unknown };
  if (!isObject(document) || document.format !== STATE_FORMAT) {
    throw new StateFileError(file, `it is not a sandbox state file (no "format": "${STATE_FORMAT}")`);
  }
  if (document.version !== STATE_VERSION)
    throw new StateFileError(file, `its version ${String(document.version)} is not ${STATE_VERSION}`);
  if (!isObject(document.states)) throw new StateFileError(file, '"states" is not an object');
  const states: StateSnapshot = {};
  for (const [key, entries] of Object.entries(document.states)) {
    if (!/^(token|user):./s.test(key))
      throw new StateFileError(file, `states[${JSON.stringify(key)}] is not a token's or a user's state`);
    if (!isObject(entries)) throw new StateFileError(file, `states[${JSON.stringify(key)}] is not an object`);
    const own: Record<string, Credential | null> = {};
    for (const [slot, entry] of Object.entries(entries)) {
      const at = `states[${JSON.stringify(key)}][${JSON.stringify(slot)}]`;
      const canonical = checkSlot(slot, table);
      if (typeof canonical !== 'string') throw new StateFileError(file, `${at}: ${canonical.reason}`);
      if (Object.hasOwn(own, canonical))
        throw new StateFileError(file, `${at}: the same user and provider as another entry of that state`);
      const problem = entry === null ? undefined : credentialProblem(entry, canonical, table);
      if (problem) throw new StateFileError(file, `${at} is not a stored credential: ${problem}`);
      own[canonical] = entry as Credential | null;
    }
    states[key] = own;
  }
  return states;
}

/** A slot id (`leafUserId\nprovider`) in canonical form, or why it is none. */
function checkSlot(slot: string, table: ResourceTable): string | { reason: string } {
  const [leafUserId = '', providerName, ...rest] = slot.split('\n');
  const provider = providerName === undefined ? undefined : table.provider(providerName);
  if (!provider || provider.name !== providerName || rest.length > 0)
    return { reason: 'not a Leaf user id and a provider of the spec' };
  const failure = firstFailure(table.leafUserIdSchema, leafUserId);
  if (failure) return { reason: `leafUserId ${failure.message}` };
  return `${canonicalUserId(leafUserId)}\n${provider.name}`;
}

/** Why `entry` is not a credential of the slot's provider (its resource against the spec's schema), if it is not. */
function credentialProblem(entry: unknown, slot: string, table: ResourceTable): string | undefined {
  if (!isObject(entry) || !isObject(entry.resource) || !Array.isArray(entry.log))
    return 'it needs a "resource" object and a "log" list';
  const deep = tooDeep(entry, MAX_NESTING + 2);
  if (deep !== undefined) return `${deep} is nested deeper than ${MAX_NESTING} levels`;
  const provider = table.provider(slot.slice(slot.indexOf('\n') + 1))!;
  const failure = firstFailure(provider.resourceSchema, entry.resource);
  if (failure) return `field resource${failure.field ? `.${failure.field}` : ''}: ${failure.message}`;
  const badEvent = entry.log.findIndex(
    (event) =>
      !isObject(event) ||
      typeof event.id !== 'string' ||
      !Number.isSafeInteger(event.at) ||
      !Number.isInteger(event.statusCode) ||
      typeof event.body !== 'string' ||
      typeof event.headers !== 'string',
  );
  if (badEvent !== -1) return `log[${badEvent}] is not an event (id, at, statusCode, body, headers)`;
  return undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Takes `FILE.lock` for this process; answers how to let it go. */
export async function lockStateFile(file: string): Promise<() => Promise<void>> {
  const lock = `${file}.lock`;
  const mine = `${process.pid}\n`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(mine);
      await handle.close();
      return async () => {
        // Only our own lock: a process that took over a lock we lost keeps its own.
        if ((await readFile(lock, 'utf8').catch(() => '')) === mine) await unlink(lock).catch(() => {});
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' || attempt > 0) {
        throw new StateFileError(
          file,
          code === 'EEXIST'
            ? `its lock ${lock} keeps coming back`
            : `its directory cannot be written (${(error as Error).message})`,
          'Give --state-file a path in a directory the sandbox can write.',
        );
      }
      const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
      if (Number.isSafeInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new StateFileError(
          file,
          `another sandbox (process ${holder}) is using it (${lock})`,
          'Stop that one, or give this one another --state-file: two processes on one file would lose each other’s writes.',
        );
      }
      // The process that held it is gone (killed, or a crash): the lock is stale.
      await unlink(lock).catch(() => {});
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes one moment's state of the store to `file`, atomically. */
async function writeStateFile(file: string, store: Store): Promise<void> {
  const states = store.snapshot();
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w');
  try {
    let chunk = `{"format":${JSON.stringify(STATE_FORMAT)},"version":${STATE_VERSION},"states":{`;
    const flushChunk = async (force: boolean) => {
      if (chunk.length < CHUNK_CHARS && !force) return;
      await handle.write(chunk);
      chunk = '';
    };
    let firstKey = true;
    for (const [key, entries] of states) {
      chunk += `${firstKey ? '' : ','}${JSON.stringify(key)}:{`;
      firstKey = false;
      let firstEntry = true;
      for (const [slot, entry] of entries) {
        // Every entry was checked for depth where it entered (limits.ts), so stringify cannot overflow.
        chunk += `${firstEntry ? '' : ','}${JSON.stringify(slot)}:${JSON.stringify(entry)}`;
        firstEntry = false;
        await flushChunk(false);
      }
      chunk += '}';
    }
    chunk += '}}\n';
    await flushChunk(true);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

export interface StateWriter {
  /** Resolves once every change made so far is in the file; rejects with a StateWriteError when it could not be (the changes were undone). */
  commit(): Promise<void>;
  /** Writes what is pending, waits for it, and lets the lock go. */
  close(): Promise<void>;
}

interface Waiter {
  version: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

export function createStateWriter(
  file: string,
  store: Store,
  unlock: () => Promise<void>,
  onError: (error: Error) => void,
): StateWriter {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let keptVersion = store.version;
  let lastWriteMs = 0;
  let waiters: Waiter[] = [];
  store.journal = true;

  const settle = (ok: boolean, version: number, error?: Error) => {
    const done = ok ? waiters.filter((waiter) => waiter.version <= version) : waiters;
    waiters = ok ? waiters.filter((waiter) => waiter.version > version) : [];
    for (const waiter of done) ok ? waiter.resolve() : waiter.reject(error!);
  };

  const run = () => {
    timer = undefined;
    const version = store.version;
    const started = performance.now();
    writing = writeStateFile(file, store).then(
      () => {
        keptVersion = version;
        store.kept(version);
        settle(true, version);
      },
      (cause: Error) => {
        // Back to what the file holds: the changes since were not kept, and their requests hear so.
        store.undoAfter(keptVersion);
        // What memory holds is again what the file holds.
        keptVersion = store.version;
        store.kept(keptVersion);
        const error = new StateWriteError(file, cause);
        settle(false, version, error);
        onError(error);
      },
    );
    void writing.finally(() => {
      lastWriteMs = performance.now() - started;
      writing = undefined;
      if (waiters.length > 0) arm();
    });
  };
  const arm = () => {
    if (timer || writing) return;
    timer = setTimeout(run, Math.max(MIN_WRITE_DELAY_MS, lastWriteMs * 2));
  };

  return {
    commit() {
      if (store.version <= keptVersion) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.push({ version: store.version, resolve, reject });
        arm();
      });
    },
    async close() {
      try {
        while (writing || store.version > keptVersion) {
          if (writing) await writing.catch(() => {});
          else {
            if (timer) clearTimeout(timer);
            run();
          }
        }
      } finally {
        if (timer) clearTimeout(timer);
        timer = undefined;
        await unlock();
      }
    },
  };
}
