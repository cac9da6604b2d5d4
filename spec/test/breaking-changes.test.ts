/**
 * The breaking-change gate: which spec edits break clients, and the
 * `npm run spec:diff` script that fails on them unless a major changeset
 * says they are intended. Each revision is the real bundled spec with one
 * planted change, so the fixtures follow the spec as it evolves.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBreakingChanges } from '../src/breaking-changes.js';
import { bundleSpec } from '../src/bundle.js';
import { majorChangesets } from '../src/changesets.js';
import type { BundledSpec } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'breaking-changes-'));
const basePath = join(work, 'base.json');
let base: BundledSpec;

type Schema = { properties: Record<string, unknown>; required: string[] };
const schema = (spec: BundledSpec, name: string) => (spec.components.schemas as Record<string, Schema>)[name]!;

/** Writes the base spec changed by `plant` to a file, returning its path. */
function revision(name: string, plant: (spec: BundledSpec) => void): string {
  const spec = structuredClone(base);
  plant(spec);
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

const removeResponseField = (spec: BundledSpec) => {
  const trimble = schema(spec, 'TrimbleCredentials');
  delete trimble.properties.tokenMetadata;
  trimble.required = trimble.required.filter((field) => field !== 'tokenMetadata');
};

beforeAll(() => {
  bundleSpec(basePath);
  base = JSON.parse(readFileSync(basePath, 'utf8')) as BundledSpec;
});

describe('findBreakingChanges', () => {
  it('finds nothing between a spec and itself', async () => {
    expect(await findBreakingChanges(basePath, basePath)).toEqual([]);
  });

  it('flags a removed response field, naming it', async () => {
    const changes = await findBreakingChanges(basePath, revision('removed-field', removeResponseField));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((change) => change.rule === 'prevent removing response property')).toBe(true);
    expect(changes[0]!.error).toContain('tokenMetadata');
  });

  it('flags a new required request field', async () => {
    const revised = revision('new-required-field', (spec) => {
      const create = schema(spec, 'ClimateFieldViewCredentialsCreate');
      create.properties.farmId = { type: 'string', description: 'A new field.' };
      create.required.push('farmId');
    });
    const changes = await findBreakingChanges(basePath, revised);
    expect(changes.map((change) => change.error).join('\n')).toContain('farmId');
  });

  it('flags a removed operation', async () => {
    const revised = revision('removed-operation', (spec) => {
      delete spec.paths['/users/{leafUserId}/trimble-credentials/events'];
    });
    const changes = await findBreakingChanges(basePath, revised);
    expect(changes.some((change) => change.rule === 'prevent operation removal')).toBe(true);
  });

  it('flags a narrowed type', async () => {
    const revised = revision('narrowed-type', (spec) => {
      schema(spec, 'CredentialEvent').properties.id = { type: 'integer', description: 'Now a number.' };
    });
    expect((await findBreakingChanges(basePath, revised)).length).toBeGreaterThan(0);
  });

  it('lets a new optional response field through', async () => {
    const revised = revision('new-optional-field', (spec) => {
      schema(spec, 'TrimbleCredentials').properties.label = { type: 'string', description: 'A new field.' };
    });
    expect(await findBreakingChanges(basePath, revised)).toEqual([]);
  });
});

describe('majorChangesets', () => {
  it('finds only changesets that bump the client by a major version', () => {
    const dir = join(work, 'changesets');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'README.md'), '---\n"@leaf-credentials/client": major\n---\n');
    writeFileSync(join(dir, 'minor-thing.md'), '---\n"@leaf-credentials/client": minor\n---\n\nAdds a field.\n');
    writeFileSync(join(dir, 'drop-events.md'), "---\n'@leaf-credentials/client': major\n---\n\nDrops events.\n");
    expect(majorChangesets(dir)).toEqual(['drop-events.md']);
  });
});

describe('npm run spec:diff', () => {
  function specDiff(revised: string, changesetDir: string) {
    const run = spawnSync(
      'npx',
      ['--no-install', 'tsx', 'scripts/spec-diff.ts', '--base-file', basePath, '--revised-file', revised, '--changeset-dir', changesetDir],
      { cwd: ROOT, encoding: 'utf8' },
    );
    return { status: run.status, output: run.stdout + run.stderr };
  }

  it('fails on a removed field, and passes once a major changeset marks it intended', () => {
    const revised = revision('removed-field-gate', removeResponseField);
    const none = join(work, 'no-changesets');
    mkdirSync(none, { recursive: true });
    const blocked = specDiff(revised, none);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain("cannot remove response property 'tokenMetadata'");

    const intended = join(work, 'major-changeset');
    mkdirSync(intended, { recursive: true });
    writeFileSync(join(intended, 'remove-token-metadata.md'), '---\n"@leaf-credentials/client": major\n---\n\nRemoves tokenMetadata.\n');
    const allowed = specDiff(revised, intended);
    expect(allowed.status).toBe(0);
    expect(allowed.output).toContain('remove-token-metadata.md');
  });

  it('passes the current spec against the committed baseline', () => {
    const run = spawnSync('npx', ['--no-install', 'tsx', 'scripts/spec-diff.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toMatch(/No breaking changes|Intended: /);
    expect(run.status).toBe(0);
  });
});
