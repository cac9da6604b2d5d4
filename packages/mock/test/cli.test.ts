/**
 * The mock's address from the command line and the environment: a bad value
 * stops `npm run mock` with one line naming the flag or variable, instead of
 * a crash inside `listen` (ERR_SOCKET_BAD_PORT) or listening somewhere unasked.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mockServerUrl } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { defaultMockAddress, MOCK_HOST_ENV, MOCK_PORT_ENV, parseHost, parsePort } from '../src/config.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

function runCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: PACKAGE_DIR,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

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

describe('the CLI', () => {
  for (const [args, message] of [
    [['--port', 'abc'], '--port must be a port number from 0 to 65535, not "abc".'],
    [['--host', ''], '--host must be a host name or IP address, not "".'],
  ] as const) {
    it(`exits 1 with one line on ${args.join(' ')}`, () => {
      const result = runCli(...args);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(message);
      expect(result.stdout).not.toContain('listening on');
    });
  }
});
