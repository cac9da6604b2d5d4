import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { createSandbox, exampleSeed, readSeedFile, SeedError } from '../../src/sandbox/index.js';
import { clientOf, createBody, documented, operations, providers, table, USER } from './support.js';

const provider = providers[0]!;
const dir = mkdtempSync(join(tmpdir(), 'sandbox-seed-'));

function seedFile(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const entry = (overrides: Record<string, unknown> = {}) => ({
  leafUserId: USER,
  provider: provider.name,
  credentials: createBody(provider),
  ...overrides,
});

describe('seed files', () => {
  it.each([
    { name: 'seed.json', write: (document: unknown) => JSON.stringify(document) },
    { name: 'seed.yaml', write: (document: unknown) => toYaml(document) },
    { name: 'seed.yml', write: (document: unknown) => toYaml(document) },
    { name: 'seed.txt', write: (document: unknown) => toYaml(document) },
  ])('reads $name', async ({ name, write }) => {
    const document = { credentials: [entry()] };
    expect(await readSeedFile(seedFile(name, write(document)), operations)).toEqual(document);
  });

  it.each([
    { content: '{"credentials": [', entry: undefined, field: undefined, says: 'is not JSON' },
    { content: '[]', entry: undefined, field: undefined, says: 'must be an object' },
    { content: '{"credentials": {}}', entry: undefined, field: 'credentials', says: 'list' },
    {
      content: JSON.stringify({ credentials: [entry(), entry({ leafUserId: 'nope' })] }),
      entry: 'credentials[1]',
      field: 'leafUserId',
      says: 'uuid',
    },
    {
      content: JSON.stringify({ credentials: [entry({ provider: 'Acme' })] }),
      entry: 'credentials[0]',
      field: 'provider',
      says: 'Acme',
    },
    {
      content: JSON.stringify({ credentials: [entry({ credentials: createBody(provider, { clientId: 7 }) })] }),
      entry: 'credentials[0]',
      field: 'credentials.clientId',
      says: 'string',
    },
    {
      content: JSON.stringify({ credentials: [entry({ colour: 'red' })] }),
      entry: 'credentials[0]',
      field: 'colour',
      says: 'unknown',
    },
    {
      content: JSON.stringify({ credentials: [entry({ events: [{ id: 'e1' }] })] }),
      entry: 'credentials[0]',
      field: 'events[0].body',
      says: 'required',
    },
  ])(
    'stops on $content with one line naming the file, $entry and $field',
    async ({ content, entry: at, field, says }) => {
      const file = seedFile('bad.json', content);
      const error = await readSeedFile(file, operations).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SeedError);
      const message = (error as Error).message;
      expect(message.split('\n')).toHaveLength(1);
      expect(message.startsWith(`${file}: `)).toBe(true);
      if (at) expect(message).toContain(`${at}: `);
      if (field) expect(message).toContain(`field ${field}: `);
      expect(message).toContain(says);
    },
  );

  it('names the file when it cannot be read', async () => {
    await expect(readSeedFile(join(dir, 'missing.yaml'), operations)).rejects.toThrow(/missing\.yaml: cannot be read/);
  });

  it('stops createSandbox on an invalid seed given directly', async () => {
    await expect(createSandbox({ operations, seed: { credentials: [entry({ leafUserId: 1 })] } })).rejects.toThrow(
      /^seed: credentials\[0\]: field leafUserId/,
    );
  });
});

describe('what a seed entry becomes', () => {
  it('completes a create body the way a create would', async () => {
    const sandbox = await createSandbox({ operations, seed: { credentials: [entry()] } });
    const read = await clientOf(sandbox, 'any').get(provider);
    expect(read.statusCode).toBe(200);
    expect(documented(provider, 'get', read)).toEqual({ ok: true, errors: [] });
  });

  it('keeps given events, and dates a token fetch at load when there are none', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const event = { id: 'seeded-1', body: '{}', headers: '{}', statusCode: 401, createdDate: '2029-12-31T00:00:00Z' };
    const sandbox = await createSandbox({
      operations,
      now: () => now,
      seed: {
        credentials: [entry({ events: [event] }), entry({ leafUserId: '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })],
      },
    });
    const client = clientOf(sandbox, 'any');
    expect(((await client.events(provider)).body as Array<{ id: string }>).map((item) => item.id)).toEqual([
      'seeded-1',
    ]);
    const fetched = (await client.events(provider, {}, '1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e5f')).body as Array<{
      createdDate: string;
    }>;
    expect(Date.parse(fetched[0]!.createdDate)).toBe(now.getTime());
  });
});

describe('the example seed', () => {
  it("holds the spec example user with every provider's example credentials, and the sandbox serves them to any token", async () => {
    const seed = exampleSeed(operations);
    expect(seed.credentials.map((item) => item.provider)).toEqual(providers.map((item) => item.name));
    expect(new Set(seed.credentials.map((item) => item.leafUserId))).toEqual(new Set([table.leafUserIdExample]));
    const client = clientOf(await createSandbox({ operations }), 'whoever');
    for (const item of providers) {
      const read = await client.get(item, table.leafUserIdExample);
      expect(read.statusCode).toBe(200);
      expect(documented(item, 'get', read)).toEqual({ ok: true, errors: [] });
    }
  });
});

describe('magic values in a seed', () => {
  it('plays them as a create would: a create body with one is seeded with that status and its event', async () => {
    const field = Object.keys(createBody(provider)).find((name) => name !== 'clientId')!;
    const sandbox = await createSandbox({
      operations,
      seed: { credentials: [entry({ credentials: createBody(provider, { [field]: 'sandbox-unauthenticated' }) })] },
    });
    const client = clientOf(sandbox, 'any');
    expect(((await client.get(provider)).body as { status: string }).status).toBe('UNAUTHENTICATED');
    expect(((await client.events(provider)).body as Array<{ statusCode: number }>)[0]!.statusCode).toBe(401);
  });
});

describe('seed entries at the limits', () => {
  const deep = (depth: number) => {
    let value: Record<string, unknown> = {};
    for (let level = 0; level < depth; level += 1) value = { deeper: value };
    return value;
  };

  it.each([
    {
      name: 'a resource with an extra field nested 100,000 deep',
      credentials: { id: USER, status: 'OK', extra: deep(100_000) },
    },
    { name: 'a resource nested just past the limit', credentials: { id: USER, status: 'OK', extra: deep(40) } },
  ])('refuses $name with a 400 naming the entry, and keeps answering', async ({ credentials }) => {
    const sandbox = await createSandbox({ operations, seed: { credentials: [] } });
    const client = clientOf(sandbox, 'deep');
    const answer = await client.control('POST', '/seed', { credentials: [entry({ credentials })] });
    expect(answer.statusCode).toBe(400);
    expect((answer.body as { fieldErrors: Array<{ field: string }> }).fieldErrors[0]!.field).toMatch(
      /^credentials\[0\]/,
    );
    expect((answer.body as { detail: string }).detail).toContain('nested deeper than');
    expect((await client.control('GET', '/credentials')).statusCode).toBe(200);
  });

  it('stores a seeded user id in lower case, so the API finds it in any case', async () => {
    const sandbox = await createSandbox({
      operations,
      seed: { credentials: [entry({ leafUserId: USER.toUpperCase() })] },
    });
    const client = clientOf(sandbox, 'case');
    expect((await client.get(provider, USER)).statusCode).toBe(200);
    expect((await client.get(provider, USER.toUpperCase())).statusCode).toBe(200);
    const listed = (await client.control('GET', '/credentials')).body as { credentials: Array<{ leafUserId: string }> };
    expect(listed.credentials.map((seeded) => seeded.leafUserId)).toEqual([USER]);
  });
});
