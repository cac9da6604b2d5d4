/** The changes a credential goes through: created by a POST, and a change of status. */
import { retained, statusEvent } from './events.js';
import { type CredentialStatus, statusRequestedBy } from './magic-values.js';
import { createdResource, type Resource } from './resource-shape.js';
import type { ProviderResource } from './resources.js';
import type { Credential } from './store.js';

/** A create body as stored: the posted fields plus what Leaf adds, and the token fetch Leaf logs. */
export function createCredential(provider: ProviderResource, body: Resource, now: Date): Credential {
  const status = statusRequestedBy(body);
  const resource = createdResource(body, provider.resourceSchema, provider.createSchema, { now, status });
  return { resource, log: [statusEvent(status, now)] };
}

/**
 * The credential with `status`, and the event of the change (none when it
 * already had it). Entries past the retention window go now, and past
 * MAX_EVENTS_PER_CREDENTIAL the oldest, so a log that keeps changing does not grow forever.
 */
export function withStatus(credential: Credential, status: CredentialStatus, now: Date): Credential {
  if (credential.resource.status === status) return credential;
  return {
    resource: { ...credential.resource, status },
    log: [...retained(credential.log, now), statusEvent(status, now)].slice(-MAX_EVENTS_PER_CREDENTIAL),
  };
}

/** The most events one credential keeps (its newest): status changes within 30 days cannot grow it, or an answer, past this. */
export const MAX_EVENTS_PER_CREDENTIAL = 1_000;
