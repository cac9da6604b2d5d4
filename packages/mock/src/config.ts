/** Where the mock listens unless told otherwise: the loopback server the spec documents. */
import { mockServerUrl, type BundledSpec } from '@leaf-credentials/spec';

/** Environment variables that override the mock's address. */
export const MOCK_PORT_ENV = 'MOCK_PORT';
export const MOCK_HOST_ENV = 'MOCK_HOST';

export interface MockAddress {
  host: string;
  port: number;
}

export function defaultMockAddress(spec?: BundledSpec, env: NodeJS.ProcessEnv = process.env): MockAddress {
  const documented = mockServerUrl(spec);
  const port = env[MOCK_PORT_ENV] ?? documented.port;
  const parsed = Number(port);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`${MOCK_PORT_ENV} must be a port number from 0 to 65535, not "${port}".`);
  }
  return { host: env[MOCK_HOST_ENV] ?? documented.hostname, port: parsed };
}
