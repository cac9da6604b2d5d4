/**
 * JSON Pointers (RFC 6901) and local `$ref`s: the one place that reads and
 * writes them, for every package that walks the bundled spec.
 *
 * A pointer is either the plain string form (`''` for the whole document,
 * `/paths/~1users/get`) or the URI fragment form a `$ref` uses (`#`,
 * `#/components/schemas/Problem`), whose segments are also percent-decoded.
 * In each segment `~1` stands for `/` and `~0` for `~`.
 */

type JsonObject = Record<string, unknown>;

const isContainer = (value: unknown): value is JsonObject | unknown[] => typeof value === 'object' && value !== null;

/** One reference token, escaped for a pointer: `~` as `~0`, then `/` as `~1`. */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** One reference token of a pointer, unescaped: `~1` to `/`, then `~0` to `~` (so `~01` is `~1`). */
export function unescapePointerSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The pointer (`/a/b`, `''` for the root) to the value at `segments`. */
export function formatPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}

/** The unescaped reference tokens of a pointer, in either the string or the `#` fragment form. */
export function parsePointer(pointer: string): string[] {
  const fragment = pointer.startsWith('#');
  const body = fragment ? pointer.slice(1) : pointer;
  if (body === '') return [];
  if (!body.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer: it must be empty or start with "/".`);
  return body
    .slice(1)
    .split('/')
    .map((segment) => unescapePointerSegment(fragment ? decodeFragmentSegment(segment, pointer) : segment));
}

function decodeFragmentSegment(segment: string, pointer: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Error(`"${pointer}" is not a valid URI fragment: it has a malformed percent-encoding.`);
  }
}

/**
 * The value `pointer` names in `document`, or undefined when there is none.
 * Array elements are named by their index; only own properties are followed.
 */
export function resolvePointer(document: unknown, pointer: string): unknown {
  let current: unknown = document;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isContainer(current) && Object.hasOwn(current, segment)) {
      current = (current as JsonObject)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Whether `node` is a local reference (`{ $ref: '#...' }`), one `resolveRef` follows. */
export function isLocalRef(node: unknown): node is { $ref: string } {
  return isContainer(node) && !Array.isArray(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#');
}

export interface LocatedRef {
  /** What the chain of local `$ref`s from the node ends at: the node itself when it is no local `$ref`. */
  node: unknown;
  /** The last `$ref` followed (a `#` fragment, as written), or undefined when the node was no local `$ref`. */
  ref?: string;
}

/**
 * Follows the chain of local `$ref`s from `node` and says where it ended.
 * Keywords beside a `$ref` are not merged. A `$ref` to another document is
 * left as it is. Throws on a `$ref` that names nothing and on a cycle of `$ref`s.
 */
export function locateRef(document: unknown, node: unknown): LocatedRef {
  const followed: string[] = [];
  let current: LocatedRef = { node };
  while (isLocalRef(current.node)) {
    const ref = current.node.$ref;
    if (followed.includes(ref)) throw new Error(`$ref cycle: ${[...followed, ref].join(' → ')}`);
    followed.push(ref);
    const target = resolvePointer(document, ref);
    if (target === undefined) throw new Error(`$ref "${ref}" names nothing in the document.`);
    current = { node: target, ref };
  }
  return current;
}

/** What `node` stands for: itself, or what its chain of local `$ref`s ends at (see `locateRef`). */
export function resolveRef(document: unknown, node: unknown): unknown {
  return locateRef(document, node).node;
}
