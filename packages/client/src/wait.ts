/**
 * Polling a provider's credentials until their `status` is healthy: right
 * after they are created Leaf may still be checking them. The status is read
 * from the credentials resource itself (the provider's GET), which every
 * provider has; the `/status` endpoints are gone from Leaf's current pages.
 */
import { WAIT_DEFAULTS } from './defaults.js';
import { LeafCredentialStatusError, LeafTimeoutError } from './errors.js';
import type { WaitUntilHealthyOptions } from './options.js';
import { checkMs, deadlineSignal, sleep } from './timing.js';
import type { CredentialStatus } from './types.js';

/** Statuses polling cannot fix: the provider refuses the credentials, so the user must act. */
const TERMINAL_STATUSES: ReadonlySet<CredentialStatus> = new Set<CredentialStatus>([
  'UNAUTHENTICATED',
  'MISSING_PERMISSION',
]);

/** What a poll reads: any body with the credentials' `status` (a credentials resource). */
export interface WithStatus {
  status?: CredentialStatus;
}

type GetStatus<Resource extends WithStatus> = (options: { signal: AbortSignal }) => Promise<Resource>;

/** Polls `getStatus` with backoff until `status` is `OK`, resolving to the body that said so. */
async function pollUntilHealthy<Resource extends WithStatus>(
  operation: string,
  getStatus: GetStatus<Resource>,
  options: WaitUntilHealthyOptions = {},
): Promise<Resource> {
  const { signal } = options;
  // At least 1 ms: a pause of 0 doubles to 0, polling the server as fast as it answers.
  const intervalMs = checkMs('intervalMs', options.intervalMs ?? WAIT_DEFAULTS.intervalMs, 1);
  const maxIntervalMs = checkMs('maxIntervalMs', options.maxIntervalMs ?? WAIT_DEFAULTS.maxIntervalMs, 1);
  // Longer than a timer can wait is allowed: deadlineSignal then sets none, and that deadline never comes.
  const timeoutOption =
    options.timeoutMs === undefined ? undefined : checkMs('timeoutMs', options.timeoutMs, 0, Infinity);
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
      // No status yet (or none in this body): not healthy, so poll again.
      if (report.status !== undefined) {
        if (TERMINAL_STATUSES.has(report.status)) throw new LeafCredentialStatusError(operation, report.status);
        options.onStatus?.(report.status);
      }
      await sleep(pause, deadline.signal);
    }
  } catch (error) {
    if (deadline.timedOut()) throw new LeafTimeoutError(operation, timeoutMs, lastStatus);
    throw error;
  } finally {
    deadline.dispose();
  }
}

/** The helper `withWaitUntilHealthy` adds to a provider's helpers. */
export interface WaitUntilHealthy<Resource> {
  /**
   * Reads the credentials (the provider's GET) with backoff until their
   * `status` is `OK`, resolving to them. Rejects with a
   * `LeafCredentialStatusError` on `UNAUTHENTICATED` or `MISSING_PERMISSION`,
   * a `LeafTimeoutError` at the deadline, or the signal's reason on abort.
   */
  waitUntilHealthy(leafUserId: string, options?: WaitUntilHealthyOptions): Promise<Resource>;
}

type GetHelper = (leafUserId: string, options: { signal: AbortSignal }) => Promise<WithStatus>;

/** A provider's helpers plus `waitUntilHealthy`, which polls their `get`. */
export function withWaitUntilHealthy<Helpers extends { get: GetHelper }>(
  provider: string,
  helpers: Helpers,
): Helpers & WaitUntilHealthy<Awaited<ReturnType<Helpers['get']>>> {
  const operation = `${provider}.waitUntilHealthy`;
  return {
    ...helpers,
    waitUntilHealthy: (leafUserId: string, options?: WaitUntilHealthyOptions) =>
      pollUntilHealthy(
        operation,
        (poll) => helpers.get(leafUserId, poll) as Promise<Awaited<ReturnType<Helpers['get']>>>,
        options,
      ),
  };
}
