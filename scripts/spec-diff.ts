/**
 * `npm run spec:diff`: fails when the spec breaks clients of the last release.
 *
 * Compares the current spec with spec/baseline/leaf-credentials.json (the spec
 * as last released) or, with `--base <git-ref>`, with the spec at that commit.
 * Breaking changes pass only when a pending changeset bumps
 * @leaf-credentials/client by a major version.
 *
 *   npm run spec:diff                      # against the released baseline
 *   npm run spec:diff -- --base main       # against main
 *   npm run spec:baseline                  # on release: the current spec becomes the baseline
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findBreakingChanges } from '../spec/src/breaking-changes.js';
import { bundleSpec } from '../spec/src/bundle.js';
import { majorChangesets, SPEC_CONSUMER_PACKAGE } from '../spec/src/changesets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BASELINE_PATH = join(ROOT, 'spec/baseline/leaf-credentials.json');

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    // For the gate's own tests: compare given bundles, read changesets elsewhere.
    'base-file': { type: 'string' },
    'revised-file': { type: 'string' },
    'changeset-dir': { type: 'string', default: join(ROOT, '.changeset') },
    'update-baseline': { type: 'boolean', default: false },
  },
});

const work = mkdtempSync(join(tmpdir(), 'spec-diff-'));
try {
  const revised = values['revised-file'] ?? join(work, 'revised.json');
  if (!values['revised-file']) bundleSpec(revised);

  if (values['update-baseline']) {
    copyFileSync(revised, BASELINE_PATH);
    console.log(`The current spec is now the baseline: ${BASELINE_PATH}`);
    process.exit(0);
  }

  const base = values['base-file'] ?? (values.base ? specAtGitRef(values.base, work) : BASELINE_PATH);
  const label = values.base ? `the spec at ${values.base}` : 'the released baseline';
  const changes = await findBreakingChanges(base, revised);
  if (changes.length === 0) {
    console.log(`No breaking changes against ${label}.`);
    process.exit(0);
  }

  console.log(`${changes.length} breaking change(s) against ${label}:`);
  for (const change of changes) console.log(`  - ${change.where}\n    ${change.rule}: ${change.error}`);
  const intended = majorChangesets(values['changeset-dir']!);
  if (intended.length > 0) {
    console.log(`Intended: ${intended.join(', ')} bumps ${SPEC_CONSUMER_PACKAGE} by a major version.`);
    process.exit(0);
  }
  console.error(
    `\nIf this is on purpose, add a changeset that bumps ${SPEC_CONSUMER_PACKAGE} by a major version ` +
      '(`npx changeset`), and say what clients must change.',
  );
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Bundles the spec as it is at `ref`, from git's copy of spec/. */
function specAtGitRef(ref: string, dir: string): string {
  const archive = join(dir, 'spec.tar');
  execFileSync('git', ['archive', '--output', archive, ref, 'spec'], { cwd: ROOT });
  execFileSync('tar', ['-xf', archive, '-C', dir]);
  const output = join(dir, 'base.json');
  bundleSpec(output, join(dir, 'spec/leaf-credentials.yaml'));
  return output;
}
