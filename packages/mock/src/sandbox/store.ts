/**
 * The sandbox's state: one map of credentials per state key (see
 * token-keys.ts), over a shared seed. Reads look in the key's own map, then in
 * the seed; writes go to the key's own map only (copy on write), and a delete
 * of a seeded credential leaves a tombstone. Every lookup is a Map get on
 * (key, user + provider): no scans, so latency stays flat as state grows.
 */
import type { LogEntry } from './events.js';
import { StateVersion } from './kept-state.js';
import type { Resource } from './resource-shape.js';
import type { StateKey } from './token-keys.js';

export interface Credential {
  resource: Resource;
  /** Oldest first (appended as things happen). */
  log: LogEntry[];
}

/** Where one credential lives: a Leaf user and a provider (its tag name). */
export interface Slot {
  leafUserId: string;
  provider: string;
}

/** A deleted seeded credential: the key sees nothing there, whatever the seed has. */
const TOMBSTONE = null;
type Entry = Credential | typeof TOMBSTONE;

export interface StoredCredential extends Slot {
  credential: Credential;
}

/** What the state file keeps of a store: each key's own entries by slot id (null for a tombstone). */
export type StoreSnapshot = Map<StateKey, Map<string, Credential | null>>;

const SEPARATOR = '\n';
/** A slot as one string, as the state file names it (`leafUserId\nprovider`). */
export const slotId = ({ leafUserId, provider }: Slot) => `${leafUserId}${SEPARATOR}${provider}`;
export const slotOfId = (id: string): Slot => {
  const at = id.indexOf(SEPARATOR);
  return { leafUserId: id.slice(0, at), provider: id.slice(at + 1) };
};

/** Told of every credential a key stores: what the key saw there before, and what it sees now. */
export type PutListener = (key: StateKey, slot: Slot, before: Credential | undefined, after: Credential) => void;

export class Store {
  private seed = new Map<string, Credential>();
  private states = new Map<StateKey, Map<string, Entry>>();
  private readonly listeners: PutListener[] = [];

  /** `changes` counts the changes to what the state file keeps (not the seed). */
  constructor(private readonly changes = new StateVersion()) {}

  get version(): number {
    return this.changes.value;
  }

  get(key: StateKey, slot: Slot): Credential | undefined {
    const id = slotId(slot);
    const own = this.states.get(key)?.get(id);
    if (own !== undefined) return own ?? undefined;
    return this.seed.get(id);
  }

  put(key: StateKey, slot: Slot, credential: Credential): void {
    const before = this.listeners.length > 0 ? this.get(key, slot) : undefined;
    this.setOwn(key, slotId(slot), credential);
    this.changed();
    for (const listener of this.listeners) listener(key, slot, before, credential);
  }

  /** Calls `listener` after every put (the webhooks alert on a status change). */
  watch(listener: PutListener): void {
    this.listeners.push(listener);
  }

  /** The seed's credential in `slot`, whatever any key has made of it. */
  seeded(slot: Slot): Credential | undefined {
    return this.seed.get(slotId(slot));
  }

  /** Whether there was a credential to delete. */
  delete(key: StateKey, slot: Slot): boolean {
    if (!this.get(key, slot)) return false;
    const id = slotId(slot);
    this.setOwn(key, id, this.seed.has(id) ? TOMBSTONE : undefined);
    this.changed();
    return true;
  }

  /** Everything `key` sees, seeded and its own. */
  list(key: StateKey | undefined): StoredCredential[] {
    const own = key === undefined ? undefined : this.states.get(key);
    const listed: StoredCredential[] = [];
    for (const [id, credential] of this.seed) {
      const mine = own?.get(id);
      if (mine === undefined) listed.push({ ...slotOfId(id), credential });
    }
    for (const [id, entry] of own ?? []) if (entry) listed.push({ ...slotOfId(id), credential: entry });
    return listed;
  }

  /** `key` back to the seed, or every key when none is given. */
  reset(key?: StateKey): void {
    if (key === undefined) this.states = new Map();
    else this.states.delete(key);
    this.changed();
  }

  /** Replaces the shared seed (it is not persisted: it comes from options at every start). */
  setSeed(entries: StoredCredential[]): void {
    this.seed = new Map(entries.map((entry) => [slotId(entry), entry.credential]));
  }

  addToSeed(entries: StoredCredential[]): void {
    for (const entry of entries) this.seed.set(slotId(entry), entry.credential);
  }

  /** How many credentials keys hold of their own (tombstones not counted). */
  get size(): number {
    let count = 0;
    for (const own of this.states.values()) for (const entry of own.values()) if (entry) count += 1;
    return count;
  }

  /**
   * Each key's own entries as they are now: the maps are copied (entries are
   * never changed in place, only replaced), so a write that takes a while
   * writes one moment's state, not a mix of two.
   */
  snapshot(): StoreSnapshot {
    const copy: StoreSnapshot = new Map();
    for (const [key, own] of this.states) if (own.size > 0) copy.set(key, new Map(own));
    return copy;
  }

  /** Each key's own entries become the snapshot's (copied: the snapshot stays as it is). */
  restore(snapshot: StoreSnapshot): void {
    this.states = new Map();
    for (const [key, entries] of snapshot) this.states.set(key, new Map(entries));
  }

  private setOwn(key: StateKey, id: string, entry: Entry | undefined): void {
    let own = this.states.get(key);
    if (!own) {
      own = new Map();
      this.states.set(key, own);
    }
    if (entry === undefined) own.delete(id);
    else own.set(id, entry);
  }

  private changed(): void {
    this.changes.changed();
  }
}
