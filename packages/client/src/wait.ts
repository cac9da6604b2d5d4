/**
 * Polling the Climate FieldView status endpoint until the credentials are
 * healthy: right after they are created Leaf may still be checking them.
 */
import { LeafCredentialStatusError, LeafTimeoutError } from './errors.js';
import { checkMs, deadlineSignal, sleep } from './timing.js';
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
  const { signal } = options;
  // At least 1 ms: a pause of 0 doubles to 0, polling the server as fast as it answers.
  const intervalMs = checkMs('intervalMs', options.intervalMs ?? WAIT_DEFAULTS.intervalMs, 1);
  const maxIntervalMs = checkMs('maxIntervalMs', options.maxIntervalMs ?? WAIT_DEFAULTS.maxIntervalMs, 1);
  // Longer than a timer can wait is allowed: deadlineSignal then sets none, and that deadline never comes.
  const timeoutOption = options.timeoutMs === undefined ? undefined : checkMs('timeoutMs', options.timeoutMs, 0, Infinity);
  const deadlineAt = options.deadline === undefined ? undefined : Number(options.deadline);
  // An invalid Date is NaN, which would set no timer at all: the wait would never end.
  if (deadlineAt !== undefined && !Number.isFinite(deadlineAt)) {
    throw new RangeError(`deadline must be a valid Date or epoch milliseconds, not ${String(options.deadline)}`);
  }
  const started = Date.now();
  const timeoutMs = Math.max(
    0,
    Math.min(
      timeoutOption ?? (deadlineAt === undefined ? WAIT_DEFAULTS.timeoutMs : Infinity),
      deadlineAt === undefined ? Infinity : deadlineAt - started,
    ),
  );
  const deadline = deadlineSignal(timeoutMs, signal);
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
