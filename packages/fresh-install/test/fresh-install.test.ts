/**
 * The three packages as a stranger gets them (issue #17): packed, installed
 * into a fresh project outside the repo from the tarballs and the registry
 * (with the test runners a team has: vitest, jest, MSW), then used there the
 * ways the mock's README shows. The README's snippets are the suites
 * (src/readme-snippets.ts: `<!-- file: PATH -->` writes a block, `<!-- run -->`
 * runs one): its vitest, jest (CommonJS) and node:test suites and its MSW flow
 * run on Node 22 with MSW 3, and all again on Node 20 with MSW 2. Besides:
 * both modes of the bin answer, the mock loads from CommonJS, stock Prism
 * serves the published spec file, and nothing from the repo's toolchain is a
 * production dependency.
 *
 * One `npm pack` and one full install: the Node 20 project is the Node 22 one
 * hard-linked, with MSW 2 installed over MSW 3. The checks are independent
 * processes in their own folders, so they run concurrently.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleLeafUserId } from '@leaf-credentials/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFreshProject,
  derivedProject,
  describeRun,
  type FreshProject,
  type Listening,
  type Packed,
  PUBLISHED,
  packPublished,
  startListening,
} from '../src/fresh-project.js';
import { type FileSnippet, type RunSnippet, readmeSnippets } from '../src/readme-snippets.js';

const require = createRequire(import.meta.url);
const nodeOf = (manifest: string) => join(dirname(manifest), 'bin/node');
const NODE_20 = nodeOf(require.resolve('node-20/package.json'));
const NODE_22 = nodeOf(require.resolve('node-22/package.json'));
const PRISM_MANIFEST = require.resolve('@stoplight/prism-cli/package.json');
const PRISM_BIN = join(dirname(PRISM_MANIFEST), (require(PRISM_MANIFEST) as { bin: { prism: string } }).bin.prism);

const README_PATH = fileURLToPath(new URL('../../mock/README.md', import.meta.url));
const README = readFileSync(README_PATH, 'utf8');
const snippets = readmeSnippets(README);
const files = snippets.filter((snippet): snippet is FileSnippet => snippet.kind === 'file');
const runs = snippets.filter((snippet): snippet is RunSnippet => snippet.kind === 'run');

/** What the repo builds and tests with, none of which a user of the packages should install. */
const REPO_TOOLCHAIN = ['tsx', 'typescript', 'turbo', 'vitest', '@redocly/cli'];
/** The test runners of the stranger's project, pinned: the repo's vitest, jest 30, MSW 3 (Node >= 22.12). */
const RUNNERS = {
  vitest: (require('vitest/package.json') as { version: string }).version,
  jest: '30.5.2',
  msw: '3.0.5',
};
/** The Node lines the README's snippets run on, each in its own project: MSW 2.15 is MSW's line that still runs on Node 20. */
const NODE_LINES = [
  { name: 'Node 22', node: NODE_22, msw: RUNNERS.msw },
  { name: 'Node 20', node: NODE_20, msw: '2.15.0' },
] as const;
type NodeLine = (typeof NODE_LINES)[number]['name'];
const LISTENING = /listening on (http:\/\/\S+)/;
const INSTALL_TIMEOUT = 600_000;
const COMMAND_TIMEOUT = 300_000;
/** A hang guard for each test of the README's suites, as the repo's own (vitest.shared.ts). */
const SNIPPET_TEST_TIMEOUT = 120_000;

const importsMsw = (file: FileSnippet) => /['"]@leaf-credentials\/mock\/msw['"]/.test(file.text);

let packed: Packed | undefined;
/** The Node 22 project, with MSW 3: the install checks below run there too. */
let project: FreshProject;
/** The Node 20 project, made from the Node 22 one with MSW 2 installed over MSW 3, once a test needs it. */
let node20Project: Promise<FreshProject> | undefined;

beforeAll(async () => {
  packed = await packPublished();
  project = await createFreshProject(packed.tarballs, RUNNERS, NODE_22);
}, INSTALL_TIMEOUT);
afterAll(async () => {
  project?.remove();
  (await node20Project?.catch(() => undefined))?.remove();
  packed?.remove();
});

function projectOf(line: NodeLine): Promise<FreshProject> {
  if (line === 'Node 22') return Promise.resolve(project);
  node20Project ??= derivedProject(project, [`msw@${NODE_LINES[1].msw}`], NODE_20);
  return node20Project;
}

/**
 * The README's vitest and jest runs with the repo's hang guards for a test's time (the runners'
 * default 5 s is a speed check: an in-process sandbox's first answer loads the spec and Prism,
 * which on a loaded CI machine took 5.1 s). The README's own config stays as a stranger copies it.
 */
function withHangGuards(command: string): string {
  if (/^npx vitest run\b/.test(command))
    return `${command} --testTimeout=${SNIPPET_TEST_TIMEOUT} --hookTimeout=${SNIPPET_TEST_TIMEOUT}`;
  if (/^npx jest\b/.test(command)) return `${command} --testTimeout=${SNIPPET_TEST_TIMEOUT}`;
  return command;
}

/** Runs the README's blocks in order in `installed`, each after writing the file snippets above it. */
async function runBlocks(installed: FreshProject): Promise<void> {
  const written = new Set<FileSnippet>();
  for (const run of runs) {
    for (const file of files.filter((candidate) => candidate.line < run.line && !written.has(candidate))) {
      installed.write(file.path, file.text);
      written.add(file);
    }
    for (const command of run.commands) {
      const ran = await installed.run(withHangGuards(command));
      expect(ran.status, `README line ${run.line}\n${describeRun(ran)}`).toBe(0);
    }
  }
}

async function expectAnswers(url: string, status: number): Promise<void> {
  const path = `/users/${exampleLeafUserId()}/trimble-credentials`;
  const signedOut = await fetch(new URL(path, url));
  expect(signedOut.status, `GET ${path} without a token`).toBe(401);
  const signedIn = await fetch(new URL(path, url), { headers: { authorization: 'Bearer fresh-install-token' } });
  expect(signedIn.status, `GET ${path} with a token`).toBe(status);
  expect(await signedIn.json()).toHaveProperty('id');
}

interface Tree {
  dependencies?: Record<string, Tree>;
}

/** An installed package's package.json in the project. */
function manifestOf(name: string): { peerDependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(project.dir, 'node_modules', name, 'package.json'), 'utf8'));
}

/** Every package in `npm ls --json`'s tree, as the names leading to it from the project. */
function* packagePaths(tree: Tree, above: string[] = []): Generator<string[]> {
  for (const [name, subtree] of Object.entries(tree.dependencies ?? {})) {
    yield [...above, name];
    yield* packagePaths(subtree, [...above, name]);
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The two longest checks first: each suite's tests start as soon as it runs (up to vitest's maxConcurrency).
describe.concurrent("the mock README's snippets", () => {
  it('run vitest, jest and node:test suites and an MSW flow', () => {
    const commands = runs.flatMap((run) => run.commands).join('\n');
    expect(commands, 'a vitest run').toMatch(/\bvitest\b/);
    expect(commands, 'a jest run').toMatch(/\bjest\b/);
    expect(commands, 'a node --test run').toMatch(/\bnode\b.*--test\b/);
    expect(
      files.filter(importsMsw).map((file) => file.path),
      'a file using @leaf-credentials/mock/msw',
    ).not.toEqual([]);
  });

  it.each(NODE_LINES.map((line) => [line.name, line.msw, line.name] as const))(
    'run in order on %s, with MSW %s',
    async (_name, _msw, line) => runBlocks(await projectOf(line)),
    COMMAND_TIMEOUT,
  );
});

describe.concurrent('installed from the tarballs into a fresh project', () => {
  it('ships the README whose snippets run below', () => {
    expect(readFileSync(join(project.dir, 'node_modules/@leaf-credentials/mock/README.md'), 'utf8')).toBe(README);
  });

  it(`npm ls --omit=dev lists the three packages and none of ${REPO_TOOLCHAIN.join(', ')}`, async () => {
    const ran = await project.run('npm ls --omit=dev --all --json');
    expect(ran.status, describeRun(ran)).toBe(0);
    const paths = [...packagePaths(JSON.parse(ran.output) as Tree)];
    expect(paths.map((path) => path.at(-1))).toEqual(expect.arrayContaining(Object.keys(PUBLISHED)));
    // A peer of ours (the mock's optional msw) is the team's own choice, and so is what it brings.
    const peers = new Set(
      Object.keys(PUBLISHED).flatMap((name) => Object.keys(manifestOf(name).peerDependencies ?? {})),
    );
    const toolchain = paths
      .filter((path) => REPO_TOOLCHAIN.includes(path.at(-1)!) && !(path[1] && peers.has(path[1])))
      .map((path) => path.join(' > '));
    expect(toolchain, 'installed for production, through').toEqual([]);
  });

  it('requires the mock, the client and the spec file from CommonJS', async () => {
    const program = [
      "const mock = require('@leaf-credentials/mock');",
      "if (typeof mock.createSandbox !== 'function') throw new Error('no createSandbox: ' + Object.keys(mock));",
      "require('@leaf-credentials/client');",
      "require.resolve('@leaf-credentials/spec/leaf-credentials.json');",
    ].join(' ');
    const ran = await project.run(`node -e "${program}"`);
    expect(ran.status, describeRun(ran)).toBe(0);
  });

  describe.each([
    { mode: 'sandbox', command: 'npx @leaf-credentials/mock sandbox --port 0' },
    { mode: 'mock', command: 'npx leaf-credentials-mock mock --port 0' },
  ])('the bin, $mode mode', ({ command }) => {
    let server: Listening | undefined;
    afterAll(() => server?.stop());

    it(
      `${command} listens and answers`,
      async () => {
        server = await startListening(project, command, LISTENING);
        await expectAnswers(server.url, 200);
      },
      COMMAND_TIMEOUT,
    );
  });

  it(
    'stock prism mock serves the published spec file',
    async () => {
      const resolved = await project.run(`node -p "require.resolve('@leaf-credentials/spec/leaf-credentials.yaml')"`);
      expect(resolved.status, describeRun(resolved)).toBe(0);
      const specFile = resolved.output.trim();
      const port = await freePort();
      // Stock Prism takes no port 0, and serves each path from the root (no base path).
      const prism = await startListening(
        project,
        `node ${PRISM_BIN} mock --host 127.0.0.1 --port ${port} ${specFile}`,
        /Prism is listening on (http:\/\/\S+)/,
      );
      try {
        await expectAnswers(prism.url, 200);
      } finally {
        await prism.stop();
      }
    },
    COMMAND_TIMEOUT,
  );
});
