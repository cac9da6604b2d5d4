/**
 * What the store accepts, whoever sends it (a create, a seed entry, a state
 * file): values nested at most MAX_NESTING deep. Checked where values enter, so
 * nothing the sandbox accepted can make an answer or a state write fail.
 */

/** Objects and arrays within objects and arrays, this many levels at most (a resource itself is level 1). */
export const MAX_NESTING = 32;

/** The dotted path of the first value nested deeper than `max`, or undefined. Iterative: any depth is safe to check. */
export function tooDeep(value: unknown, max = MAX_NESTING): string | undefined {
  const pending: Array<{ value: unknown; depth: number; path: string }> = [{ value, depth: 0, path: '' }];
  while (pending.length > 0) {
    const { value: current, depth, path } = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return path;
    for (const [name, member] of Object.entries(current))
      pending.push({ value: member, depth: depth + 1, path: path ? `${path}.${name}` : name });
  }
  return undefined;
}

/** Leaf user ids compare without case, and ajv's uuid format also takes a `urn:uuid:` prefix: one form is stored. */
export function canonicalUserId(id: string): string {
  return id.replace(/^urn:uuid:/i, '').toLowerCase();
}
