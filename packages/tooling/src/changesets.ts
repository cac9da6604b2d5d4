/**
 * Reads the pending changesets (`.changeset/*.md`): a breaking spec change is
 * intended when one of them bumps the package the spec ships as by a major.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The published package whose version follows the spec's compatibility. */
export const SPEC_CONSUMER_PACKAGE = '@leaf-credentials/client';

/** Changeset files (relative names) that declare a major bump of `packageName`. */
export function majorChangesets(dir: string, packageName: string = SPEC_CONSUMER_PACKAGE): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .filter((name) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, name), 'utf8'))?.[1] ?? '';
      return frontmatter.split('\n').some((line) => {
        const [key, bump] = line.split(':').map((part) => part.trim().replace(/^["']|["']$/g, ''));
        return key === packageName && bump === 'major';
      });
    });
}
