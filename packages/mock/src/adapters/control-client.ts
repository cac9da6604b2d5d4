/**
 * The sandbox's control API (packages/mock/sandbox-control.yaml) from a test
 * process: reset, seed, the request log and the rest, over HTTP or through an
 * in-process sandbox's fetch. Each call sends `token`: with the sandbox's admin
 * token (what `startSandbox()` and `createSandbox()` use) it acts on the whole
 * sandbox, with any other on that token's state only; `as(token)` switches.
 * Without a token the sandbox refuses every call (401).
 */
import { CONTROL_PREFIX, type CredentialStatus, type RecordedRequest, type SeedDocument } from '../sandbox/index.js';

/** A control request the sandbox refused: `problem` is its problem+json. */
export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
    what: string,
  ) {
    super(`${what} failed: ${status} ${(problem as { detail?: string } | undefined)?.detail ?? ''}`.trim());
    this.name = 'SandboxControlError';
  }
}

export interface SandboxControl {
  /** Back to the seed (a token's own changes, or every token's). */
  reset(): Promise<void>;
  /** Stores credentials: in the seed, or in the token's state. Answers how many. */
  seed(document: SeedDocument): Promise<number>;
  /** The requests the sandbox answered (oldest first), `Authorization` left out. */
  requests(): Promise<RecordedRequest[]>;
  /** Forgets the request log. */
  clearRequests(): Promise<void>;
  /** What the token (or the seed) holds, as a seed document with each credential's events. */
  credentials(): Promise<SeedDocument>;
  /** Makes a stored credential go to `status`, as Leaf would see it change. */
  setStatus(leafUserId: string, provider: string, status: CredentialStatus): Promise<void>;
  /** Moves the sandbox clock (events age out after 30 days by it); `undefined` goes back to real time. */
  setClock(now: Date | undefined): Promise<void>;
  /** The same calls, acting on `token`'s state only. */
  as(token: string): SandboxControl;
}

/** The control API of the sandbox at `url`; `fetchImpl` is how requests reach it (an in-process sandbox's own fetch). */
export function connectSandbox(url: string, token?: string, fetchImpl: typeof fetch = fetch): SandboxControl {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetchImpl(new URL(`${CONTROL_PREFIX}${path}`, url), {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw new SandboxControlError(response.status, parsed, `${method} ${CONTROL_PREFIX}${path}`);
    return parsed as T | undefined;
  }
  return {
    reset: async () => void (await call('POST', '/reset')),
    seed: async (document) => (await call<{ seeded: number }>('POST', '/seed', document))!.seeded,
    requests: async () => (await call<{ requests: RecordedRequest[] }>('GET', '/requests'))!.requests,
    clearRequests: async () => void (await call('DELETE', '/requests')),
    credentials: async () => (await call<SeedDocument>('GET', '/credentials'))!,
    setStatus: async (leafUserId, provider, status) =>
      void (await call('PUT', `/users/${encodeURIComponent(leafUserId)}/${encodeURIComponent(provider)}/status`, {
        status,
      })),
    setClock: async (now) =>
      void (await (now === undefined ? call('DELETE', '/clock') : call('PUT', '/clock', { now: now.toISOString() }))),
    as: (other) => connectSandbox(url, other, fetchImpl),
  };
}
