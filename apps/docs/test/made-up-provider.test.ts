/**
 * The template, proven: a made-up provider added to a copy of the spec with
 * spec files only (fixtures/made-up-provider.ts) is, after regenerating, in
 * the client's generated tables, types and helpers, served by the mock and the
 * sandbox, and on the docs page with its code samples. A made-up resource that
 * is no provider (Farms) is, the same way, in the spec model, the samples, the
 * sidebar, the client's operation and resource tables and helpers, the mock and
 * the sandbox. Nothing outside the copied spec is edited to get there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as mock from '@leaf-credentials/mock';
import { type BundledSpec, listProviders, SPEC_PATH, specModel } from '@leaf-credentials/spec';
import { bundleSpec } from '@leaf-credentials/tooling/bundle';
import { renderCodeSamples, SAMPLE_LANGUAGES, writeCodeSamples } from '@leaf-credentials/tooling/code-samples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderGeneratedFiles } from '../../../packages/client/scripts/generate.js';
import { createSandbox } from '../../../packages/mock/src/sandbox/index.js';
import { buildDocs } from '../src/build.js';
import { TRY_IT_DATA_ID, type TryItPage } from '../src/try-it/request.js';
import {
  addMadeUpProvider,
  addMadeUpResource,
  copySpec,
  MADE_UP,
  MADE_UP_RESOURCE,
} from './fixtures/made-up-provider.js';

const WORK = fileURLToPath(new URL('../test-results/made-up-provider/', import.meta.url));
const CLIENT_SRC = fileURLToPath(new URL('../../../packages/client/src/', import.meta.url));
const LEAF_USER_ID = '5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f';
const TOKEN = 'made-up-provider.test.token';
const SLOW = 120_000;
const require = createRequire(import.meta.url);

const root = join(WORK, 'spec', 'leaf-credentials.yaml');
const bundlePath = join(WORK, 'spec', 'dist', 'leaf-credentials.json');
const clientCopy = join(WORK, 'client');
let spec: BundledSpec;
let mockUrl: string;
let closeMock: () => Promise<void>;

type Helper = (leafUserId: string, body?: unknown) => Promise<unknown>;
type ClientModule = {
  createLeafCredentialsClient(options: { baseUrl: string; token: string }): Record<string, unknown>;
};

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  addMadeUpProvider(copySpec(dirname(SPEC_PATH), join(WORK, 'spec')));
  addMadeUpResource(root);
  // What `npm run build` does in the spec package: bundle, then write the generated samples.
  mkdirSync(dirname(bundlePath), { recursive: true });
  spec = bundleSpec(bundlePath, root);
  writeCodeSamples(join(WORK, 'spec', 'code-samples'), renderCodeSamples(spec));

  // What the client's `npm run generate` does, into a copy of its sources.
  cpSync(CLIENT_SRC, join(clientCopy, 'src'), { recursive: true });
  for (const [name, content] of Object.entries(await renderGeneratedFiles(spec))) {
    writeFileSync(join(clientCopy, 'src', 'generated', name), content);
  }

  const server = mock.createMockServer(await mock.loadOperations(spec));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mockUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeMock = () => new Promise((resolve) => server.close(() => resolve()));
}, SLOW);

afterAll(() => closeMock?.());

const send = (baseUrl: string, method: string, path: string, body?: unknown) =>
  fetch(`${baseUrl}${path.replace('{leafUserId}', LEAF_USER_ID)}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

/** The generated operation and provider tables of the client copy that was generated from the changed spec. */
async function generatedTables(): Promise<{
  OPERATIONS: Record<string, { method: string; path: string }>;
  PROVIDERS: Record<string, Record<string, { id: string }>>;
  RESOURCES: Record<string, Record<string, { id: string }>>;
}> {
  const generated = join(clientCopy, 'src', 'generated');
  const { OPERATIONS } = await import(pathToFileURL(join(generated, 'operations.ts')).href);
  const { PROVIDERS, RESOURCES } = await import(pathToFileURL(join(generated, 'providers.ts')).href);
  return { OPERATIONS, PROVIDERS, RESOURCES };
}

/** The mock's server with a sandbox over the copied spec's operations (what `npm run sandbox` serves), for `run`. */
async function withSandbox(run: (url: string) => Promise<void>): Promise<void> {
  const operations = await mock.loadOperations(spec);
  // Lenient: the subject is the resource, not the Leaf user it belongs to.
  const sandbox = await createSandbox({ operations, seed: { credentials: [] }, lenientUsers: true });
  const server = mock.createMockServer(operations, { sandbox });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await sandbox.close();
  }
}

describe('a provider added with spec files only', () => {
  it('is a provider of the spec, with its helpers from x-leaf-helper', () => {
    expect(listProviders(spec).find((provider) => provider.property === MADE_UP.property)?.operations).toEqual(
      MADE_UP.operations,
    );
  });

  it('gets four generated code samples per operation, its request body from the create example', () => {
    for (const operationId of Object.values(MADE_UP.operations)) {
      for (const language of SAMPLE_LANGUAGES) {
        const file = join(WORK, 'spec', 'code-samples', language.dir, `${operationId}${language.extension}`);
        expect(existsSync(file), file).toBe(true);
      }
    }
    const curl = readFileSync(join(WORK, 'spec', 'code-samples', 'curl', `${MADE_UP.operations.create}.sh`), 'utf8');
    expect(curl).toContain(`-d '${JSON.stringify(MADE_UP.createExample).replaceAll(',', ', ').replaceAll(':', ': ')}'`);
    const typescript = readFileSync(
      join(WORK, 'spec', 'code-samples', 'typescript', `${MADE_UP.operations.get}.ts`),
      'utf8',
    );
    expect(typescript).toContain(`leaf.${MADE_UP.property}.get('{leafUserId}')`);
  });

  it('is in the sidebar: its tag is in the providers group', () => {
    const groups = spec['x-tagGroups'] as Array<{ name: string; tags: string[] }>;
    expect(groups.flatMap((group) => group.tags)).toContain(MADE_UP.tag);
  });

  it("is in the client's generated operation table and provider table", async () => {
    const client = await generatedTables();
    expect(client.OPERATIONS[MADE_UP.operations.get]).toMatchObject({ method: 'GET', path: MADE_UP.path });
    expect(client.OPERATIONS[MADE_UP.operations.events]).toMatchObject({
      method: 'GET',
      path: `${MADE_UP.path}/events`,
    });
    const helpers = client.PROVIDERS[MADE_UP.property] ?? {};
    const helperIds = Object.fromEntries(Object.entries(helpers).map(([helper, { id }]) => [helper, id]));
    expect(helperIds).toEqual(MADE_UP.operations);
  });

  it(
    'has typed client helpers: a create body without its required password does not compile',
    () => {
      const consumer = join(clientCopy, 'consumer.ts');
      writeFileSync(
        consumer,
        [
          "import { createLeafCredentialsClient } from './src/index.js';",
          "const leaf = createLeafCredentialsClient({ baseUrl: 'http://127.0.0.1:4010', token: 'token' });",
          `export const created = leaf.${MADE_UP.property}.create('${LEAF_USER_ID}', ${JSON.stringify(MADE_UP.createExample)});`,
          '// @ts-expect-error the password is required',
          `export const refused = leaf.${MADE_UP.property}.create('${LEAF_USER_ID}', { username: 'u', region: 'EU' });`,
          '',
        ].join('\n'),
      );
      const tsc = spawnSync(
        process.execPath,
        [
          require.resolve('typescript/bin/tsc'),
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          '--target',
          'es2022',
          '--module',
          'nodenext',
          '--types',
          'node',
          consumer,
        ],
        { cwd: clientCopy, encoding: 'utf8' },
      );
      expect(tsc.stdout + tsc.stderr).toBe('');
    },
    SLOW,
  );

  it('is answered through the client helpers, against the mock serving the copied spec', async () => {
    const { createLeafCredentialsClient } = (await import(
      pathToFileURL(join(clientCopy, 'src', 'index.ts')).href
    )) as ClientModule;
    const helpers = createLeafCredentialsClient({ baseUrl: mockUrl, token: TOKEN })[MADE_UP.property] as
      | Record<string, Helper>
      | undefined;
    expect(helpers, `leaf.${MADE_UP.property}`).toBeDefined();
    expect(await helpers!.create!(LEAF_USER_ID, MADE_UP.createExample)).toMatchObject({
      username: MADE_UP.createExample.username,
    });
    expect(await helpers!.get!(LEAF_USER_ID)).toMatchObject({ region: MADE_UP.createExample.region });
    expect(await helpers!.delete!(LEAF_USER_ID)).toBeUndefined();
  });

  it('is served by the mock, which validates its create body', async () => {
    expect((await send(mockUrl, 'GET', MADE_UP.path)).status).toBe(200);
    expect((await send(mockUrl, 'POST', MADE_UP.path, MADE_UP.createExample)).status).toBe(201);
    expect((await send(mockUrl, 'DELETE', MADE_UP.path)).status).toBe(204);
    expect((await send(mockUrl, 'GET', `${MADE_UP.path}/events`)).status).toBe(200);
    const refused = await send(mockUrl, 'POST', MADE_UP.path, { username: 'u', region: 'EU' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('password');
  });

  it(
    'is served by the sandbox, which stores its credentials',
    () =>
      withSandbox(async (url) => {
        expect((await send(url, 'GET', MADE_UP.path)).status).toBe(404);
        expect((await send(url, 'POST', MADE_UP.path, MADE_UP.createExample)).status).toBe(201);
        const stored = (await (await send(url, 'GET', MADE_UP.path)).json()) as Record<string, unknown>;
        expect(stored).toMatchObject({
          username: MADE_UP.createExample.username,
          region: MADE_UP.createExample.region,
        });
        expect(stored, 'a writeOnly secret is never returned').not.toHaveProperty('password');
        expect((await send(url, 'DELETE', MADE_UP.path)).status).toBe(204);
        expect((await send(url, 'GET', MADE_UP.path)).status).toBe(404);
      }),
    SLOW,
  );

  it(
    'is on the docs page the build writes, with its operations and their samples',
    () => {
      const html = join(WORK, 'index.html');
      buildDocs(bundlePath, html);
      const page = readFileSync(html, 'utf8');
      expect(page).toContain(`${MADE_UP.tag} credentials`);
      expect(page).toContain('Get the Acme Soil credentials');
      expect(page).toContain(`leaf.${MADE_UP.property}.create(`);
      // Each of its operations has a Try-it panel, its create prefilled with its example body.
      const tryIt = new RegExp(`<script type="application/json" id="${TRY_IT_DATA_ID}">(.*?)</script>`).exec(page)?.[1];
      const panels = (JSON.parse(tryIt ?? '{}') as TryItPage).operations ?? [];
      for (const operationId of Object.values(MADE_UP.operations)) {
        expect(panels.find((panel) => panel.operationId === operationId)?.path, operationId).toMatch(/acme-soil/);
      }
      const create = panels.find((panel) => panel.operationId === MADE_UP.operations.create);
      expect(JSON.parse(create?.body ?? 'null')).toEqual(MADE_UP.createExample);
    },
    SLOW,
  );
});

describe('a resource that is no provider, added with spec files only', () => {
  const FARMS = MADE_UP_RESOURCE;

  it('is a resource of the spec model, with its helpers from x-leaf-helper, and no provider', () => {
    const resource = specModel(spec).resources.find((candidate) => candidate.tag === FARMS.tag);
    expect(resource).toMatchObject({ kind: 'resource', property: FARMS.property, operations: FARMS.operations });
    expect(listProviders(spec).map((provider) => provider.tag)).not.toContain(FARMS.tag);
    expect(specModel(spec).operation(FARMS.operations.create).requestBody?.example).toEqual(FARMS.createExample);
  });

  it('gets generated code samples per operation, calling its client property', () => {
    for (const operationId of Object.values(FARMS.operations)) {
      for (const language of SAMPLE_LANGUAGES) {
        const file = join(WORK, 'spec', 'code-samples', language.dir, `${operationId}${language.extension}`);
        expect(existsSync(file), file).toBe(true);
      }
    }
    const typescript = readFileSync(
      join(WORK, 'spec', 'code-samples', 'typescript', `${FARMS.operations.get}.ts`),
      'utf8',
    );
    expect(typescript).toContain(`leaf.${FARMS.property}.get('{leafUserId}')`);
  });

  it('is in the sidebar, in a group of its own', () => {
    const groups = spec['x-tagGroups'] as Array<{ name: string; tags: string[] }>;
    expect(groups).toContainEqual({ name: FARMS.tag, tags: [FARMS.tag] });
  });

  it("is in the client's generated operation and resource tables, not its provider table", async () => {
    const client = await generatedTables();
    expect(client.OPERATIONS[FARMS.operations.create]).toMatchObject({ method: 'POST', path: FARMS.path });
    expect(client.PROVIDERS).not.toHaveProperty(FARMS.property);
    const helpers = client.RESOURCES[FARMS.property] ?? {};
    expect(Object.fromEntries(Object.entries(helpers).map(([helper, { id }]) => [helper, id]))).toEqual(
      FARMS.operations,
    );
  });

  it(
    'is served by the sandbox, which stores, lists and deletes its farm: through the generated client helpers',
    () =>
      withSandbox(async (url) => {
        const { createLeafCredentialsClient } = (await import(
          pathToFileURL(join(clientCopy, 'src', 'index.ts')).href
        )) as ClientModule;
        const farms = createLeafCredentialsClient({ baseUrl: url, token: TOKEN })[FARMS.property] as
          | Record<string, (...args: unknown[]) => Promise<unknown>>
          | undefined;
        expect(farms, `leaf.${FARMS.property}`).toBeDefined();
        expect((await send(url, 'GET', FARMS.path)).status).toBe(404);
        const created = (await farms!.create!(LEAF_USER_ID, FARMS.createExample)) as Record<string, unknown>;
        expect(created).toMatchObject(FARMS.createExample);
        expect(await farms!.get!(LEAF_USER_ID)).toEqual(created);
        expect(await farms!.list!()).toEqual([created]);
        // Another token sees none of it.
        expect(
          await (await fetch(`${url}/farms`, { headers: { Authorization: 'Bearer other.token' } })).json(),
        ).toEqual([]);
        expect(await farms!.delete!(LEAF_USER_ID)).toBeUndefined();
        expect(await farms!.list!()).toEqual([]);
        expect((await send(url, 'GET', FARMS.path)).status).toBe(404);
      }),
    SLOW,
  );

  it('is served by the mock, which validates its create body', async () => {
    expect((await send(mockUrl, 'GET', FARMS.path)).status).toBe(200);
    expect((await send(mockUrl, 'POST', FARMS.path, FARMS.createExample)).status).toBe(201);
    expect((await send(mockUrl, 'DELETE', FARMS.path)).status).toBe(204);
    const refused = await send(mockUrl, 'POST', FARMS.path, { name: FARMS.createExample.name });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('hectares');
  });
});
