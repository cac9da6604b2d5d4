/**
 * Global setup of both tiers (vitest.shared.ts): every file a test run writes
 * under the OS temp dir (fixture projects, state files, packed tarballs, browser
 * profiles, servers' files) lands in one directory of this run, removed when the
 * run ends, so a test that forgets to clean up, or a server killed mid-write,
 * leaves nothing behind on the machine. Workers and the processes tests start
 * inherit TMPDIR, and `os.tmpdir()` reads it on every call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function useOneTempDirPerRun() {
  const previous = process.env.TMPDIR;
  const runDir = mkdtempSync(join(tmpdir(), 'leaf-test-run-'));
  process.env.TMPDIR = runDir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(runDir, { recursive: true, force: true });
  };
}
