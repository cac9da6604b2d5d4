/**
 * One support policy: README's "Supported versions" table and every
 * package.json's `engines.node` agree. The workspaces that are the repo's
 * tooling say what the root says; the published client says its own range.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/index.js';

const CLIENT = 'packages/client';

interface Manifest {
  name: string;
  private?: boolean;
  workspaces?: string[];
  engines?: { node?: string };
}

const readManifest = (dir: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as Manifest;
const root = readManifest('.');
/** Every workspace directory the root's `workspaces` globs (`dir` or `parent/*`) name. */
const workspaces = root.workspaces!.flatMap((pattern) =>
  pattern.endsWith('/*')
    ? readdirSync(join(REPO_ROOT, pattern.slice(0, -2)), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
    : [pattern],
);
const supportTable =
  readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').split('## Supported versions')[1]?.split('\n## ')[0] ?? '';
/** README escapes `|` inside table cells. */
const inReadme = (range: string) => supportTable.includes(`\`${range.replaceAll('|', '\\|')}\``);

describe('engines', () => {
  it('is stated by the root, and README names it as the tooling range', () => {
    expect(root.engines?.node).toBeDefined();
    expect(inReadme(root.engines!.node!), 'README.md "Supported versions" names the root engines range').toBe(true);
  });

  for (const dir of workspaces.filter((dir) => dir !== CLIENT)) {
    it(`of ${dir} is the tooling's (the root's)`, () => {
      expect(readManifest(dir).engines?.node).toBe(root.engines!.node);
    });
  }

  it('of the client is its own published range, which README names', () => {
    const range = readManifest(CLIENT).engines?.node;
    expect(range).toBeDefined();
    expect(range).not.toBe(root.engines!.node);
    expect(inReadme(range!), `README.md "Supported versions" names ${range}`).toBe(true);
  });
});
