/**
 * A credential's event log: what Leaf's exchanges with the provider would have
 * recorded (the token fetch at creation, then each change of status), kept for
 * 30 days on the sandbox clock, answered newest first and paged the way Leaf's
 * list endpoints page (page from 0, size 20 by default, at most 100).
 */
import { randomBytes } from 'node:crypto';
import { leafTimestamp } from './clock.js';
import type { CredentialStatus } from './magic-values.js';

/** Leaf keeps a credential's events this long. */
export const EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Paging defaults when the spec documents none (Leaf's setup page: size 20, at most 100). */
export const PAGE_DEFAULTS = { page: 0, size: 20, maxSize: 100 } as const;

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
  UNAUTHENTICATED: { statusCode: 401, body: '{"error":"invalid_grant","error_description":"The refresh token is invalid or revoked"}' },
  MISSING_PERMISSION: { statusCode: 403, body: '{"error":"insufficient_scope","error_description":"The token lacks a scope Leaf needs"}' },
  TEMPORARILY_UNAVAILABLE: { statusCode: 503, body: '{"error":"temporarily_unavailable","error_description":"The provider is unavailable"}' },
};

let counter = randomBytes(3).readUIntBE(0, 3);
const processPart = randomBytes(5).toString('hex');

/** A 24-hex-digit id like Leaf's (MongoDB ObjectId layout: seconds, random, counter). */
export function eventId(at: Date): string {
  counter = (counter + 1) % 0xffffff;
  const seconds = Math.floor(at.getTime() / 1000).toString(16).padStart(8, '0').slice(-8);
  return `${seconds}${processPart}${counter.toString(16).padStart(6, '0')}`;
}

/** The event Leaf logs when it fetches a token and the provider's answer leaves the credential `status`. */
export function statusEvent(status: CredentialStatus, at: Date): LogEntry {
  const answer = PROVIDER_ANSWERS[status];
  return { id: eventId(at), at: at.getTime(), statusCode: answer.statusCode, body: answer.body, headers: JSON_HEADERS };
}

/** What the events operation answers for one entry (the spec's CredentialEvent). */
export function renderEvent(entry: LogEntry): Record<string, unknown> {
  return { id: entry.id, body: entry.body, headers: entry.headers, statusCode: entry.statusCode, createdDate: leafTimestamp(new Date(entry.at)) };
}

/** The entries still within the retention window at `now`. */
export function retained(entries: readonly LogEntry[], now: Date): LogEntry[] {
  const cutoff = now.getTime() - EVENT_RETENTION_MS;
  return entries.filter((entry) => entry.at >= cutoff);
}

export interface PageRequest {
  page: number;
  size: number;
  /** `field` and direction, from `sort=createdDate,asc`; newest first when absent. */
  sort?: { field: string; descending: boolean };
}

export interface Page {
  items: Record<string, unknown>[];
  total: number;
  /** The `Link` header value (RFC 8288), or undefined when there is a single page. */
  link?: string;
}

/** One page of the log, newest first unless `sort` says otherwise. `path` is what the links point at. */
export function pageOf(entries: readonly LogEntry[], request: PageRequest, path: string): Page {
  const rendered = entries.map(renderEvent);
  const field = request.sort?.field ?? 'createdDate';
  const descending = request.sort?.descending ?? true;
  // The log is appended in time order; a stable sort keeps same-time entries in log order.
  const ordered = rendered.map((item, index) => ({ item, index })).sort((a, b) => {
    const order = compare(a.item[field], b.item[field]) || a.index - b.index;
    return descending ? -order : order;
  });
  const total = ordered.length;
  const start = request.page * request.size;
  const items = ordered.slice(start, start + request.size).map(({ item }) => item);
  return { items, total, link: linkHeader(request, total, path) };
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}

function linkHeader(request: PageRequest, total: number, path: string): string | undefined {
  const last = Math.max(Math.ceil(total / request.size) - 1, 0);
  const sort = request.sort ? `&sort=${encodeURIComponent(`${request.sort.field},${request.sort.descending ? 'desc' : 'asc'}`)}` : '';
  const link = (page: number, rel: string) => `<${path}?page=${page}&size=${request.size}${sort}>; rel="${rel}"`;
  const links: string[] = [];
  if (request.page < last) links.push(link(request.page + 1, 'next'));
  if (request.page > 0) links.push(link(Math.min(request.page - 1, last), 'prev'));
  links.push(link(last, 'last'), link(0, 'first'));
  return links.join(', ');
}
