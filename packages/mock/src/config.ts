/** Where the mock listens unless told otherwise: the loopback server the spec documents. */
import { type BundledSpec, mockServerUrl } from '@leaf-credentials/spec';
import { loadSpec } from './spec.js';

/** Environment variables that override the mock's address. */
export const MOCK_PORT_ENV = 'MOCK_PORT';
export const MOCK_HOST_ENV = 'MOCK_HOST';

export interface MockAddress {
  host: string;
  port: number;
}

/**
 * A port as the environment or the command line gives it; `source` (`MOCK_PORT`,
 * `--port`) names it in the error, so a typo fails here and not in `listen`.
 */
export function parsePort(value: string, source: string): number {
  const port = Number(value);
  // Number('') is 0, a free port: a blank value is a mistake, not that request.
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${source} must be a port number from 0 to 65535, not "${value}".`);
  }
  return port;
}

/** A host as the environment or the command line gives it: `listen` takes a blank one as every interface. */
export function parseHost(value: string, source: string): string {
  if (value.trim() === '') throw new Error(`${source} must be a host name or IP address, not "${value}".`);
  return value;
}

export function defaultMockAddress(spec?: BundledSpec, env: NodeJS.ProcessEnv = process.env): MockAddress {
  const documented = mockServerUrl(spec ?? loadSpec());
  const port = env[MOCK_PORT_ENV];
  const host = env[MOCK_HOST_ENV];
  return {
    host: host === undefined ? documented.hostname : parseHost(host, MOCK_HOST_ENV),
    port: port === undefined ? Number(documented.port) : parsePort(port, MOCK_PORT_ENV),
  };
}
