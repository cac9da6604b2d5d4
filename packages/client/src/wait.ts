/**
 * Polling the Climate FieldView status endpoint until the credentials are
 * healthy: right after they are created Leaf may still be checking them.
 */
import { LeafCredentialStatusError, LeafTimeoutError } from './errors.js';
import { deadlineSignal, sleep } from './timing.js';
import type { CredentialStatus, CredentialStatusReport } from './types.js';

export interface WaitUntilHealthyOptions {
  /** Stops waiting (and the request in flight) with the signal's reason. */
  signal?: AbortSignal;
  /** How long to wait in all. Default 2 minutes. The earlier of this and `deadline` applies. */
  timeoutMs?: number;
  /** When to give up, as a Date or epoch milliseconds. */
  deadline?: Date | number;
  /** The first pause between polls; each later one doubles. Default 1 s. */
  intervalMs?: number;
  /** The longest pause between polls. Default 15 s. */
  maxIntervalMs?: number;
  /** Called with every status that is not yet `OK`. */
  onStatus?(status: CredentialStatus): void;
}

export const WAIT_DEFAULTS = { timeoutMs: 120_000, intervalMs: 1_000, maxIntervalMs: 15_000 } as const;

/** Statuses polling cannot fix: the provider refuses the credentials, so the user must act. */
const TERMINAL_STATUSES: ReadonlySet<CredentialStatus> = new Set<CredentialStatus>(['UNAUTHENTICATED', 'MISSING_PERMISSION']);

type GetStatus = (options: { signal: AbortSignal }) => Promise<CredentialStatusReport>;

export async function pollUntilHealthy(
  operation: string,
  getStatus: GetStatus,
  options: WaitUntilHealthyOptions = {},
): Promise<CredentialStatusReport> {
  const { signal, intervalMs = WAIT_DEFAULTS.intervalMs, maxIntervalMs = WAIT_DEFAULTS.maxIntervalMs } = options;
  const started = Date.now();
  const timeoutMs = Math.min(
    options.timeoutMs ?? (options.deadline === undefined ? WAIT_DEFAULTS.timeoutMs : Infinity),
    options.deadline === undefined ? Infinity : Number(options.deadline) - started,
  );
  const deadline = deadlineSignal(Math.max(0, timeoutMs), signal);
  let lastStatus: CredentialStatus | undefined;
  try {
    for (let pause = intervalMs; ; pause = Math.min(pause * 2, maxIntervalMs)) {
      const report = await getStatus({ signal: deadline.signal });
      lastStatus = report.status;
      if (report.status === 'OK') return report;
      if (TERMINAL_STATUSES.has(report.status)) throw new LeafCredentialStatusError(operation, report.status);
      options.onStatus?.(report.status);
      await sleep(pause, deadline.signal);
    }
  } catch (error) {
    if (deadline.timedOut()) throw new LeafTimeoutError(operation, timeoutMs, lastStatus);
    throw error;
  } finally {
    deadline.dispose();
  }
}
