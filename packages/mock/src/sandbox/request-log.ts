/** What the sandbox received, for tests' assertions: bounded, and never holding a token. */
import { bearerToken, type StateKey, stateKeyOf } from './token-keys.js';

/** The log keeps the most recent this many requests. */
export const MAX_RECORDED_REQUESTS = 10_000;

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
}

export class RequestLog {
  private entries: Entry[] = [];

  record(request: { method: string; url: string; headers: Record<string, string>; status: number }, at: Date): void {
    const { authorization, ...headers } = lowercase(request.headers);
    const token = bearerToken(authorization);
    this.entries.push({
      key: token === undefined ? undefined : stateKeyOf(token),
      request: {
        method: request.method.toUpperCase(),
        url: request.url,
        status: request.status,
        at: at.toISOString(),
        headers,
      },
    });
    // Trim in batches: one splice per MAX_RECORDED_REQUESTS records, not one shift per record.
    if (this.entries.length > 2 * MAX_RECORDED_REQUESTS)
      this.entries.splice(0, this.entries.length - MAX_RECORDED_REQUESTS);
  }

  /** Oldest first: `key`'s requests, or all. */
  list(key?: StateKey): RecordedRequest[] {
    const kept = this.entries.slice(-MAX_RECORDED_REQUESTS);
    return (key === undefined ? kept : kept.filter((entry) => entry.key === key)).map((entry) => entry.request);
  }

  clear(key?: StateKey): void {
    this.entries = key === undefined ? [] : this.entries.filter((entry) => entry.key !== key);
  }
}

function lowercase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
