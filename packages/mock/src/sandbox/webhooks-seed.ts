/**
 * A seed document's (or a seed control request's) `statusChanges`: credentials
 * whose status turns after a delay on the sandbox clock, the scheduled scenario
 * set up before a test starts.
 *
 *   statusChanges:
 *     - leafUserId: 5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f
 *       provider: johnDeere
 *       status: UNAUTHENTICATED
 *       afterSeconds: 60
 */
import { type CredentialStatus, STATUS_MAGIC_VALUES } from './magic-values.js';
import type { ResourceTable } from './resources.js';
import { firstFailure } from './schemas.js';
import { SeedError } from './seed.js';
import { MAX_DELAY_SECONDS, type ScheduledChange } from './webhooks-schedule.js';

/** The statuses a scheduled change may set. */
export const STATUSES = new Set<string>(['OK', ...Object.values(STATUS_MAGIC_VALUES)]);

/** The document's scheduled changes, due `afterSeconds` after `now`; throws SeedError naming the first bad field. */
export function statusChangesOf(
  document: unknown,
  table: ResourceTable,
  now: Date,
  source = 'seed',
): ScheduledChange[] {
  const changes = (document as { statusChanges?: unknown } | null | undefined)?.statusChanges;
  if (changes === undefined) return [];
  if (!Array.isArray(changes)) throw new SeedError(source, undefined, 'statusChanges', 'must be a list');
  return changes.map((change, index) => {
    const at = `statusChanges[${index}]`;
    const { leafUserId, provider, status, afterSeconds } = (change ?? {}) as Record<string, unknown>;
    if (typeof leafUserId !== 'string' || firstFailure(table.leafUserIdSchema, leafUserId))
      throw new SeedError(source, at, 'leafUserId', 'must be a Leaf user id (a UUID)');
    const resource = typeof provider === 'string' ? table.provider(provider) : undefined;
    if (!resource)
      throw new SeedError(source, at, 'provider', `must name a provider of the spec, not ${String(provider)}`);
    if (typeof status !== 'string' || !STATUSES.has(status))
      throw new SeedError(source, at, 'status', `must be one of ${[...STATUSES].join(', ')}`);
    const delay = checkDelay(afterSeconds);
    if (delay !== undefined) throw new SeedError(source, at, 'afterSeconds', delay);
    return {
      slot: { leafUserId, provider: resource.name },
      status: status as CredentialStatus,
      at: new Date(now.getTime() + (afterSeconds as number) * 1000),
    };
  });
}

/** Why `afterSeconds` is no delay the sandbox takes, or undefined when it is one. */
export function checkDelay(afterSeconds: unknown): string | undefined {
  if (
    typeof afterSeconds === 'number' &&
    Number.isFinite(afterSeconds) &&
    afterSeconds >= 0 &&
    afterSeconds <= MAX_DELAY_SECONDS
  )
    return undefined;
  return `must be a number of seconds from 0 to ${MAX_DELAY_SECONDS}`;
}
