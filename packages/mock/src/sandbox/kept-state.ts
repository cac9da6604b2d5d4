/**
 * Everything the state file keeps, as one snapshot: each token's credentials
 * and users (copy on write over the seed, tombstones included), webhooks,
 * deliveries and failed calls, scheduled changes, the remembered sign-in
 * passwords and the clocks. The seed is not in it: it comes from the options
 * at every start.
 *
 * Every kind of kept state counts its changes on one StateVersion, so the
 * state file knows there is something to write whichever kind changed, and
 * each gives a snapshot of one moment and takes one back: a write that failed
 * puts the whole state back to the last snapshot written (see state-file.ts).
 */
import type { PasswordHash, Passwords } from './authenticate.js';
import type { ClocksSnapshot, KeptClocks } from './clock.js';
import type { Store, StoreSnapshot } from './store.js';
import type { UserStore, UsersSnapshot } from './users.js';
import type { WebhookService, WebhooksSnapshot } from './webhooks.js';
import type { ScheduledChange, StatusSchedule } from './webhooks-schedule.js';

/** Counts the changes to what the state file keeps. */
export class StateVersion {
  value = 0;
  changed(): void {
    this.value += 1;
  }
}

export interface StateSnapshot extends WebhooksSnapshot {
  credentials: StoreSnapshot;
  users: UsersSnapshot;
  /** The tokens' scheduled changes (the seed's come from the seed). */
  scheduled: ScheduledChange[];
  passwords: Map<string, PasswordHash>;
  clocks: ClocksSnapshot;
}

export const emptySnapshot = (): StateSnapshot => ({
  credentials: new Map(),
  users: new Map(),
  webhooks: new Map(),
  deliveries: new Map(),
  failedCalls: new Map(),
  scheduled: [],
  passwords: new Map(),
  clocks: { sandboxOffsetMs: 0, offsetsMs: new Map() },
});

/** The sandbox's state as the state file sees it. */
export interface KeptState {
  /** Counts every change to what is kept. */
  readonly version: number;
  /** One moment's state (copied: later changes do not reach it). */
  snapshot(): StateSnapshot;
  /** Replaces every kept kind of state with the snapshot's (which stays as it is). */
  restore(snapshot: StateSnapshot): void;
}

export interface KeptParts {
  version: StateVersion;
  store: Store;
  users?: UserStore;
  webhooks: WebhookService;
  schedule: StatusSchedule;
  passwords: Passwords;
  clocks: KeptClocks;
}

export function keptState(parts: KeptParts): KeptState {
  return {
    get version() {
      return parts.version.value;
    },
    snapshot: () => ({
      credentials: parts.store.snapshot(),
      users: parts.users?.snapshot() ?? new Map(),
      ...parts.webhooks.snapshot(),
      scheduled: parts.schedule.snapshot(),
      passwords: parts.passwords.snapshot(),
      clocks: parts.clocks.snapshot(),
    }),
    restore(snapshot) {
      parts.store.restore(snapshot.credentials);
      parts.users?.restore(snapshot.users);
      parts.webhooks.restore(snapshot);
      parts.clocks.restore(snapshot.clocks);
      parts.passwords.restore(snapshot.passwords);
      // Last: the schedule reads the clocks to know what is due.
      parts.schedule.restore(snapshot.scheduled);
    },
  };
}
