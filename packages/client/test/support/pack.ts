/** What `npm pack` would put in the tarball, without writing one. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export function packFiles(): string[] {
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_DIR, encoding: 'utf8' }),
  ) as { files: { path: string }[] }[];
  return pack!.files.map((file) => file.path).sort();
}
