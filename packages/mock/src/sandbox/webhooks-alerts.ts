/**
 * Alerts in the background: each is POSTed (signed, see webhooks-delivery.ts)
 * with a bounded timeout and a bounded number of attempts; what still fails
 * is kept as a failed call (GET /webhooks/failed-calls), and every outcome is
 * kept per token for tests (`GET /__sandbox/webhooks/deliveries`). Both lists
 * are bounded: the oldest entries go first.
 */

import type { StateVersion } from './kept-state.js';
import type { StateKey } from './token-keys.js';
import {
  isExampleHost,
  leafJson,
  type PostOutcome,
  postSigned,
  signatureOf,
  succeeded,
  type WebhookPolicy,
} from './webhooks-delivery.js';

export interface DeliveryOptions {
  /** How long one POST may take (default 2000 ms). */
  timeoutMs: number;
  /** How many POSTs an alert gets before it is a failed call (default 3). */
  attempts: number;
  /** The wait before the second attempt; it doubles after each (default 100 ms). */
  backoffMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { timeoutMs: 2_000, attempts: 3, backoffMs: 100 };

/** Entries kept per token in each list. */
const MAX_KEPT = 1_000;

export interface Delivery {
  webhookId: string;
  url: string;
  /** The alert's `type`, or `webhookRegistered` for the confirmation. */
  event: string;
  /** The exact text POSTed (and signed). */
  body: string;
  signature: string;
  /** `delivered`, `failed`, or `recorded` (an example-domain URL: kept, never sent). */
  outcome: 'delivered' | 'failed' | 'recorded';
  attempts: number;
  status?: number;
  connectionError?: string;
  at: string;
}

export interface FailedCall {
  apiOwner: string;
  createdAt: string;
  url: string;
  status?: number;
  response?: string;
  requestBody: string;
  connectionError?: string;
}

export interface Target {
  id: string;
  url: string;
  secret: string;
}

/** Appends to the key's list, a new array each time: a snapshot's lists never change after it is taken. */
const push = <T>(map: Map<StateKey, T[]>, key: StateKey, entry: T) => {
  const list = [...(map.get(key) ?? []), entry];
  map.set(key, list.length > MAX_KEPT ? list.slice(list.length - MAX_KEPT) : list);
};

/** What the state file keeps of the alerts sent: each key's deliveries and failed calls. */
export interface AlertsSnapshot {
  deliveries: Map<StateKey, Delivery[]>;
  failedCalls: Map<StateKey, FailedCall[]>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export class AlertSender {
  private deliveries = new Map<StateKey, Delivery[]>();
  private failed = new Map<StateKey, FailedCall[]>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly policy: WebhookPolicy,
    private readonly options: DeliveryOptions,
    private readonly now: (key: StateKey) => Date,
    /** Counts each delivery and failed call kept (the state file keeps them). */
    private readonly changes: StateVersion,
    /** Keeps what a delivery recorded, though no request may wait for it. */
    private readonly keepBackgroundChange: () => void = () => {},
  ) {}

  /** One POST of the registration confirmation, awaited: the answer decides the registration. */
  async confirm(key: StateKey, target: Target, body: unknown): Promise<PostOutcome | undefined> {
    const text = leafJson(body);
    if (isExampleHost(new URL(target.url).hostname)) {
      this.record(key, target, 'webhookRegistered', text, 'recorded', 0);
      return undefined;
    }
    const outcome = await postSigned(new URL(target.url), text, target.secret, this.policy, this.options.timeoutMs);
    this.record(key, target, 'webhookRegistered', text, succeeded(outcome) ? 'delivered' : 'failed', 1, outcome);
    return outcome;
  }

  /** Sends `alert` to `target` in the background, retrying as the options allow. */
  send(key: StateKey, target: Target, event: string, alert: unknown): void {
    const text = leafJson(alert);
    if (isExampleHost(new URL(target.url).hostname)) {
      this.record(key, target, event, text, 'recorded', 0);
      return;
    }
    const job = this.attempt(key, target, event, text).finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  private async attempt(key: StateKey, target: Target, event: string, text: string): Promise<void> {
    let outcome: PostOutcome = { connectionError: 'not sent' };
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      if (attempt > 1) await sleep(this.options.backoffMs * 2 ** (attempt - 2));
      outcome = await postSigned(new URL(target.url), text, target.secret, this.policy, this.options.timeoutMs);
      if (succeeded(outcome)) {
        this.record(key, target, event, text, 'delivered', attempt, outcome);
        return;
      }
    }
    push(this.failed, key, {
      apiOwner: key.replace(/^(user|token):/, ''),
      createdAt: this.now(key).toISOString(),
      url: target.url,
      requestBody: text,
      ...('status' in outcome ? { status: outcome.status, response: outcome.response } : outcome),
    });
    this.record(key, target, event, text, 'failed', this.options.attempts, outcome);
  }

  private record(
    key: StateKey,
    target: Target,
    event: string,
    body: string,
    result: Delivery['outcome'],
    attempts: number,
    outcome?: PostOutcome,
  ): void {
    push(this.deliveries, key, {
      webhookId: target.id,
      url: target.url,
      event,
      body,
      signature: signatureOf(body, target.secret),
      outcome: result,
      attempts,
      ...(outcome && 'status' in outcome ? { status: outcome.status } : {}),
      ...(outcome && 'connectionError' in outcome ? { connectionError: outcome.connectionError } : {}),
      at: this.now(key).toISOString(),
    });
    this.changes.changed();
    // Alerts are sent after their change's request was answered: no request waits for this record.
    this.keepBackgroundChange();
  }

  failedCalls(key: StateKey): FailedCall[] {
    return this.failed.get(key) ?? [];
  }

  deliveriesOf(key: StateKey | undefined): Delivery[] {
    if (key !== undefined) return this.deliveries.get(key) ?? [];
    return [...this.deliveries.values()].flat();
  }

  clear(key: StateKey | undefined): void {
    if (key === undefined) {
      this.deliveries.clear();
      this.failed.clear();
    } else {
      this.deliveries.delete(key);
      this.failed.delete(key);
    }
    this.changes.changed();
  }

  /** Each key's lists as they are now (the lists are never changed in place: see `push`). */
  snapshot(): AlertsSnapshot {
    return { deliveries: new Map(this.deliveries), failedCalls: new Map(this.failed) };
  }

  restore(snapshot: AlertsSnapshot): void {
    this.deliveries = new Map(snapshot.deliveries);
    this.failed = new Map(snapshot.failedCalls);
  }

  /** Waits for the alerts under way (each bounded by its timeout and attempts). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
