/**
 * A stranger's project: the three packages packed as npm would publish them,
 * installed into a new folder outside the repo (os.tmpdir()) from the tarballs
 * and the registry only, with the machine's npm cache. Commands run there with
 * none of the repo's npm or vitest environment, on the Node a caller picks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The published packages, by name, with their folder in the repo. */
export const PUBLISHED = {
  '@leaf-credentials/spec': 'spec',
  '@leaf-credentials/client': 'packages/client',
  '@leaf-credentials/mock': 'packages/mock',
} as const;
type PublishedName = keyof typeof PUBLISHED;
const PUBLISHED_NAMES = Object.keys(PUBLISHED) as PublishedName[];

/** The machine's npm cache first, no audit or funding requests. */
const NPM_INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline'];
/** What one command may take: an install from a cold cache on a busy machine included. */
const COMMAND_TIMEOUT_MS = 300_000;

export interface Ran {
  command: string;
  status: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

/**
 * The environment of a command in the project: the caller's, minus what `npm run`, turbo and
 * vitest set for the repo (a stray `npm_config_*` would point npm back at the workspace), with
 * `node` (and so npm and npx) from `nodeBin`'s folder first on PATH.
 */
function projectEnv(nodeBin: string = process.execPath): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => {
    const lower = name.toLowerCase();
    if (lower === 'npm_config_cache' || lower === 'npm_config_registry') return true;
    return !/^(npm_|vitest|turbo_|init_cwd$|node_options$)/.test(lower);
  });
  return {
    ...Object.fromEntries(kept),
    PATH: `${dirname(nodeBin)}:${process.env.PATH ?? ''}`,
    // The README's own `npm install` lines too: the machine's cache first, no notices.
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

/** Runs `command` with `sh -c` in `cwd`; resolves when it exits, whatever its status. */
function runCommand(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n[killed: no exit within ${COMMAND_TIMEOUT_MS / 1000} s]`;
      child.kill('SIGKILL');
    }, COMMAND_TIMEOUT_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ command, status, output });
    });
  });
}

/** `command`'s result as one block a failing assertion can show. */
export function describeRun(ran: Ran): string {
  return `$ ${ran.command}\n(exit ${ran.status})\n${ran.output.trim()}`;
}

export type Tarballs = Record<PublishedName, string>;

export interface Packed {
  tarballs: Tarballs;
  remove(): void;
}

/**
 * Packs the published packages (one `npm pack`; turbo built them first, so no prepack build) into
 * a new folder under os.tmpdir(), once for every project a run installs them into.
 */
export async function packPublished(): Promise<Packed> {
  const destination = mkdtempSync(join(tmpdir(), 'leaf-tarballs-'));
  const tarballs = await packInto(destination);
  return { tarballs, remove: () => rmSync(destination, { recursive: true, force: true }) };
}

async function packInto(destination: string): Promise<Tarballs> {
  const workspaces = Object.values(PUBLISHED).flatMap((dir) => ['--workspace', dir]);
  const ran = await runCommand(
    ['npm', 'pack', ...workspaces, '--ignore-scripts', '--pack-destination', destination, '--json', '--silent'].join(
      ' ',
    ),
    REPO_ROOT,
    projectEnv(),
  );
  if (ran.status !== 0) throw new Error(`npm pack failed:\n${describeRun(ran)}`);
  const packed = JSON.parse(ran.output.slice(ran.output.indexOf('['))) as Array<{ name: string; filename: string }>;
  return Object.fromEntries(
    PUBLISHED_NAMES.map((name) => {
      const tarball = packed.find((entry) => entry.name === name);
      if (!tarball) throw new Error(`npm pack did not pack ${name}:\n${describeRun(ran)}`);
      return [name, join(destination, tarball.filename)];
    }),
  ) as Tarballs;
}

/**
 * In an `npm install` (or `npm i`, `npm add`) command, each published package named with or
 * without a version becomes its tarball: the README says what a stranger types, the test
 * installs what would be published.
 */
export function withTarballs(command: string, tarballs: Tarballs): string {
  if (!/^npm\s+(install|i|add)\b/.test(command)) return command;
  return command.replace(/(?<=\s)(@leaf-credentials\/[a-z-]+)(@\S+)?(?=\s|$)/g, (whole, name: string) =>
    name in tarballs ? tarballs[name as PublishedName] : whole,
  );
}

export interface FreshProject {
  dir: string;
  tarballs: Tarballs;
  /** Writes a file at a path relative to the project, creating its folders. */
  write(path: string, text: string): void;
  /** Runs a command in the project with `node` from `nodeBin`'s folder (default: the Node it was installed for). */
  run(command: string, nodeBin?: string): Promise<Ran>;
  remove(): void;
}

/**
 * A new folder under os.tmpdir() whose package.json has the three tarballs as dependencies (the
 * mock's exact `@leaf-credentials/spec` is the spec tarball beside it) and `devDependencies`
 * (the test runners a team has), installed in one `npm install` from the registry by the npm of
 * `nodeBin` (the Node the project runs on, whose engines npm checks against).
 */
export async function createFreshProject(
  tarballs: Tarballs,
  devDependencies: Record<string, string>,
  nodeBin?: string,
): Promise<FreshProject> {
  const dir = mkdtempSync(join(tmpdir(), 'leaf-fresh-install-'));
  const dependencies = Object.fromEntries(Object.entries(tarballs).map(([name, path]) => [name, `file:${path}`]));
  const manifest = { name: 'fresh-project', private: true, dependencies, devDependencies };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return installed(projectIn(dir, tarballs, nodeBin), NPM_INSTALL);
}

/**
 * A second project like `project`, on another Node, with `packages` installed over its own
 * (`msw@2.15.0`): its node_modules hard-linked from `project`'s (npm replaces a package's folder
 * rather than writing into its files), so only those packages are fetched and unpacked. The
 * manifests and npm's hidden lockfile, which npm rewrites in place, are the copy's own.
 */
export async function derivedProject(
  project: FreshProject,
  packages: string[],
  nodeBin?: string,
): Promise<FreshProject> {
  const dir = mkdtempSync(join(tmpdir(), 'leaf-fresh-install-'));
  const linked = await runCommand(`cp -al node_modules '${dir}/'`, project.dir, projectEnv());
  if (linked.status !== 0) throw new Error(`linking the project's node_modules failed:\n${describeRun(linked)}`);
  rmSync(join(dir, 'node_modules/.package-lock.json'), { force: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(project.dir, file), join(dir, file));
  return installed(projectIn(dir, project.tarballs, nodeBin), [...NPM_INSTALL, '--save-dev', ...packages]);
}

function projectIn(dir: string, tarballs: Tarballs, nodeBin?: string): FreshProject {
  return {
    dir,
    tarballs,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    run: (command, runOn = nodeBin) => runCommand(withTarballs(command, tarballs), dir, projectEnv(runOn)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `project` after `npm <npmArgs>` (run on its Node), which must succeed. */
async function installed(project: FreshProject, npmArgs: string[]): Promise<FreshProject> {
  const ran = await project.run(['npm', ...npmArgs].join(' '));
  if (ran.status !== 0) throw new Error(`installing into ${project.dir} failed:\n${describeRun(ran)}`);
  return project;
}

export interface Listening {
  url: string;
  stop(): Promise<void>;
}

/** Starts `command` in the project and waits for `ready` (its first group: the URL) in its output. */
export function startListening(
  project: FreshProject,
  command: string,
  ready: RegExp,
  nodeBin: string = process.execPath,
  timeoutMs = 120_000,
): Promise<Listening> {
  // Its own process group: npx runs the bin as a child, and stopping must reach both.
  const child = spawn('sh', ['-c', `exec ${command}`], {
    cwd: project.dir,
    env: projectEnv(nodeBin),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      signalGroup(child, 'SIGKILL');
      reject(new Error(`$ ${command}\n${why}\n${output.trim()}`));
    };
    const timer = setTimeout(() => fail(`printed no ${ready} within ${timeoutMs / 1000} s`), timeoutMs);
    child.once('exit', (status) => fail(`exited (${status}) before it was listening`));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url: match[1]!, stop: () => stop(child) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is gone already.
  }
}

/** SIGTERM to the group, SIGKILL if it has not exited 5 s later (and done 5 s after that). */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      signalGroup(child, 'SIGKILL');
      // A hang guard: once the group is killed, stopping is done, whether or not 'exit' is heard.
      setTimeout(resolve, 5_000).unref();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup(child, 'SIGTERM');
  });
}
