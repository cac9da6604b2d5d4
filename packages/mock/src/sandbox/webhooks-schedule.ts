/**
 * The scheduled scenario: a credential's status changes after a delay on the
 * sandbox clock, as Leaf's background check would notice a revoked grant.
 * Asked for per token (a control request) or for everyone (a seed's
 * `statusChanges`). A change is due when the sandbox clock reaches its time:
 * by waiting, or by moving the clock (PUT /__sandbox/clock), so a test need not wait.
 */
import type { Clock } from './clock.js';
import { withStatus } from './credentials.js';
import type { CredentialStatus } from './magic-values.js';
import type { Slot, Store } from './store.js';
import type { StateKey } from './token-keys.js';

export interface ScheduledChange {
  /** The token whose credential changes; undefined: the seed's, which every token sees. */
  key?: StateKey;
  slot: Slot;
  status: CredentialStatus;
  /** On the sandbox clock. */
  at: Date;
}

/** How far ahead a change may be scheduled: a day of sandbox time. */
export const MAX_DELAY_SECONDS = 24 * 60 * 60;

export class StatusSchedule {
  private changes: ScheduledChange[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** Told of a seed credential's change, with every key that still saw the seeded one. */
    private readonly seedChanged: (keys: StateKey[], slot: Slot) => void,
    private readonly keysOf: () => StateKey[],
  ) {}

  add(change: ScheduledChange): void {
    this.changes.push(change);
    this.runDue();
  }

  /** The changes still to come for `key` (and the seed's), soonest first. */
  pending(key: StateKey | undefined): ScheduledChange[] {
    return this.changes.filter((change) => change.key === undefined || change.key === key);
  }

  /** Applies every change whose time has come, then waits (in real time) for the next one. */
  runDue(): void {
    const now = this.clock.now();
    const due = this.changes.filter((change) => change.at.getTime() <= now.getTime());
    this.changes = this.changes.filter((change) => !due.includes(change));
    for (const change of due.sort((a, b) => a.at.getTime() - b.at.getTime())) this.apply(change, now);
    this.arm();
  }

  /** Forgets the changes of `key` (or every change). */
  reset(key: StateKey | undefined): void {
    this.changes = key === undefined ? [] : this.changes.filter((change) => change.key !== key);
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
    const next = Math.min(...this.changes.map((change) => change.at.getTime()));
    // setTimeout's limit is about 24.8 days; MAX_DELAY_SECONDS keeps well under it.
    this.timer = setTimeout(() => this.runDue(), Math.max(0, next - this.clock.now().getTime()));
    this.timer.unref();
  }
}
