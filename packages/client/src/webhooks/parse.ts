/**
 * parseLeafAlert: a webhook request verified and read as one of the alerts
 * the spec's `webhooks` describe, or a LeafWebhookError saying which check it
 * failed. The error never quotes the secret.
 */
import { LeafError } from '../errors.js';
import type { operations } from '../generated/schema.js';
import { bytesOf, decodeSignature, type RawBody, verifyLeafSignature } from './verify.js';

type WebhookBody<Id extends keyof operations> = operations[Id] extends {
  requestBody: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** The registration confirmation Leaf sends once. */
export type LeafWebhookConfirmation = WebhookBody<'webhookRegistered'>;
type CredentialsUnauthenticatedAlert = WebhookBody<'credentialsUnauthenticated'>;
type CredentialsLimitedPermissionAlert = WebhookBody<'credentialsLimitedPermission'>;
/** What a Leaf webhook receives: the confirmation, or a credential alert (told apart by `type`). */
export type LeafAlert = LeafWebhookConfirmation | CredentialsUnauthenticatedAlert | CredentialsLimitedPermissionAlert;

/**
 * Why a webhook request was refused: `bad-signature` (no header, or not base64 of a SHA-256
 * digest), `tampered` (a digest that does not match the body with this secret: the body was
 * changed or signed with another secret), `not-json` (verified, but not a JSON object),
 * `unknown-type` (verified, but no alert this client knows), `invalid-alert` (a known alert
 * missing a member or with one of the wrong type).
 */
export type LeafWebhookErrorReason = 'bad-signature' | 'tampered' | 'not-json' | 'unknown-type' | 'invalid-alert';

const OPERATION = 'parseLeafAlert';

export class LeafWebhookError extends LeafError {
  override readonly name = 'LeafWebhookError';
  declare readonly reason: LeafWebhookErrorReason;

  constructor(reason: LeafWebhookErrorReason, detail: string, secret: string) {
    super(OPERATION, `${reason}: ${detail}`, undefined, [secret]);
    this.reason = reason;
  }
}

const CONFIRMATION_MESSAGE = 'confirmation of webhook upon registration';
const CREDENTIAL_ALERT_TYPES = [
  'credentialsUnauthenticated',
  'credentialsLimitedPermission',
] as const satisfies ReadonlyArray<(CredentialsUnauthenticatedAlert | CredentialsLimitedPermissionAlert)['type']>;
/** The members every credential alert has, all strings. */
const CREDENTIAL_ALERT_MEMBERS = [
  'credential',
  'provider',
  'credentialId',
  'message',
  'status',
  'type',
  'timestamp',
] as const satisfies ReadonlyArray<keyof CredentialsUnauthenticatedAlert>;

function parseObject(bytes: Uint8Array, secret: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new LeafWebhookError('not-json', 'the body is not JSON', secret);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new LeafWebhookError('not-json', 'the body is not a JSON object', secret);
  return parsed as Record<string, unknown>;
}

function readAlert(body: Record<string, unknown>, secret: string): LeafAlert {
  if (body.type === undefined && body.message === CONFIRMATION_MESSAGE) return body as LeafWebhookConfirmation;
  const type = body.type;
  if (!CREDENTIAL_ALERT_TYPES.includes(type as never)) {
    const shown = typeof type === 'string' ? JSON.stringify(type.slice(0, 64)) : typeof type;
    throw new LeafWebhookError(
      'unknown-type',
      `type is ${shown}, not one of ${CREDENTIAL_ALERT_TYPES.join(', ')}`,
      secret,
    );
  }
  const wrong = CREDENTIAL_ALERT_MEMBERS.filter((member) => typeof body[member] !== 'string');
  if (wrong.length > 0)
    throw new LeafWebhookError('invalid-alert', `${String(type)} needs string members ${wrong.join(', ')}`, secret);
  return body as unknown as LeafAlert;
}

/**
 * Verifies `signatureHeader` (see verifyLeafSignature) and returns the alert, typed by `type`;
 * throws a LeafWebhookError otherwise. Pass the body as received, before any JSON parsing.
 */
export async function parseLeafAlert(
  rawBody: RawBody,
  signatureHeader: string | null | undefined,
  secret: string,
): Promise<LeafAlert> {
  if (!decodeSignature(signatureHeader))
    throw new LeafWebhookError(
      'bad-signature',
      'X-Leaf-Signature is missing or not base64 of a SHA-256 digest',
      secret,
    );
  const bytes = bytesOf(rawBody);
  if (!bytes) throw new LeafWebhookError('not-json', 'the body is not a string, ArrayBuffer or Uint8Array', secret);
  if (!(await verifyLeafSignature(bytes, signatureHeader, secret)))
    throw new LeafWebhookError('tampered', 'X-Leaf-Signature does not match the body with this secret', secret);
  return readAlert(parseObject(bytes, secret), secret);
}
