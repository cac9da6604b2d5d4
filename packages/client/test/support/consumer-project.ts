/**
 * A fresh project consuming the package as npm would ship it: the `npm pack`
 * tarball installed into a temporary directory, offline (from the tarball and
 * the npm cache, never the network), with the consumer fixtures copied in.
 * It installs nothing else: each test brings its own pinned Node or compiler.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_DIR, packFiles } from './pack.js';

const CONSUMER_FIXTURES = fileURLToPath(new URL('../fixtures/consumer/', import.meta.url));

export interface Ran {
  /** The exit status; null when a signal ended the process. */
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface ConsumerProject {
  dir: string;
  packageVersion: string;
  /** Runs a command in the project; resolves (never rejects) with how it ended. */
  run(command: string, args: string[], env?: Record<string, string>): Promise<Ran>;
  remove(): void;
}

/**
 * Runs at most `slots` tasks at once. The project runs one child process per
 * core at a time: the consumer checks are many small processes, and on a
 * 2-core machine shared with other suites more at once only makes each slower.
 */
function limiter(slots: number) {
  const waiting: Array<() => void> = [];
  let busy = 0;
  return async function limited<T>(task: () => Promise<T>): Promise<T> {
    if (busy >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    busy++;
    try {
      return await task();
    } finally {
      busy--;
      waiting.shift()?.();
    }
  };
}

export function createConsumerProject(): ConsumerProject {
  if (!packFiles().some((file) => file.startsWith('dist/'))) throw new Error('build the package first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'leaf-client-consumer-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
  ) as { filename: string; version: string }[];
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'leaf-client-consumer',
      private: true,
      type: 'module',
      dependencies: { '@leaf-credentials/client': `file:./${packed!.filename}` },
    }),
  );
  cpSync(CONSUMER_FIXTURES, dir, { recursive: true });
  try {
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(
      `npm install --offline of the packed package failed (its dependencies must be in the npm cache: \`npm ci\` puts them there):\n${stderr}`,
    );
  }
  const limited = limiter(availableParallelism());
  return {
    dir,
    packageVersion: packed!.version,
    run: (command, args, env = {}) =>
      limited(
        () =>
          new Promise<Ran>((resolve) => {
            execFile(
              command,
              args,
              { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } },
              (error, stdout, stderr) => {
                if (error === null) return resolve({ status: 0, stdout, stderr });
                // A number is the exit status; otherwise the process never ran (ENOENT) or a signal ended it.
                if (typeof error.code === 'number') return resolve({ status: error.code, stdout, stderr });
                resolve({ status: null, stdout, stderr: stderr || error.message });
              },
            );
          }),
      ),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
