/**
 * The one rule for path parameters, for helpers and `raw` alike, checked before
 * anything is sent (not even a sign-in): each value must meet its schema's rule
 * from the spec (leafUserId: a UUID), and never be empty, `.` or `..`, which a
 * URL parser would resolve away, aiming the request at another endpoint.
 */
import { LeafRequestError } from './errors.js';
import { PATH_PARAMETERS } from './generated/constants.js';

const TARGET_CHANGING_VALUES: ReadonlySet<string> = new Set(['', '.', '..']);

type Rule = { readonly pattern: RegExp; readonly description: string };
const RULES: Readonly<Record<string, Rule>> = PATH_PARAMETERS;

/** The parameter names of each path template seen, in order. */
const namesByTemplate = new Map<string, string[]>();

/** The path parameters of `template`, in path order: what a helper takes first. */
export function pathParametersOf(template: string): string[] {
  let names = namesByTemplate.get(template);
  if (!names) {
    names = [...template.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
    namesByTemplate.set(template, names);
  }
  return names;
}

/** What is wrong with `value` for the parameter `name`, or undefined when it is fine. */
function problemWith(name: string, value: unknown): string | undefined {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  const rule = RULES[name];
  const fine =
    text !== undefined && !TARGET_CHANGING_VALUES.has(text) && (rule === undefined || rule.pattern.test(text));
  if (fine) return undefined;
  const shown = text === undefined ? typeof value : JSON.stringify(text.slice(0, 64));
  return rule
    ? `must be ${rule.description}, not ${shown}`
    : `must not be empty, "." or ".." (it would change the request's target), not ${shown}`;
}

/** Throws a LeafRequestError naming the first path parameter of `template` whose value breaks its rule. */
export function checkPathParameters(
  operation: string,
  template: string,
  values: Readonly<Record<string, unknown>> | undefined,
): void {
  for (const name of pathParametersOf(template)) {
    const problem = problemWith(name, values?.[name]);
    if (problem) throw new LeafRequestError(operation, new Error(`path parameter ${name} ${problem}`), []);
  }
}
