/**
 * The logic of `npm run spec:diff` (scripts/spec-diff.ts is its command line):
 * compare a base spec with a revised one and decide whether the breaking
 * changes, if any, are intended by a pending major changeset. A function, so
 * the gate's tests run it in-process instead of spawning the CLI.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { majorChangesets, REPO_ROOT, SPEC_CONSUMER_PACKAGE } from '../index.js';
import { findBreakingChanges } from './breaking-changes.js';
import { bundleSpec } from './bundle.js';

/** The spec as last released: what `npm run spec:diff` compares with by default. */
const BASELINE_PATH = join(REPO_ROOT, 'spec/baseline/leaf-credentials.json');
const CHANGESET_DIR = join(REPO_ROOT, '.changeset');

export interface SpecDiffOptions {
  /** Compare with the spec at this git ref instead of the baseline. */
  baseRef?: string;
  /** Compare with this bundled file instead of the baseline (the gate's tests). */
  baseFile?: string;
  /** The revised bundle; by default the current split spec, freshly bundled. */
  revisedFile?: string;
  changesetDir?: string;
  /** Make the revised spec the new baseline instead of comparing. */
  updateBaseline?: boolean;
}

export interface SpecDiffResult {
  /** 0: no breaking change, or all intended; 1: unintended breaking changes. */
  exitCode: 0 | 1;
  stdout: string[];
  stderr: string[];
}

export async function runSpecDiff(options: SpecDiffOptions = {}): Promise<SpecDiffResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'spec-diff-'));
  try {
    const revised = options.revisedFile ?? join(work, 'revised.json');
    if (!options.revisedFile) bundleSpec(revised);

    if (options.updateBaseline) {
      copyFileSync(revised, BASELINE_PATH);
      stdout.push(`The current spec is now the baseline: ${BASELINE_PATH}`);
      return { exitCode: 0, stdout, stderr };
    }

    const base = options.baseFile ?? (options.baseRef ? specAtGitRef(options.baseRef, work) : BASELINE_PATH);
    const label = options.baseRef ? `the spec at ${options.baseRef}` : 'the released baseline';
    const changes = await findBreakingChanges(base, revised);
    if (changes.length === 0) {
      stdout.push(`No breaking changes against ${label}.`);
      return { exitCode: 0, stdout, stderr };
    }

    stdout.push(`${changes.length} breaking change(s) against ${label}:`);
    for (const change of changes) stdout.push(`  - ${change.where}\n    ${change.rule}: ${change.error}`);
    const intended = majorChangesets(options.changesetDir ?? CHANGESET_DIR);
    if (intended.length > 0) {
      stdout.push(`Intended: ${intended.join(', ')} bumps ${SPEC_CONSUMER_PACKAGE} by a major version.`);
      return { exitCode: 0, stdout, stderr };
    }
    stderr.push(
      `\nIf this is on purpose, add a changeset that bumps ${SPEC_CONSUMER_PACKAGE} by a major version ` +
        '(`npx changeset`), and say what clients must change.',
    );
    return { exitCode: 1, stdout, stderr };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Bundles the spec as it is at `ref`, from git's copy of spec/. */
function specAtGitRef(ref: string, dir: string): string {
  const archive = join(dir, 'spec.tar');
  execFileSync('git', ['archive', '--output', archive, ref, 'spec'], { cwd: REPO_ROOT });
  execFileSync('tar', ['-xf', archive, '-C', dir]);
  const output = join(dir, 'base.json');
  bundleSpec(output, join(dir, 'spec/leaf-credentials.yaml'));
  return output;
}
