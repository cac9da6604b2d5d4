/**
 * The mock's address from the command line and the environment: a bad value
 * is refused naming the flag or variable, instead of a crash inside `listen`
 * (ERR_SOCKET_BAD_PORT) or listening somewhere unasked.
 */
import { mockServerUrl } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { defaultMockAddress, MOCK_HOST_ENV, MOCK_PORT_ENV, parseHost, parsePort } from '../src/config.js';

describe('parsePort', () => {
  it('accepts 0 to 65535', () => {
    for (const port of [0, 1, 4010, 65535]) expect(parsePort(String(port), '--port')).toBe(port);
  });

  it('rejects anything else, naming where it came from', () => {
    for (const value of ['abc', '', ' ', '-1', '65536', '1.5', '80abc']) {
      expect(() => parsePort(value, '--port'), value).toThrow(
        `--port must be a port number from 0 to 65535, not "${value}".`,
      );
    }
  });
});

describe('parseHost', () => {
  it('rejects a blank host, which listen would take as every interface', () => {
    expect(parseHost('localhost', '--host')).toBe('localhost');
    expect(() => parseHost(' ', '--host')).toThrow('--host must be a host name or IP address');
  });
});

describe('defaultMockAddress', () => {
  it('is the spec’s mock server unless the environment says otherwise', () => {
    const documented = mockServerUrl();
    expect(defaultMockAddress(undefined, {})).toEqual({ host: documented.hostname, port: Number(documented.port) });
    expect(defaultMockAddress(undefined, { [MOCK_PORT_ENV]: '5000', [MOCK_HOST_ENV]: '0.0.0.0' })).toEqual({
      host: '0.0.0.0',
      port: 5000,
    });
  });

  it('names the variable that holds a bad value', () => {
    expect(() => defaultMockAddress(undefined, { [MOCK_PORT_ENV]: 'abc' })).toThrow(
      `${MOCK_PORT_ENV} must be a port number`,
    );
    expect(() => defaultMockAddress(undefined, { [MOCK_HOST_ENV]: '' })).toThrow(
      `${MOCK_HOST_ENV} must be a host name`,
    );
  });
});
