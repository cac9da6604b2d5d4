/**
 * The sandbox's state: one map of credentials per state key (see
 * token-keys.ts), over a shared seed. Reads look in the key's own map, then in
 * the seed; writes go to the key's own map only (copy on write), and a delete
 * of a seeded credential leaves a tombstone. Every lookup is a Map get on
 * (key, user + provider): no scans, so latency stays flat as state grows.
 */
import type { LogEntry } from './events.js';
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

/** What the state file keeps: each key's own entries (null for a tombstone). */
export type StateSnapshot = Record<StateKey, Record<string, Credential | null>>;

const SEPARATOR = '\n';
const slotId = ({ leafUserId, provider }: Slot) => `${leafUserId}${SEPARATOR}${provider}`;
const slotOf = (id: string): Slot => {
  const at = id.indexOf(SEPARATOR);
  return { leafUserId: id.slice(0, at), provider: id.slice(at + 1) };
};

interface Undo {
  version: number;
  undo: () => void;
}

export class Store {
  private seed = new Map<string, Credential>();
  private states = new Map<StateKey, Map<string, Entry>>();
  private undos: Undo[] = [];
  /** Counts the changes to what the state file keeps (not the seed). */
  version = 0;
  /** Whether changes keep their undo (a state file keeps the store). */
  journal = false;

  get(key: StateKey, slot: Slot): Credential | undefined {
    const id = slotId(slot);
    const own = this.states.get(key)?.get(id);
    if (own !== undefined) return own ?? undefined;
    return this.seed.get(id);
  }

  put(key: StateKey, slot: Slot, credential: Credential): void {
    this.setOwn(key, slotId(slot), credential);
    this.changed();
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
      if (mine === undefined) listed.push({ ...slotOf(id), credential });
    }
    for (const [id, entry] of own ?? []) if (entry) listed.push({ ...slotOf(id), credential: entry });
    return listed;
  }

  /** `key` back to the seed, or every key when none is given. */
  reset(key?: StateKey): void {
    if (key === undefined) {
      const states = this.states;
      this.states = new Map();
      this.remember(() => {
        this.states = states;
      });
    } else {
      const own = this.states.get(key);
      this.states.delete(key);
      if (own) this.remember(() => this.states.set(key, own));
    }
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
  snapshot(): Array<[StateKey, Map<string, Entry>]> {
    const copy: Array<[StateKey, Map<string, Entry>]> = [];
    for (const [key, own] of this.states) if (own.size > 0) copy.push([key, new Map(own)]);
    return copy;
  }

  restore(snapshot: StateSnapshot): void {
    this.states = new Map();
    for (const [key, entries] of Object.entries(snapshot)) this.states.set(key, new Map(Object.entries(entries)));
  }

  /** The changes up to `version` are kept: their undos go. */
  kept(version: number): void {
    const first = this.undos.findIndex((undo) => undo.version > version);
    this.undos = first === -1 ? [] : this.undos.slice(first);
  }

  /** Undoes every change after `version` (they could not be kept), newest first. */
  undoAfter(version: number): void {
    while (this.undos.length > 0 && this.undos.at(-1)!.version > version) this.undos.pop()!.undo();
  }

  private setOwn(key: StateKey, id: string, entry: Entry | undefined): void {
    let own = this.states.get(key);
    if (!own) {
      own = new Map();
      this.states.set(key, own);
      const created = own;
      this.remember(() => {
        if (this.states.get(key) === created) this.states.delete(key);
      });
    }
    const map = own;
    const had = map.has(id);
    const before = map.get(id);
    this.remember(() => (had ? map.set(id, before as Entry) : map.delete(id)));
    if (entry === undefined) map.delete(id);
    else map.set(id, entry);
  }

  private remember(undo: () => void): void {
    if (this.journal) this.undos.push({ version: this.version + 1, undo });
  }

  private changed(): void {
    this.version += 1;
  }
}
