/** The receiving side of Leaf's alerts: signature checks and typed alerts, on Web Crypto alone. */
export { leafJson } from './leaf-json.js';
// The alerts' own schema names (CredentialsUnauthenticatedAlert, …) come with every schema's from the package index.
export {
  type LeafAlert,
  type LeafWebhookConfirmation,
  LeafWebhookError,
  type LeafWebhookErrorReason,
  parseLeafAlert,
} from './parse.js';
export { type RawBody, verifyLeafSignature } from './verify.js';
