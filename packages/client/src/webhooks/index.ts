/** The receiving side of Leaf's alerts: signature checks and typed alerts, on Web Crypto alone. */
import { leafJson as writeLeafJson } from '@leaf-credentials/spec/leaf-json';

/**
 * `value` (parsed JSON) written as Leaf writes the bodies it signs (Python's `json.dumps` defaults).
 * Its home is the spec package, whose sandbox signs with it; the bundler inlines it, and the type
 * is spelled here so the published types name no package a consumer does not install.
 */
export const leafJson: (value: unknown) => string = writeLeafJson;
// The alerts' own schema names (CredentialsUnauthenticatedAlert, …) come with every schema's from the package index.
export {
  type LeafAlert,
  type LeafWebhookConfirmation,
  LeafWebhookError,
  type LeafWebhookErrorReason,
  parseLeafAlert,
} from './parse.js';
export { type RawBody, verifyLeafSignature } from './verify.js';
