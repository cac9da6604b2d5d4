/**
 * `npm run lint`: every static check, each run to its end (one failing does
 * not hide the next), then one line per check; exits non-zero on any finding.
 * Each check is also its own script: `npm run lint:biome`, `lint:knip`,
 * `lint:redocly`, `lint:spectral`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const CHECKS = [
  { script: 'lint:biome', what: 'format + lint of every TS/JS/JSON file (biome.jsonc)' },
  { script: 'lint:knip', what: 'unused files, exports and dependencies (knip.jsonc)' },
  { script: 'lint:redocly', what: 'the spec, recommended-strict + our rules (redocly.yaml)' },
  { script: 'lint:spectral', what: 'the bundled spec, OAS + OWASP (.spectral.yaml)' },
];

const results = CHECKS.map((check) => {
  console.log(`\n> npm run ${check.script}`);
  const run = spawnSync('npm', ['run', '--silent', check.script], { cwd: ROOT, stdio: 'inherit' });
  return { ...check, passed: run.status === 0 };
});

console.log('');
for (const { script, what, passed } of results)
  console.log(`${passed ? 'ok    ' : 'FAILED'}  ${script.padEnd(13)}  ${what}`);
const failed = results.filter((result) => !result.passed).length;
console.log(failed === 0 ? 'lint: no findings' : `lint: ${failed} of ${results.length} checks failed`);
process.exit(failed === 0 ? 0 : 1);
