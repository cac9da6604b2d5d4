/**
 * Setup file of every workspace's unit tier (vitest.shared.ts): the unit tier
 * runs inside the test process, so it stays fast and turbo can cache it. A test
 * that starts a child process (a server, a CLI, a linter, npm, a browser) fails
 * here, naming the command, instead of quietly making the tier slow: list its
 * file under `e2e` in the workspace's vitest.config.ts.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const STARTERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

for (const starter of STARTERS) {
  const refuse = (command: unknown, args?: unknown) => {
    const line = [command, ...(Array.isArray(args) ? args : [])].map(String).join(' ');
    const shown = line.length > 160 ? `${line.slice(0, 160)}…` : line;
    throw new Error(
      `${starter}(${shown}): the unit tier starts no process. ` +
        "List this test file under `e2e` in its workspace's vitest.config.ts.",
    );
  };
  Object.assign(childProcess, { [starter]: refuse });
}
// Named imports (`import { spawn } from 'node:child_process'`) see the replacements too.
syncBuiltinESMExports();
