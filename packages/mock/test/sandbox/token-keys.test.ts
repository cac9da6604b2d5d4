import { specModel } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { createTokenKeys, lifetimeSeconds, readAuthorization } from '../../src/sandbox/token-keys.js';

const keys = createTokenKeys();
const issueToken = keys.issue;
const readSandboxToken = keys.read;
const stateKeyOf = keys.keyOf;
const checkToken = (authorization: string | undefined, now: Date) => keys.check(authorization, () => now);

const NOW = new Date('2030-01-01T00:00:00Z');
const DAY = 24 * 60 * 60;
const TOKEN_LIFETIME_SECONDS = specModel().tokenLifetimes();

describe('sandbox tokens', () => {
  it.each([
    { rememberMe: true, seconds: 30 * DAY },
    { rememberMe: 'true', seconds: 30 * DAY },
    { rememberMe: false, seconds: DAY },
    { rememberMe: 'false', seconds: DAY },
    { rememberMe: undefined, seconds: DAY },
  ])('issues a token that lasts $seconds s for rememberMe $rememberMe', ({ rememberMe, seconds }) => {
    expect(lifetimeSeconds(rememberMe)).toBe(seconds);
    const claims = readSandboxToken(issueToken('grower@example.com', rememberMe, NOW))!;
    expect(claims.exp - claims.iat).toBe(seconds);
    expect(claims.iat).toBe(NOW.getTime() / 1000);
  });

  it('is JWT-shaped: three base64url parts, an HS256 JWT header, the username in the payload', () => {
    const token = issueToken('grower@example.com', true, NOW);
    const parts = token.split('.');
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(parts[0]!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(parts[1]!, 'base64url').toString())).toMatchObject({
      username: 'grower@example.com',
    });
  });

  it.each([
    { name: 'a plain token', token: 'any-token' },
    {
      name: 'a JWT from elsewhere',
      token: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"username":"x","exp":1}').toString('base64url')}.`,
    },
    { name: 'a sandbox token with its payload changed', token: tamper(issueToken('alice', true, NOW)) },
    { name: 'a sandbox token with its signature cut', token: issueToken('alice', true, NOW).slice(0, -2) },
  ])('does not take $name for a sandbox token', ({ token }) => {
    expect(readSandboxToken(token)).toBeUndefined();
    expect(stateKeyOf(token)).toBe(`token:${token}`);
  });

  it('keys every token of one user to that user, and other tokens to themselves', () => {
    const first = issueToken('alice', true, NOW);
    const again = issueToken('alice', false, new Date(NOW.getTime() + 5_000));
    expect(stateKeyOf(first)).toBe(stateKeyOf(again));
    expect(stateKeyOf(issueToken('bob', true, NOW))).not.toBe(stateKeyOf(first));
    expect(stateKeyOf('raw-a')).not.toBe(stateKeyOf('raw-b'));
  });

  it.each([
    { at: 0, expired: false },
    { at: TOKEN_LIFETIME_SECONDS.otherwise * 1000 - 1, expired: false },
    { at: TOKEN_LIFETIME_SECONDS.otherwise * 1000, expired: true },
  ])('a 24-hour token checked $at ms after issue is expired: $expired', ({ at, expired }) => {
    const token = issueToken('alice', false, NOW);
    const check = checkToken(`Bearer ${token}`, new Date(NOW.getTime() + at));
    expect('expired' in check).toBe(expired);
    if (!expired) expect(check).toEqual({ key: 'user:alice' });
  });

  it.each([undefined, '', 'Basic abc', 'Bearer'])('finds no token in Authorization %j', (authorization) => {
    expect(checkToken(authorization, NOW)).toEqual({ missing: true });
  });

  it.each([
    { header: undefined, read: { missing: true } },
    { header: 'Bearer abc', read: { token: 'abc' } },
    { header: 'bearer abc', read: { token: 'abc' } },
    { header: 'BEARER  abc=', read: { token: 'abc=' } },
    { header: '', read: { malformed: true } },
    { header: 'Bearer ', read: { malformed: true } },
    { header: 'Bearer', read: { malformed: true } },
    { header: 'Basic YTpi', read: { malformed: true } },
    { header: 'Bearer a b', read: { malformed: true } },
    { header: 'Bearer not@a#jwt', read: { malformed: true } },
  ])('reads Authorization $header as $read', ({ header, read }) => {
    expect(readAuthorization(header)).toEqual(read);
  });

  it('signs with a random key per sandbox unless one is given: another sandbox does not take its tokens', () => {
    const token = keys.issue('alice', true, NOW);
    expect(createTokenKeys().read(token)).toBeUndefined();
    expect(createTokenKeys().keyOf(token)).toBe(`token:${token}`);
    const given = createTokenKeys('shared-key').issue('alice', true, NOW);
    expect(createTokenKeys('shared-key').read(given)).toMatchObject({ username: 'alice' });
  });
});

function tamper(token: string): string {
  const [header, , signature] = token.split('.');
  const payload = Buffer.from(
    JSON.stringify({ iss: 'leaf-credentials-sandbox', username: 'mallory', exp: 9e9 }),
  ).toString('base64url');
  return `${header}.${payload}.${signature}`;
}
