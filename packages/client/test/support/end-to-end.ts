/**
 * The whole flow a user of the client runs, signed in with a username and
 * password, against any server that plays Leaf (the stand-in, the sandbox):
 * authenticate, create, read, page the events, delete; 20 concurrent first
 * calls sign in once; an expired token signs in once more; a refused password
 * fails once, clearly, without leaking.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeafCredentialsClient, type FetchLike, isNotFound, LeafAuthError } from '../../src/index.js';

export interface LeafServer {
  /** The base URL to give the client. */
  url: string;
  /** A password the server refuses with a 401. */
  refusedPassword: string;
  /** Moves the server's clock past the lifetime of every token issued so far. */
  expireTokens(): Promise<void>;
  stop(): Promise<void>;
}

const CREATE_BODY = {
  clientId: 'e2e-client-id',
  clientSecret: 'PLANTED-e2e-client-secret',
  refreshToken: 'PLANTED-e2e-refresh-token',
};
const PASSWORD = 'PLANTED-e2e-password-7c8d';
let users = 0;

/** A fetch that counts the sign-ins it sends: the client must send them through the user's fetch. */
function countingFetch() {
  const counts = { authentications: 0, requests: 0 };
  const fetch: FetchLike = (request) => {
    counts.requests++;
    if (new URL(request.url).pathname.endsWith('/authenticate')) counts.authentications++;
    return globalThis.fetch(request);
  };
  return { fetch, counts };
}

export function describeEndToEnd(name: string, start: () => Promise<LeafServer>, leafUserId: () => string): void {
  describe(`end to end against ${name}, signed in with a username and password`, () => {
    let server: LeafServer;
    beforeAll(async () => {
      server = await start();
    }, 60_000);
    afterAll(() => server?.stop());

    /** A client of a user of its own, so the tests' stored state never meets. */
    function signedIn(password = PASSWORD) {
      const { fetch, counts } = countingFetch();
      const username = `e2e-user-${process.pid}-${++users}@example.com`;
      const leaf = createLeafCredentialsClient({
        baseUrl: server.url,
        auth: { username, password },
        fetch,
        retry: false,
      });
      return { leaf, counts };
    }

    it('authenticates, creates, reads, pages the events and deletes', async () => {
      const { leaf, counts } = signedIn();
      const id = leafUserId();
      const existing = await leaf.trimble
        .get(id)
        .catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error)));
      if (existing) await leaf.trimble.delete(id);
      const created = await leaf.trimble.create(id, CREATE_BODY);
      expect(created).toMatchObject({ clientId: CREATE_BODY.clientId });
      expect(await leaf.trimble.get(id)).toMatchObject({ id: created.id });
      const first = await leaf.trimble.events(id, { page: 0, size: 2 });
      expect(first.page).toBe(0);
      const all = [];
      for await (const event of leaf.trimble.allEvents(id, { size: 2 })) all.push(event);
      expect(all.length).toBe(first.totalCount ?? all.length);
      expect(all.slice(0, first.items.length)).toEqual(first.items);
      await leaf.trimble.delete(id);
      await expect(leaf.trimble.get(id)).rejects.toSatisfy(isNotFound);
      expect(counts.authentications).toBe(1);
    });

    it('signs in once for 20 concurrent first calls', async () => {
      const { leaf, counts } = signedIn();
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => leaf.trimble.get(leafUserId())));
      for (const result of results) if (result.status === 'rejected') expect(result.reason).toSatisfy(isNotFound);
      expect(counts.authentications).toBe(1);
      expect(counts.requests).toBe(21);
    });

    it('signs in once more when the server says the token expired, and the call succeeds', async () => {
      const { leaf, counts } = signedIn();
      const id = leafUserId();
      await leaf.trimble.create(id, CREATE_BODY);
      await server.expireTokens();
      await expect(leaf.trimble.get(id)).resolves.toMatchObject({ clientId: CREATE_BODY.clientId });
      expect(counts.authentications).toBe(2);
      await leaf.trimble.delete(id);
    });

    it('fails once, clearly, on a refused password, and never shows it', async () => {
      const { leaf, counts } = signedIn(server.refusedPassword);
      const logged: unknown[] = [];
      const error = (await leaf.trimble.get(leafUserId()).catch((caught: unknown) => caught)) as LeafAuthError;
      expect(error).toBeInstanceOf(LeafAuthError);
      expect(error.reason).toBe('credentials-refused');
      expect(error.message).toMatch(/^POST \/authenticate failed: Leaf refused the username or password \(401\)/);
      expect(counts).toEqual({ authentications: 1, requests: 1 });
      logged.push(error.toJSON());
      for (const view of [error.message, error.stack, JSON.stringify(logged), inspect(error, { depth: 10 })]) {
        expect(view).not.toContain(server.refusedPassword);
      }
    });
  });
}
