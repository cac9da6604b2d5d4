/**
 * The runnable snippets of a README, by its markers: a comment on the line
 * right before a fenced block says what to do with the block.
 *
 * - `<!-- file: RELATIVE/PATH -->`: write the block to that path of the project.
 * - `<!-- run -->` before a ```sh block: run each of its commands there; each
 *   must exit 0. A command is a line; a trailing `\` joins the next line, and
 *   blank lines and `#` comments are skipped.
 *
 * A marker the extractor cannot honour (no block right after it, a path that
 * leaves the project, a run block that is not shell) throws naming its line, so
 * a README typo fails the test instead of quietly running less.
 */

export interface FileSnippet {
  kind: 'file';
  /** Relative to the project, `/`-separated. */
  path: string;
  text: string;
  /** 1-based line of the marker in the README. */
  line: number;
}

export interface RunSnippet {
  kind: 'run';
  commands: string[];
  line: number;
}

export type Snippet = FileSnippet | RunSnippet;

const FILE_MARKER = /^<!--\s*file:\s*(\S+)\s*-->$/;
const RUN_MARKER = /^<!--\s*run\s*-->$/;
const FENCE_OPEN = /^(`{3,}|~{3,})\s*([^\s`]*)/;
const SHELLS = ['sh', 'bash', 'shell'];

interface Fence {
  info: string;
  body: string;
  /** Index of the line after the closing fence. */
  next: number;
}

/** The fenced block opening at `lines[start]`, or undefined when that line opens none. */
function fenceAt(lines: string[], start: number): Fence | undefined {
  const open = FENCE_OPEN.exec(lines[start] ?? '');
  if (!open) return undefined;
  const [, marks = '', info = ''] = open;
  // A closing fence: the opening's character, at least as many times, nothing after it.
  const close = new RegExp(`^\\s{0,3}${marks[0]}{${marks.length},}\\s*$`);
  for (let index = start + 1; index < lines.length; index++) {
    if (close.test(lines[index]!)) return { info, body: lines.slice(start + 1, index).join('\n'), next: index + 1 };
  }
  throw new Error(`line ${start + 1}: the fenced block opened here is never closed`);
}

/** A relative path that stays inside the project, or an error naming the marker's line. */
function projectPath(path: string, line: number): string {
  const segments = path.split('/');
  if (
    path.startsWith('/') ||
    /^[a-zA-Z]:/.test(path) ||
    segments.some((segment) => segment === '..' || segment === '')
  ) {
    throw new Error(`line ${line}: "${path}" must be a relative path inside the project`);
  }
  return path;
}

/** The commands of a shell block: one a line, `\` continues, blanks and `#` comments skipped. */
export function shellCommands(body: string): string[] {
  const commands: string[] = [];
  let pending = '';
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trimEnd()} `;
      continue;
    }
    commands.push(`${pending}${line}`.trim());
    pending = '';
  }
  if (pending.trim() !== '') commands.push(pending.trim());
  return commands;
}

export function readmeSnippets(markdown: string): Snippet[] {
  const lines = markdown.split(/\r?\n/);
  const snippets: Snippet[] = [];
  for (let index = 0; index < lines.length; index++) {
    const marker = lines[index]!.trim();
    const file = FILE_MARKER.exec(marker);
    const run = RUN_MARKER.test(marker);
    if (!file && !run) continue;
    const line = index + 1;
    const fence = fenceAt(lines, index + 1);
    if (!fence) throw new Error(`line ${line}: ${marker} must be on the line right before a fenced block`);
    if (file) {
      snippets.push({ kind: 'file', path: projectPath(file[1]!, line), text: `${fence.body}\n`, line });
    } else {
      if (!SHELLS.includes(fence.info)) {
        throw new Error(`line ${line}: <!-- run --> needs a \`\`\`sh block, not \`\`\`${fence.info}`);
      }
      snippets.push({ kind: 'run', commands: shellCommands(fence.body), line });
    }
    index = fence.next - 1;
  }
  return snippets;
}
