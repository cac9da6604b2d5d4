/**
 * `--state-file`: the sandbox's state across restarts. Writes are atomic (a
 * temp file, fsynced, renamed over the old one), so a kill at any moment
 * leaves either the previous state or the new one. Writes are coalesced: one
 * runs at a time, and changes made meanwhile go into the next one, spaced by
 * how long the last took, so 100,000 quick creates cost a few writes, not 100,000.
 */
import { open, readFile, rename } from 'node:fs/promises';
import type { Credential, StateSnapshot, Store } from './store.js';

const STATE_FORMAT = 'leaf-credentials-sandbox-state';
const STATE_VERSION = 1;
/** The shortest wait between a change and its write. */
const MIN_WRITE_DELAY_MS = 20;
/** Chunks of this many characters are written at once. */
const CHUNK_CHARS = 1 << 20;

/** The state file cannot be used: the sandbox does not start, and the file is left as it is. */
export class StateFileError extends Error {
  constructor(file: string, reason: string) {
    super(
      `The sandbox state file ${file} cannot be used: ${reason}. It was left unchanged; fix it, or move it away to start empty.`,
    );
    this.name = 'StateFileError';
  }
}

/** The state in `file`, or undefined when there is no such file yet. */
export async function loadStateFile(file: string): Promise<StateSnapshot | undefined> {
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
  return checkSnapshot(file, parsed);
}

function checkSnapshot(file: string, parsed: unknown): StateSnapshot {
  const document = parsed as { format?: unknown; version?: unknown; states?: unknown };
  if (!isObject(document) || document.format !== STATE_FORMAT) {
    throw new StateFileError(file, `it is not a sandbox state file (no "format": "${STATE_FORMAT}")`);
  }
  if (document.version !== STATE_VERSION)
    throw new StateFileError(file, `its version ${String(document.version)} is not ${STATE_VERSION}`);
  if (!isObject(document.states)) throw new StateFileError(file, '"states" is not an object');
  for (const [key, entries] of Object.entries(document.states)) {
    if (!isObject(entries)) throw new StateFileError(file, `states[${JSON.stringify(key)}] is not an object`);
    for (const [slot, entry] of Object.entries(entries)) {
      if (entry !== null && !isCredential(entry)) {
        throw new StateFileError(
          file,
          `states[${JSON.stringify(key)}][${JSON.stringify(slot)}] is not a stored credential`,
        );
      }
    }
  }
  return document.states as StateSnapshot;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function isCredential(value: unknown): value is Credential {
  return isObject(value) && isObject(value.resource) && Array.isArray(value.log);
}

/** Writes the store's state to `file`, atomically. */
async function writeStateFile(file: string, store: Store): Promise<void> {
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
    for (const [key, entries] of store.snapshot()) {
      chunk += `${firstKey ? '' : ','}${JSON.stringify(key)}:{`;
      firstKey = false;
      let firstEntry = true;
      for (const [slot, entry] of entries) {
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
  /** A change happened: write it soon. */
  schedule(): void;
  /** Write what is pending now, and wait for it. */
  flush(): Promise<void>;
}

export function createStateWriter(file: string, store: Store, onError: (error: Error) => void): StateWriter {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let dirty = false;
  let lastWriteMs = 0;

  const run = () => {
    timer = undefined;
    dirty = false;
    const started = performance.now();
    writing = writeStateFile(file, store)
      .catch(onError)
      .finally(() => {
        lastWriteMs = performance.now() - started;
        writing = undefined;
        if (dirty) arm();
      });
  };
  const arm = () => {
    if (timer || writing) return;
    timer = setTimeout(run, Math.max(MIN_WRITE_DELAY_MS, lastWriteMs * 2));
  };

  return {
    schedule() {
      dirty = true;
      arm();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (writing) await writing;
      // The write that just ended may have armed the next one: this flush does it instead.
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (dirty) {
        dirty = false;
        await writeStateFile(file, store);
      }
    },
  };
}
