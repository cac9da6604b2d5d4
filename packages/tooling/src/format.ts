/**
 * Lays out generated files as `npm run lint:biome` wants (the repo's biome.jsonc): generators pass what they
 * render through this, so generated files are formatted rather than excluded from Biome, and the freshness
 * checks compare formatted text. One biome process for all files (a process per file costs ~0.3 s each),
 * run in a scratch folder where each file sits at its repo-relative path, so biome.jsonc's overrides apply.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { localBin } from './local-bin.js';
import { REPO_ROOT } from './repo.js';

/** Repo-relative path (e.g. `packages/client/src/generated/schema.ts`) to file text, formatted by Biome. */
export function formatWithBiome(files: Record<string, string>): Record<string, string> {
  const paths = Object.keys(files);
  if (paths.length === 0) return {};
  const dir = mkdtempSync(join(tmpdir(), 'biome-format-'));
  try {
    copyFileSync(join(REPO_ROOT, 'biome.jsonc'), join(dir, 'biome.jsonc'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(localBin('biome'), ['check', '--write', '--vcs-enabled=false', '--colors=off', ...paths], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (run.error) throw run.error;
    if (run.status !== 0) {
      throw new Error(`biome check --write left findings in generated files:\n${run.stdout}${run.stderr}`);
    }
    return Object.fromEntries(paths.map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
