/**
 * The sandbox's magic values, as payment sandboxes have card numbers that are
 * always declined: send one and the sandbox plays that scenario. One home, so
 * the README, the tests and the answers agree.
 */

/** The health a credential can have: the spec's CredentialStatus enum. */
export type CredentialStatus = 'OK' | 'UNAUTHENTICATED' | 'MISSING_PERMISSION' | 'TEMPORARILY_UNAVAILABLE';

/**
 * A create body with one of these as the whole value of any of its string
 * fields (typically `refreshToken`) makes Leaf's first token fetch fail that
 * way: the credential is created (201) with this status, and its first event
 * is the failed fetch.
 */
export const STATUS_MAGIC_VALUES: Readonly<Record<string, CredentialStatus>> = {
  'sandbox-unauthenticated': 'UNAUTHENTICATED',
  'sandbox-missing-permission': 'MISSING_PERMISSION',
  'sandbox-temporarily-unavailable': 'TEMPORARILY_UNAVAILABLE',
};

/** Authenticating with this password gets the 401 Leaf answers to wrong credentials. */
export const REFUSED_PASSWORD = 'sandbox-wrong-password';

/** The status a create body asks for through a magic value, or OK. */
export function statusRequestedBy(body: unknown): CredentialStatus {
  if (body === null || typeof body !== 'object') return 'OK';
  for (const value of Object.values(body)) {
    if (typeof value === 'string' && Object.hasOwn(STATUS_MAGIC_VALUES, value)) return STATUS_MAGIC_VALUES[value]!;
  }
  return 'OK';
}
