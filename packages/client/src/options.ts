/**
 * Every public option of the client, in one place: what
 * `createLeafCredentialsClient` takes, and what each call takes.
 */
import type { operations } from './generated/schema.js';
import type { CredentialStatus } from './types.js';

export type FetchLike = (request: Request) => Promise<Response>;

/** A Leaf JWT, or a function returning the current one (called before every request). */
export type TokenSource = string | (() => string | Promise<string>);

/** A Leaf account to sign in with: the client authenticates on first use and again before the token expires. */
export interface AuthOptions {
  username: string;
  password: string;
  /** `true`: ask for a token that lasts 30 days; `false` (default): 24 hours. */
  rememberMe?: boolean;
  /** Where to authenticate. Default: the base URL's origin + the spec's `/api/authenticate`. */
  url?: string;
}

/** Where the client reports what it does. `console` fits. Fields never hold secrets. */
export interface LeafLogger {
  /** Every response: operation, status, attempt, duration. */
  debug?(message: string, fields: Record<string, unknown>): void;
  /** A retry about to happen. */
  warn?(message: string, fields: Record<string, unknown>): void;
  /** A helper call that failed, with the error's redacted `toJSON()`. */
  error?(message: string, fields: Record<string, unknown>): void;
}

export interface RetryOptions {
  /** Total tries including the first. Default 3. */
  attempts?: number;
  /** The first backoff; each later one doubles. Default 250 ms. */
  baseDelayMs?: number;
  /** Longest backoff, and the longest `Retry-After` honoured (longer ones are not retried). Default 30 s. */
  maxDelayMs?: number;
  /** Methods to retry. Default GET and DELETE; add POST only if creating twice is harmless to you. */
  methods?: readonly string[];
  /** Statuses to retry. Default 429, 502, 503, 504. */
  statuses?: readonly number[];
}

interface CommonClientOptions {
  /** Where the API lives. Default: Leaf's production server, from the spec. */
  baseUrl?: string;
  /** The fetch to send requests with (authentication included). Default: the global `fetch`. */
  fetch?: FetchLike;
  /** Retry policy for transient failures, or `false` for none. Default: GET and DELETE, 3 attempts. */
  retry?: RetryOptions | false;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Receives debug, retry and failure reports, with secrets redacted. */
  logger?: LeafLogger;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** Gives up on an attempt whose response (headers and body) has not arrived after this many milliseconds. */
  timeoutMs?: number;
}

/** The client's options: a Leaf account to sign in with (`auth`) or a token (`token`), exactly one. */
export type LeafCredentialsClientOptions = CommonClientOptions &
  (
    | {
        /** A Leaf account: the client signs in, keeps the token fresh and signs in again after a 401. */
        auth: AuthOptions;
        token?: never;
      }
    | {
        /** A Leaf JWT, or a (possibly async) function returning the current one: it is called before every request. */
        token: TokenSource;
        auth?: never;
      }
  );

/** Per-call options of every helper. */
export interface CallOptions {
  /** Aborts this call; combined with the client's signal. */
  signal?: AbortSignal;
  /** Headers for this call only. */
  headers?: Record<string, string>;
}

/** The query parameters an operation documents (`page`, `size`, `sort` for the events), or none. */
export type QueryOf<Id extends keyof operations> = operations[Id] extends { parameters: { query?: infer Query } }
  ? [NonNullable<Query>] extends [never]
    ? Record<never, never>
    : NonNullable<Query>
  : Record<never, never>;

/** `events(leafUserId, options)`: which page, plus the call's options. */
export type EventsOptions<Id extends keyof operations> = CallOptions & QueryOf<Id>;

/** `allEvents(leafUserId, options)`: the page size and order, a bound, plus each call's options. */
export type AllEventsOptions<Id extends keyof operations> = CallOptions &
  Omit<QueryOf<Id>, 'page'> & {
    /**
     * Stop with a `LeafInvalidResponseError` after this many pages, so a server that never ends
     * the list cannot keep the loop going. Default 1,000.
     */
    maxPages?: number;
  };

/** `waitUntilHealthy(leafUserId, options)`: how long and how often to poll. */
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
