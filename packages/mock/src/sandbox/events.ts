/**
 * A credential's event log: what Leaf's exchanges with the provider would have
 * recorded (the token fetch at creation, then each change of status), kept for
 * 30 days on the sandbox clock, answered newest first (paged by ../paging.ts,
 * as the mock pages its examples).
 */
import { randomBytes } from 'node:crypto';
import { leafTimestamp } from './clock.js';
import type { CredentialStatus } from './magic-values.js';

/** Leaf keeps a credential's events this long. */
export const EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export interface LogEntry {
  id: string;
  /** When it happened, in epoch milliseconds. */
  at: number;
  statusCode: number;
  body: string;
  headers: string;
}

const JSON_HEADERS = '{"content-type":"application/json"}';

/** What the provider answers Leaf's token fetch with, per resulting status (one shared string each). */
const PROVIDER_ANSWERS: Record<CredentialStatus, { statusCode: number; body: string }> = {
  OK: { statusCode: 200, body: '{"access_token":"[redacted]","token_type":"Bearer","expires_in":3600}' },
  UNAUTHENTICATED: {
    statusCode: 401,
    body: '{"error":"invalid_grant","error_description":"The refresh token is invalid or revoked"}',
  },
  MISSING_PERMISSION: {
    statusCode: 403,
    body: '{"error":"insufficient_scope","error_description":"The token lacks a scope Leaf needs"}',
  },
  TEMPORARILY_UNAVAILABLE: {
    statusCode: 503,
    body: '{"error":"temporarily_unavailable","error_description":"The provider is unavailable"}',
  },
};

let counter = randomBytes(3).readUIntBE(0, 3);
const processPart = randomBytes(5).toString('hex');

/** A 24-hex-digit id like Leaf's (MongoDB ObjectId layout: seconds, random, counter). */
export function eventId(at: Date): string {
  counter = (counter + 1) % 0xffffff;
  const seconds = Math.floor(at.getTime() / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  return `${seconds}${processPart}${counter.toString(16).padStart(6, '0')}`;
}

/** The event Leaf logs when it fetches a token and the provider's answer leaves the credential `status`. */
export function statusEvent(status: CredentialStatus, at: Date): LogEntry {
  const answer = PROVIDER_ANSWERS[status];
  return { id: eventId(at), at: at.getTime(), statusCode: answer.statusCode, body: answer.body, headers: JSON_HEADERS };
}

/** What the events operation answers for one entry (the spec's CredentialEvent). */
export function renderEvent(entry: LogEntry): Record<string, unknown> {
  return {
    id: entry.id,
    body: entry.body,
    headers: entry.headers,
    statusCode: entry.statusCode,
    createdDate: leafTimestamp(new Date(entry.at)),
  };
}

/** The entries still within the retention window at `now`. */
export function retained(entries: readonly LogEntry[], now: Date): LogEntry[] {
  const cutoff = now.getTime() - EVENT_RETENTION_MS;
  return entries.filter((entry) => entry.at >= cutoff);
}

/** How the log is ordered: `sort=createdDate,asc` (or another event field); newest first when absent. */
export interface EventOrder {
  field: string;
  descending: boolean;
}

/** What an event can be sorted by: the fields every event has. */
export const EVENT_SORT_FIELDS: readonly string[] = ['createdDate', 'id', 'statusCode'];

/** The retained log rendered as the spec's events, in `order` (a stable sort: same-time entries keep log order). */
export function orderedEvents(entries: readonly LogEntry[], order?: EventOrder): Record<string, unknown>[] {
  const field = order?.field ?? 'createdDate';
  const descending = order?.descending ?? true;
  return entries
    .map((entry, index) => ({ item: renderEvent(entry), index }))
    .sort((a, b) => {
      const byField = compare(a.item[field], b.item[field]) || a.index - b.index;
      return descending ? -byField : byField;
    })
    .map(({ item }) => item);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}
