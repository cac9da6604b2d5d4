/**
 * Supply-chain gates: the lockfile is committed and matches every
 * package.json; no dependency runs an install script nobody reviewed (a new
 * one, or a new version of one, fails here until its exact name@version is
 * on the allowlist with a reason); and the `npm run audit` gate fails on
 * high/critical advisories and never passes silently when the registry cannot
 * audit.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT as ROOT } from '../../src/index.js';
import { SLOW_PROCESS_TIMEOUT } from '../fixtures/timeouts.js';

const AUDIT_SCRIPT = join(ROOT, 'scripts/audit.ts');
const AUDIT_REPORTS = fileURLToPath(new URL('../fixtures/npm-audit/', import.meta.url));

const ESBUILD_POSTINSTALL =
  'postinstall checks the platform binary npm installed from the optional @esbuild/<platform> package; only if it is missing does it fetch that same package from the npm registry.';

/**
 * Every package allowed to run an install script, by exact `name@version` as
 * package-lock.json pins it, and why that script fetches nothing but npm
 * packages (or nothing at all). A new version is a new script: it fails the
 * gate until someone reads it and updates the entry.
 */
const INSTALL_SCRIPT_ALLOWLIST: Record<string, string> = {
  'esbuild@0.28.2': ESBUILD_POSTINSTALL,
  // tsup's own copy.
  'esbuild@0.27.7': ESBUILD_POSTINSTALL,
  '@scarf/scarf@1.4.0':
    'postinstall sends install analytics unless disabled: allowScripts denies it, the root package.json sets scarfSettings.enabled=false and .ci/run sets SCARF_ANALYTICS=false.',
};

const HOW_TO_REVIEW =
  'These packages run an install script that nobody reviewed at this version. For each: read the script ' +
  '(`npm view <name>@<version> scripts`, then the file it runs, e.g. in `npm pack <name>@<version>`), and if it ' +
  'fetches nothing but npm packages, add `"<name>@<version>": "<what it does and why that is safe>"` to ' +
  'INSTALL_SCRIPT_ALLOWLIST in packages/tooling/test/repo/supply-chain.test.ts (for a version bump: re-read it, then replace the ' +
  "old version's entry). Otherwise drop or replace the dependency.";

interface LockEntry {
  name?: string;
  version?: string;
  hasInstallScript?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface Lockfile {
  packages: Record<string, LockEntry>;
}

interface PackageJson {
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  scarfSettings?: { enabled?: boolean };
  /** npm 11 runs a dependency's install script only when this approves it. */
  allowScripts?: Record<string, boolean>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const lockfile = readJson<Lockfile>(join(ROOT, 'package-lock.json'));
const rootPackage = readJson<PackageJson>(join(ROOT, 'package.json'));

/** `name@version` of every package in a lockfile that has an install script, sorted. */
function packagesWithInstallScripts(lock: Lockfile): Array<{ name: string; version: string }> {
  return Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([location, entry]) => ({
      name: entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length),
      version: entry.version ?? '?',
    }))
    .sort((a, b) => `${a.name}@${a.version}`.localeCompare(`${b.name}@${b.version}`));
}

function unreviewedInstallScripts(lock: Lockfile): string[] {
  return packagesWithInstallScripts(lock)
    .map(({ name, version }) => `${name}@${version}`)
    .filter((pinned) => !(pinned in INSTALL_SCRIPT_ALLOWLIST));
}

describe('install scripts', () => {
  it('runs only install scripts on the reviewed allowlist, at the reviewed versions', () => {
    expect(unreviewedInstallScripts(lockfile), HOW_TO_REVIEW).toEqual([]);
  });

  it('flags a planted dependency with an unreviewed install script', () => {
    const planted: Lockfile = {
      packages: {
        ...lockfile.packages,
        'node_modules/planted-postinstall': { version: '1.0.0', hasInstallScript: true },
      },
    };
    expect(unreviewedInstallScripts(planted)).toEqual(['planted-postinstall@1.0.0']);
  });

  it('flags an allowlisted package at a version nobody reviewed', () => {
    const planted: Lockfile = {
      packages: {
        ...lockfile.packages,
        'node_modules/planted/node_modules/esbuild': { version: '0.99.0', hasInstallScript: true },
      },
    };
    expect(unreviewedInstallScripts(planted)).toEqual(['esbuild@0.99.0']);
  });

  it('keeps no allowlist entry for a package version the lockfile no longer has with an install script', () => {
    const withScripts = new Set(packagesWithInstallScripts(lockfile).map(({ name, version }) => `${name}@${version}`));
    expect(
      Object.keys(INSTALL_SCRIPT_ALLOWLIST).filter((pinned) => !withScripts.has(pinned)),
      'Remove these stale entries from INSTALL_SCRIPT_ALLOWLIST in packages/tooling/test/repo/supply-chain.test.ts.',
    ).toEqual([]);
  });

  it("lets npm run only reviewed install scripts: package.json's allowScripts names each one", () => {
    const allowScripts = rootPackage.allowScripts ?? {};
    const withScripts = [...new Set(packagesWithInstallScripts(lockfile).map(({ name }) => name))].sort();
    expect(
      Object.keys(allowScripts).sort(),
      'Every package with an install script needs an allowScripts entry: `npm install-scripts approve <name>` after review, `npm install-scripts deny <name>` otherwise.',
    ).toEqual(withScripts);
    const reviewed = new Set(
      Object.keys(INSTALL_SCRIPT_ALLOWLIST).map((pinned) => pinned.slice(0, pinned.lastIndexOf('@'))),
    );
    expect(Object.entries(allowScripts).filter(([name, allowed]) => allowed && !reviewed.has(name))).toEqual([]);
  });

  it("turns Scarf's install analytics off in the root package.json", () => {
    expect(rootPackage.scarfSettings?.enabled).toBe(false);
  });
});

type DependencyField = 'dependencies' | 'devDependencies' | 'optionalDependencies' | 'peerDependencies';
const DEPENDENCY_FIELDS: DependencyField[] = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
];

function declaredDependencies(manifest: PackageJson | LockEntry): Record<string, Record<string, string>> {
  return Object.fromEntries(DEPENDENCY_FIELDS.map((field) => [field, manifest[field] ?? {}]));
}

describe('lockfile', () => {
  it('is committed', () => {
    const tracked = spawnSync('git', ['ls-files', '--error-unmatch', 'package-lock.json'], { cwd: ROOT });
    expect(tracked.status).toBe(0);
  });

  it("records exactly the dependencies of the root's and every workspace's package.json", () => {
    const workspaceDirs = Object.keys(lockfile.packages).filter(
      (location) => location !== '' && !location.includes('node_modules/'),
    );
    expect(workspaceDirs.length).toBeGreaterThan(0);
    for (const location of ['', ...workspaceDirs]) {
      const manifest = readJson<PackageJson>(join(ROOT, location, 'package.json'));
      expect(declaredDependencies(lockfile.packages[location]!), `package-lock.json for ./${location}`).toEqual(
        declaredDependencies(manifest),
      );
    }
  });
});

/** Saved `npm audit --json` reports, and what the gate must say and exit with for each. */
const AUDIT_GATE_CASES = [
  {
    behaviour: 'passes a clean report and prints the counts',
    report: 'clean.json',
    says: ['npm audit (production dependencies): 0 critical, 0 high, 0 moderate, 0 low, 0 info'],
    exit: 0,
  },
  {
    behaviour: 'passes moderate advisories, counting them',
    report: 'moderate-only.json',
    says: ['0 critical, 0 high, 1 moderate'],
    exit: 0,
  },
  {
    behaviour: 'fails on high and critical advisories, naming the packages',
    report: 'high-and-critical.json',
    says: ['blocking: planted-dependent (critical), planted-high (high)'],
    exit: 1,
  },
  {
    behaviour: 'fails as NOT AUDITED when the registry answers the audit endpoint with 405',
    report: 'endpoint-405.json',
    says: ['NOT AUDITED: 405 Method Not Allowed'],
    exit: 2,
  },
  {
    behaviour: 'fails as NOT AUDITED when the registry is unreachable',
    report: 'offline.json',
    says: ['NOT AUDITED: request to https://registry.npmjs.org'],
    exit: 2,
  },
  {
    behaviour: 'lets --allow-unaudited pass an unaudited run only while still saying NOT AUDITED',
    report: 'endpoint-405.json',
    flags: ['--allow-unaudited'],
    says: ['NOT AUDITED', 'were NOT checked for advisories'],
    exit: 0,
  },
];

describe('npm audit gate (scripts/audit.ts)', () => {
  for (const { behaviour, report, flags = [], says, exit } of AUDIT_GATE_CASES) {
    it(
      behaviour,
      () => {
        const run = spawnSync(
          process.execPath,
          ['--import', 'tsx', AUDIT_SCRIPT, '--report-file', join(AUDIT_REPORTS, report), ...flags],
          { cwd: ROOT, encoding: 'utf8' },
        );
        for (const line of says) expect(run.stdout + run.stderr).toContain(line);
        expect(run.status).toBe(exit);
      },
      SLOW_PROCESS_TIMEOUT,
    );
  }
});
