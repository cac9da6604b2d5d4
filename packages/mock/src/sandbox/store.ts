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

/** Told of every credential a key stores: what the key saw there before, and what it sees now. */
export type PutListener = (key: StateKey, slot: Slot, before: Credential | undefined, after: Credential) => void;

export class Store {
  private seed = new Map<string, Credential>();
  private readonly states = new Map<StateKey, Map<string, Entry>>();
  private readonly listeners: PutListener[] = [];

  /** Called after every change, for persistence. */
  constructor(private readonly onChange: () => void = () => {}) {}

  get(key: StateKey, slot: Slot): Credential | undefined {
    const id = slotId(slot);
    const own = this.states.get(key)?.get(id);
    if (own !== undefined) return own ?? undefined;
    return this.seed.get(id);
  }

  put(key: StateKey, slot: Slot, credential: Credential): void {
    const before = this.listeners.length > 0 ? this.get(key, slot) : undefined;
    this.own(key).set(slotId(slot), credential);
    this.onChange();
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
    const own = this.own(key);
    if (this.seed.has(id)) own.set(id, TOMBSTONE);
    else own.delete(id);
    this.onChange();
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
    if (key === undefined) this.states.clear();
    else this.states.delete(key);
    this.onChange();
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

  /** Each key's own entries, streamed key by key so a large state is never one big object. */
  *snapshot(): Generator<[StateKey, Iterable<[string, Entry]>]> {
    for (const [key, own] of this.states) if (own.size > 0) yield [key, own];
  }

  restore(snapshot: StateSnapshot): void {
    this.states.clear();
    for (const [key, entries] of Object.entries(snapshot)) this.states.set(key, new Map(Object.entries(entries)));
  }

  private own(key: StateKey): Map<string, Entry> {
    let own = this.states.get(key);
    if (!own) {
      own = new Map();
      this.states.set(key, own);
    }
    return own;
  }
}
