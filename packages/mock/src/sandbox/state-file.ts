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
 *   something not kept: the whole state goes back to the last snapshot written.
 *   The next change tries writing again.
 *
 * What the file holds (every kind of state a token keeps), and how an older
 * file is read: state-file-format.ts.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import type { KeptState, StateSnapshot } from './kept-state.js';
import type { ResourceTable } from './resources.js';
import { documentSections, FormatProblem, readDocument, STATE_FORMAT, STATE_VERSION } from './state-file-format.js';

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
  try {
    return readDocument(parsed, table);
  } catch (error) {
    if (error instanceof FormatProblem) throw new StateFileError(file, error.message);
    throw error;
  }
}

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

/** Writes one moment's state to `file`, atomically. */
async function writeStateFile(file: string, snapshot: StateSnapshot): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w');
  try {
    let chunk = `{"format":${JSON.stringify(STATE_FORMAT)},"version":${STATE_VERSION}`;
    /** A Map as an object, entry by entry (so a big state goes out in chunks); anything else as JSON. */
    const emit = async (value: unknown): Promise<void> => {
      if (!(value instanceof Map)) {
        // Every entry was checked for depth where it entered (limits.ts), so stringify cannot overflow.
        chunk += JSON.stringify(value);
        if (chunk.length >= CHUNK_CHARS) {
          await handle.write(chunk);
          chunk = '';
        }
        return;
      }
      chunk += '{';
      let first = true;
      for (const [key, entry] of value) {
        chunk += `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        await emit(entry);
      }
      chunk += '}';
    };
    for (const [name, section] of documentSections(snapshot)) {
      chunk += `,${JSON.stringify(name)}:`;
      await emit(section);
    }
    await handle.write(`${chunk}}\n`);
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
  state: KeptState,
  unlock: () => Promise<void>,
  onError: (error: Error) => void,
): StateWriter {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let keptVersion = state.version;
  /** What the file holds: a failed write puts the state back to it. */
  let kept = state.snapshot();
  let lastWriteMs = 0;
  let waiters: Waiter[] = [];

  const settle = (ok: boolean, version: number, error?: Error) => {
    const done = ok ? waiters.filter((waiter) => waiter.version <= version) : waiters;
    waiters = ok ? waiters.filter((waiter) => waiter.version > version) : [];
    for (const waiter of done) ok ? waiter.resolve() : waiter.reject(error!);
  };

  const run = () => {
    timer = undefined;
    const version = state.version;
    const snapshot = state.snapshot();
    const started = performance.now();
    writing = writeStateFile(file, snapshot).then(
      () => {
        keptVersion = version;
        kept = snapshot;
        settle(true, version);
      },
      (cause: Error) => {
        // Back to what the file holds: the changes since were not kept, and their requests hear so.
        state.restore(kept);
        // What memory holds is again what the file holds.
        keptVersion = state.version;
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
      if (state.version <= keptVersion) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.push({ version: state.version, resolve, reject });
        arm();
      });
    },
    async close() {
      try {
        while (writing || state.version > keptVersion) {
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
