/**
 * `npm run spec:diff`: fails when the spec breaks clients of the last release.
 *
 * Compares the current spec with spec/baseline/leaf-credentials.json (the spec
 * as last released) or, with `--base <git-ref>`, with the spec at that commit.
 * Breaking changes pass only when a pending changeset bumps
 * @leaf-credentials/client by a major version. The logic is runSpecDiff in
 * packages/tooling/src/spec/spec-diff.ts; this is its command line.
 *
 *   npm run spec:diff                      # against the released baseline
 *   npm run spec:diff -- --base main       # against main
 *   npm run spec:baseline                  # the current spec becomes the baseline (run by `npm run version`)
 */
import { parseArgs } from 'node:util';
import { runSpecDiff } from '@leaf-credentials/tooling/spec-diff';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    // For the gate's own tests: compare given bundles, read changesets elsewhere.
    'base-file': { type: 'string' },
    'revised-file': { type: 'string' },
    'changeset-dir': { type: 'string' },
    'update-baseline': { type: 'boolean', default: false },
  },
});

const result = await runSpecDiff({
  baseRef: values.base,
  baseFile: values['base-file'],
  revisedFile: values['revised-file'],
  changesetDir: values['changeset-dir'],
  updateBaseline: values['update-baseline'],
});
for (const line of result.stdout) console.log(line);
for (const line of result.stderr) console.error(line);
process.exit(result.exitCode);
