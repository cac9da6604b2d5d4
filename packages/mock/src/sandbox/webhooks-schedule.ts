/**
 * The scheduled scenario: a credential's status changes after a delay on the
 * sandbox clock, as Leaf's background check would notice a revoked grant.
 * Asked for per token (a control request) or for everyone (a seed's
 * `statusChanges`). A token's change is due when that token's clock reaches
 * its time, a seed change when the sandbox clock does: by waiting, or by
 * moving the clock (PUT /__sandbox/clock), so a test need not wait.
 */
import type { Clocks } from './clock.js';
import { withStatus } from './credentials.js';
import { StateVersion } from './kept-state.js';
import type { CredentialStatus } from './magic-values.js';
import type { Slot, Store } from './store.js';
import type { StateKey } from './token-keys.js';

export interface ScheduledChange {
  /** The token whose credential changes; undefined: the seed's, which every token sees. */
  key?: StateKey;
  slot: Slot;
  status: CredentialStatus;
  /** On the key's clock (the sandbox clock for the seed's). */
  at: Date;
}

/** How far ahead a change may be scheduled: a day of sandbox time. */
export const MAX_DELAY_SECONDS = 24 * 60 * 60;

export class StatusSchedule {
  private changes: ScheduledChange[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly clocks: Clocks,
    /** Told of a seed credential's change, with every key that still saw the seeded one. */
    private readonly seedChanged: (keys: StateKey[], slot: Slot) => void,
    private readonly keysOf: () => StateKey[],
    /** Runs the timer's changes (the sandbox keeps them as it keeps a request's: see index.ts). */
    private readonly onTimer: () => void = () => this.runDue(),
    /** Counts each change to the schedule (the state file keeps a token's scheduled changes). */
    private readonly version = new StateVersion(),
  ) {}

  add(change: ScheduledChange): void {
    this.changes.push(change);
    this.version.changed();
    this.runDue();
  }

  /** The changes still to come for `key` (and the seed's), soonest first. */
  pending(key: StateKey | undefined): ScheduledChange[] {
    return this.changes.filter((change) => change.key === undefined || change.key === key);
  }

  /** Applies every change whose time has come, then waits (in real time) for the next one. */
  runDue(): void {
    const due = this.changes.filter((change) => this.waitOf(change) <= 0);
    this.changes = this.changes.filter((change) => !due.includes(change));
    if (due.length > 0) this.version.changed();
    for (const change of due.sort((a, b) => a.at.getTime() - b.at.getTime()))
      this.apply(change, this.clocks.now(change.key));
    this.arm();
  }

  /** Forgets the changes of `key` (or every change). */
  reset(key: StateKey | undefined): void {
    this.changes = key === undefined ? [] : this.changes.filter((change) => change.key !== key);
    this.version.changed();
    this.arm();
  }

  /**
   * The tokens' changes still to come, for the state file. The seed's are not kept: they come
   * from the seed, again, at every start.
   */
  snapshot(): ScheduledChange[] {
    return this.changes.filter((change) => change.key !== undefined);
  }

  /** The tokens' changes become the snapshot's (the seed's stay); those already due run on the timer. */
  restore(snapshot: readonly ScheduledChange[]): void {
    this.changes = [...this.changes.filter((change) => change.key === undefined), ...snapshot];
    this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private apply(change: ScheduledChange, now: Date): void {
    if (change.key !== undefined) {
      const credential = this.store.get(change.key, change.slot);
      // A credential deleted meanwhile has nothing left to change.
      if (credential) this.store.put(change.key, change.slot, withStatus(credential, change.status, now));
      return;
    }
    const seeded = this.store.seeded(change.slot);
    if (!seeded) return;
    const keys = this.keysOf().filter((key) => this.store.get(key, change.slot) === seeded);
    this.store.addToSeed([{ ...change.slot, credential: withStatus(seeded, change.status, now) }]);
    this.seedChanged(keys, change.slot);
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (this.changes.length === 0) return;
    const wait = Math.min(...this.changes.map((change) => this.waitOf(change)));
    // setTimeout's limit is about 24.8 days; MAX_DELAY_SECONDS keeps well under it.
    this.timer = setTimeout(() => this.onTimer(), Math.max(0, wait));
    this.timer.unref();
  }

  /** Milliseconds until the change is due on its key's clock (0 or less: due). */
  private waitOf(change: ScheduledChange): number {
    return change.at.getTime() - this.clocks.now(change.key).getTime();
  }
}
