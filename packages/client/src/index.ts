/**
 * @leaf-credentials/client: a typed fetch client for Leaf's credential
 * endpoints, generated from the spec.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/schema.js';
import { PRODUCTION_BASE_URL } from './generated/constants.js';

export type { paths, components, operations } from './generated/schema.js';
export { PRODUCTION_BASE_URL };

export interface LeafCredentialsClientOptions {
  /** Where the API lives. Defaults to Leaf's production server from the spec. */
  baseUrl?: string;
  /** A Leaf JWT, sent as `Authorization: Bearer <token>`. */
  token: string;
}

export type LeafCredentialsClient = Client<paths>;

export function createLeafCredentialsClient(options: LeafCredentialsClientOptions): LeafCredentialsClient {
  const { baseUrl = PRODUCTION_BASE_URL, token } = options;
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}
