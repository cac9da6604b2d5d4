/**
 * What the sandbox received, for tests' assertions: bounded in entries and in
 * bytes (the oldest go first, and the log says how many went), and holding
 * only the headers on an allow-list, so no secret a client sends in a header
 * (Authorization, Cookie, X-Api-Key, ...) is ever kept or shown.
 */
import type { StateKey } from './token-keys.js';

/** The log keeps at most this many requests ... */
export const MAX_RECORDED_REQUESTS = 10_000;
/** ... taking at most this many bytes of URLs and header names and values, as UTF-16 strings hold them. */
export const MAX_RECORDED_BYTES = 8 * 1024 * 1024;
/** What an entry costs beyond its strings (the objects, the method, the status, the time). */
const ENTRY_OVERHEAD_BYTES = 200;

/** The headers a recorded request keeps: what describes a request, never what authenticates one. */
export const RECORDED_HEADERS: readonly string[] = [
  'accept',
  'accept-encoding',
  'accept-language',
  'content-encoding',
  'content-length',
  'content-type',
  'host',
  'origin',
  'prefer',
  'transfer-encoding',
  'user-agent',
  'x-request-id',
];
const RECORDED = new Set(RECORDED_HEADERS);

export interface RecordedRequest {
  method: string;
  url: string;
  status: number;
  at: string;
  headers: Record<string, string>;
}

interface Entry {
  key?: StateKey;
  request: RecordedRequest;
  bytes: number;
}

/** The bucket of requests made without a token anyone can name. */
const NO_KEY = '';

export class RequestLog {
  /** Oldest first; `start` skips the dropped ones until they are spliced away. */
  private entries: Entry[] = [];
  private start = 0;
  private bytes = 0;
  private readonly dropped = new Map<StateKey, number>();

  record(
    request: { method: string; url: string; headers: Record<string, string>; status: number },
    key: StateKey | undefined,
    at: Date,
  ): void {
    const headers: Record<string, string> = {};
    let bytes = ENTRY_OVERHEAD_BYTES + 2 * request.url.length;
    for (const [name, value] of Object.entries(request.headers)) {
      const lower = name.toLowerCase();
      if (!RECORDED.has(lower)) continue;
      headers[lower] = value;
      bytes += 2 * (lower.length + value.length);
    }
    const entry = {
      key,
      bytes,
      request: {
        method: request.method.toUpperCase(),
        url: request.url,
        status: request.status,
        at: at.toISOString(),
        headers,
      },
    };
    this.entries.push(entry);
    this.bytes += bytes;
    while (this.entries.length - this.start > MAX_RECORDED_REQUESTS || this.bytes > MAX_RECORDED_BYTES)
      this.dropOldest();
    // Dropped entries go from the array once they are half of it: each costs O(1) amortized, and
    // none is held past that (8 MiB of them would otherwise sit behind `start`).
    if (this.start > 0 && this.start * 2 >= this.entries.length) {
      this.entries.splice(0, this.start);
      this.start = 0;
    }
  }

  /** `key`'s requests (or all: the admin's view), oldest first, and how many were dropped to stay within the bounds. */
  list(key?: StateKey): { requests: RecordedRequest[]; dropped: number } {
    const kept = this.entries.slice(this.start);
    if (key === undefined) {
      let dropped = 0;
      for (const count of this.dropped.values()) dropped += count;
      return { requests: kept.map((entry) => entry.request), dropped };
    }
    return {
      requests: kept.filter((entry) => entry.key === key).map((entry) => entry.request),
      dropped: this.dropped.get(key) ?? 0,
    };
  }

  clear(key?: StateKey): void {
    if (key === undefined) {
      this.entries = [];
      this.start = 0;
      this.bytes = 0;
      this.dropped.clear();
      return;
    }
    this.entries = this.entries.slice(this.start).filter((entry) => entry.key !== key);
    this.start = 0;
    this.bytes = this.entries.reduce((sum, entry) => sum + entry.bytes, 0);
    this.dropped.delete(key);
  }

  private dropOldest(): void {
    const oldest = this.entries[this.start]!;
    this.start += 1;
    this.bytes -= oldest.bytes;
    const bucket = oldest.key ?? NO_KEY;
    this.dropped.set(bucket, (this.dropped.get(bucket) ?? 0) + 1);
  }
}
