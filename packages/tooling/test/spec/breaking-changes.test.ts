/**
 * The breaking-change gate: which spec edits break clients, and the
 * `npm run spec:diff` script that fails on them unless a major changeset
 * says they are intended. Each revision is the real bundled spec with one
 * planted change, so the fixtures follow the spec as it evolves. The script's
 * logic (runSpecDiff) runs in-process; one test runs the command line itself.
 * request-constraints.test.ts covers each kind of narrowed request constraint.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundledSpec } from '@leaf-credentials/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { majorChangesets, REPO_ROOT as ROOT } from '../../src/index.js';
import { findBreakingChanges } from '../../src/spec/breaking-changes.js';
import { bundleSpec } from '../../src/spec/bundle.js';
import { NARROWED_REQUEST_RULE } from '../../src/spec/request-constraints.js';
import { WIDENED_RESPONSE_ENUM_RULE } from '../../src/spec/response-enums.js';
import { runSpecDiff } from '../../src/spec/spec-diff.js';
import { SLOW_PROCESS_TIMEOUT } from '../fixtures/timeouts.js';

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

/**
 * The planted changes touch Trimble's and Climate FieldView's operations and the components
 * every provider shares; Optic's time grows with the operations it compares, so the revisions
 * keep only those two providers' paths (the command-line test below diffs the whole spec).
 */
const PLANTED_PROVIDER_PATHS = ['/trimble-credentials', '/climate-field-view-credentials'];

beforeAll(() => {
  const bundled = join(work, 'bundled.json');
  bundleSpec(bundled);
  const spec = JSON.parse(readFileSync(bundled, 'utf8')) as BundledSpec;
  spec.paths = Object.fromEntries(
    Object.entries(spec.paths).filter(([path]) => PLANTED_PROVIDER_PATHS.some((provider) => path.includes(provider))),
  ) as BundledSpec['paths'];
  base = spec;
  writeFileSync(basePath, JSON.stringify(base));
}, SLOW_PROCESS_TIMEOUT);

describe('findBreakingChanges', { timeout: SLOW_PROCESS_TIMEOUT }, () => {
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

  it('merges in narrowed request constraints, which Optic does not report', async () => {
    const revised = revision('narrowed-max-length', (spec) => {
      (schema(spec, 'ClimateFieldViewCredentialsCreate').properties.apiKey as Record<string, unknown>).maxLength = 8;
    });
    const changes = await findBreakingChanges(basePath, revised);
    expect(changes).toEqual([
      {
        rule: NARROWED_REQUEST_RULE,
        where: 'post /users/{leafUserId}/climate-field-view-credentials request body application/json apiKey',
        error: expect.stringContaining('maxLength lowered from 512 to 8'),
        jsonPath: '/components/schemas/ClimateFieldViewCredentialsCreate/properties/apiKey/maxLength',
      },
    ]);
  });

  it('merges in a response enum opened to any string (enum → anyOf [enum, string]), which Optic does not report', async () => {
    const closed = revision('closed-status', (spec) => {
      const known = (spec.components.schemas as Record<string, { enum?: unknown[] }>).KnownCredentialStatus!;
      (spec.components.schemas as Record<string, unknown>).CredentialStatus = { type: 'string', enum: known.enum };
    });
    const changes = await findBreakingChanges(closed, basePath);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((change) => change.rule === WIDENED_RESPONSE_ENUM_RULE)).toBe(true);
    expect(changes.map((change) => change.where)).toContain(
      'get /users/{leafUserId}/trimble-credentials response 200 application/json status',
    );
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

describe('npm run spec:diff', { timeout: SLOW_PROCESS_TIMEOUT }, () => {
  // runSpecDiff is the script's logic, run in-process: no process start-up per case.
  const specDiff = async (revisedFile: string, changesetDir: string) => {
    const result = await runSpecDiff({ baseFile: basePath, revisedFile, changesetDir });
    return { status: result.exitCode, output: [...result.stdout, ...result.stderr].join('\n') };
  };

  it('fails on a removed field, and passes once a major changeset marks it intended', async () => {
    const revised = revision('removed-field-gate', removeResponseField);
    const none = join(work, 'no-changesets');
    mkdirSync(none, { recursive: true });
    const blocked = await specDiff(revised, none);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain("cannot remove response property 'tokenMetadata'");
    expect(blocked.output).toContain('add a changeset that bumps @leaf-credentials/client by a major version');

    const intended = join(work, 'major-changeset');
    mkdirSync(intended, { recursive: true });
    writeFileSync(
      join(intended, 'remove-token-metadata.md'),
      '---\n"@leaf-credentials/client": major\n---\n\nRemoves tokenMetadata.\n',
    );
    const allowed = await specDiff(revised, intended);
    expect(allowed.status).toBe(0);
    expect(allowed.output).toContain('remove-token-metadata.md');
  });

  it('fails on a narrowed request constraint that only the in-house check sees', async () => {
    const revised = revision('narrowed-request-gate', (spec) => {
      (schema(spec, 'TrimbleCredentialsCreate').properties.clientId as Record<string, unknown>).maxLength = 8;
    });
    const none = join(work, 'no-changesets-narrowed');
    mkdirSync(none, { recursive: true });
    const blocked = await specDiff(revised, none);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain('maxLength lowered from 256 to 8');
  });

  it("flags Trimble's scopes turning from 1.x's string into an array: a major change for client users", async () => {
    // The 1.x form, planted back into the current spec: what a user of the last major had.
    const released = revision('scopes-as-string', (spec) => {
      schema(spec, 'TokenMetadata').properties.scopes = {
        description: 'Space-separated.',
        type: 'string',
        maxLength: 2048,
      };
    });
    const none = join(work, 'no-changesets-scopes');
    mkdirSync(none, { recursive: true });
    const result = await runSpecDiff({ baseFile: released, revisedFile: basePath, changesetDir: none });
    expect(result.exitCode).toBe(1);
    expect([...result.stdout, ...result.stderr].join('\n')).toMatch(
      /trimble-credentials response 200 .*property tokenMetadata\/scopes/,
    );
  });

  // The one test of the command line itself: it bundles the split spec (redocly) and runs Optic
  // in a new process, which is slow on a small or busy machine, hence the generous timeout.
  it(
    'passes the current spec against the committed baseline, run as the command line',
    () => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/spec-diff.ts'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(run.stdout + run.stderr).toMatch(/No breaking changes|Intended: /);
      expect(run.status).toBe(0);
    },
    SLOW_PROCESS_TIMEOUT,
  );
});
