/** Where the repository is, and whether this process runs in CI. */
import { fileURLToPath } from 'node:url';

/** The repository's root folder, where the tools run and the root config files live. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Whether this runs in CI, where generators only check and the fuzzer's minimum holds.
 * `CI=false` (or 0, or blank) is how some runners say "not CI".
 */
export function runningInCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI !== undefined && !['', '0', 'false'].includes(env.CI);
}
