/**
 * Narrowed request constraints: the breaking changes Optic's ruleset misses.
 *
 * A client that sent a value the base spec accepted must still have it
 * accepted. Optic catches removed operations, new required fields and changed
 * types, but not a lowered `maxLength`, a raised `minLength`, or an added
 * `pattern` or `format` on a request field or parameter. This check walks the
 * request side of every operation present in both documents (its parameters
 * and request body schemas, following local `$ref`s through the bundled JSON)
 * and reports every keyword that shrinks the set of accepted values.
 *
 * It compares schemas keyword by keyword at the same place in both documents;
 * it does not reason about `oneOf`/`anyOf` alternatives or `$ref`s that point
 * at a different component than before (Optic sees those as type changes).
 * New or newly required request fields are left to Optic, which reports them.
 * Optic also reports some narrowed enums and types of request-body
 * properties; this check reports those too, so a change can be listed twice.
 */
import { escapePointerSegment, HTTP_METHODS, locateRef } from '@leaf-credentials/spec';

/** One finding, in the shape findBreakingChanges reports (see breaking-changes.ts). */
export interface NarrowedConstraint {
  rule: string;
  where: string;
  error: string;
  jsonPath: string;
}

export const NARROWED_REQUEST_RULE = 'prevent narrowing request constraints';

export type Json = Record<string, unknown>;

/** A resolved node and the JSON pointer it really lives at (after following `$ref`s). */
export interface Located {
  node: Json;
  pointer: string;
}

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const child = (pointer: string, ...segments: Array<string | number>) =>
  [pointer, ...segments.map(escapePointerSegment)].join('/');

/**
 * Follows local `$ref`s (`#/...`) from `located` (see json-pointer.ts, which throws on a
 * dangling or cyclic one); a reference to another document, or to no object, stays as it is.
 */
function resolve(document: Json, located: Located): Located {
  const { node, ref } = locateRef(document, located.node);
  if (ref === undefined || !isObject(node)) return located;
  return { node, pointer: ref.slice(1) };
}

/** The object at `segments` below `parent`, following `$ref`s at every step. */
export function at(document: Json, parent: Located, ...segments: Array<string | number>): Located | undefined {
  let current: Located | undefined = parent;
  for (const [index, segment] of segments.entries()) {
    const value: unknown = current.node[segment as string];
    // Arrays (`parameters`, `allOf`) only on the way, indexed by the next segment.
    const passable = isObject(value) || (Array.isArray(value) && index < segments.length - 1);
    if (!passable) return undefined;
    current = resolve(document, { node: value as Json, pointer: child(current.pointer, segment) });
  }
  return current;
}

/** The JSON types a schema's `type` allows; undefined when it does not restrict the type. */
function types(schema: Json): Set<string> | undefined {
  const { type } = schema;
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.map(String));
  return undefined;
}

/** Whether every value of type `from` is a value of one of `to` (an integer is a number). */
const typeCovered = (from: string, to: Set<string>) => to.has(from) || (from === 'integer' && to.has('number'));

const show = (value: unknown) => JSON.stringify(value);

interface Comparison {
  base: Json;
  revised: Json;
}

type Report = (keyword: string, error: string) => void;

/** Upper bounds: lowering one, or adding one, rejects values the base accepted. */
const UPPER_BOUNDS = ['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum'] as const;
/** Lower bounds: raising one, or adding one, rejects values the base accepted. */
const LOWER_BOUNDS = ['minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum'] as const;
/** Any new or changed value rejects some value the base accepted. */
const EXACT = ['pattern', 'format', 'const', 'multipleOf'] as const;

function compareKeywords({ base, revised }: Comparison, report: Report): void {
  for (const keyword of UPPER_BOUNDS) {
    const [before, after] = [base[keyword], revised[keyword]];
    if (typeof after !== 'number') continue;
    if (typeof before !== 'number') report(keyword, `${keyword} ${after} added`);
    else if (after < before) report(keyword, `${keyword} lowered from ${before} to ${after}`);
  }
  for (const keyword of LOWER_BOUNDS) {
    const [before, after] = [base[keyword], revised[keyword]];
    if (typeof after !== 'number') continue;
    if (typeof before !== 'number') report(keyword, `${keyword} ${after} added`);
    else if (after > before) report(keyword, `${keyword} raised from ${before} to ${after}`);
  }
  for (const keyword of EXACT) {
    const [before, after] = [base[keyword], revised[keyword]];
    if (after === undefined || show(before) === show(after)) continue;
    report(
      keyword,
      before === undefined
        ? `${keyword} ${show(after)} added`
        : `${keyword} changed from ${show(before)} to ${show(after)}`,
    );
  }

  if (Array.isArray(revised.enum)) {
    if (!Array.isArray(base.enum)) {
      report('enum', `enum ${show(revised.enum)} added`);
    } else {
      const kept = new Set(revised.enum.map(show));
      const removed = base.enum.filter((value) => !kept.has(show(value)));
      if (removed.length > 0) report('enum', `enum value(s) ${removed.map(show).join(', ')} removed`);
    }
  }

  const [before, after] = [types(base), types(revised)];
  if (after) {
    if (!before) report('type', `type ${show(revised.type)} added`);
    else {
      const lost = [...before].filter((type) => !typeCovered(type, after));
      if (lost.length > 0) report('type', `type narrowed from ${show(base.type)} to ${show(revised.type)}`);
    }
  }

  // Absent and `true` both allow any extra property; `false` or a schema restricts them.
  const allowedAny = (value: unknown) => value === undefined || value === true;
  if (allowedAny(base.additionalProperties) && !allowedAny(revised.additionalProperties)) {
    report(
      'additionalProperties',
      revised.additionalProperties === false
        ? 'additionalProperties changed to false'
        : 'additionalProperties restricted to a schema',
    );
  }
}

/** Compares two schemas and everything below them that exists in both. */
function compareSchemas(
  baseDoc: Json,
  revisedDoc: Json,
  base: Located,
  revised: Located,
  label: string,
  report: (pointer: string, label: string, error: string) => void,
  visited: Set<string>,
): void {
  const key = `${base.pointer} ${revised.pointer}`;
  if (visited.has(key)) return;
  visited.add(key);

  compareKeywords({ base: base.node, revised: revised.node }, (keyword, error) =>
    report(child(revised.pointer, keyword), label, error),
  );

  const recurse = (baseChild: Located | undefined, revisedChild: Located | undefined, childLabel: string) => {
    if (baseChild && revisedChild)
      compareSchemas(baseDoc, revisedDoc, baseChild, revisedChild, childLabel, report, visited);
  };
  const within = (suffix: string) => (label ? `${label}${suffix}` : suffix.replace(/^[.]/, ''));

  if (isObject(base.node.properties) && isObject(revised.node.properties)) {
    for (const name of Object.keys(revised.node.properties)) {
      if (name in base.node.properties) {
        recurse(at(baseDoc, base, 'properties', name), at(revisedDoc, revised, 'properties', name), within(`.${name}`));
      }
    }
  }
  recurse(at(baseDoc, base, 'items'), at(revisedDoc, revised, 'items'), within('[]'));
  recurse(
    at(baseDoc, base, 'additionalProperties'),
    at(revisedDoc, revised, 'additionalProperties'),
    within('.<additional property>'),
  );
  for (const combiner of ['allOf', 'anyOf', 'oneOf'] as const) {
    const [before, after] = [base.node[combiner], revised.node[combiner]];
    if (!Array.isArray(before) || !Array.isArray(after)) continue;
    for (let index = 0; index < Math.min(before.length, after.length); index++) {
      recurse(
        at(baseDoc, base, combiner, index),
        at(revisedDoc, revised, combiner, index),
        within(`.${combiner}[${index}]`),
      );
    }
  }
}

/** The parameters of an operation (path-level ones overridden by operation-level), by `in` and name. */
function parametersOf(document: Json, pathItem: Located, operation: Located): Map<string, Located> {
  const parameters = new Map<string, Located>();
  for (const owner of [pathItem, operation]) {
    const list = owner.node.parameters;
    if (!Array.isArray(list)) continue;
    list.forEach((_, index) => {
      const parameter = at(document, owner, 'parameters', index);
      if (parameter) parameters.set(`${String(parameter.node.in)} ${String(parameter.node.name)}`, parameter);
    });
  }
  return parameters;
}

/** A parameter's schema: `schema`, or the schema of each of its `content` media types. */
function parameterSchemas(document: Json, parameter: Located): Map<string, Located> {
  const schemas = new Map<string, Located>();
  const schema = at(document, parameter, 'schema');
  if (schema) schemas.set('', schema);
  const content = at(document, parameter, 'content');
  for (const mediaType of Object.keys(content?.node ?? {})) {
    const mediaSchema = content && at(document, content, mediaType, 'schema');
    if (mediaSchema) schemas.set(` ${mediaType}`, mediaSchema);
  }
  return schemas;
}

/**
 * Every way the revised document accepts less on the request side than the
 * base did, for operations in both. Takes parsed single-file documents.
 */
export function findNarrowedRequestConstraints(baseDoc: Json, revisedDoc: Json): NarrowedConstraint[] {
  const findings: NarrowedConstraint[] = [];
  const root = (document: Json): Located => ({ node: document, pointer: '' });
  const basePaths = at(baseDoc, root(baseDoc), 'paths');
  const revisedPaths = at(revisedDoc, root(revisedDoc), 'paths');
  if (!basePaths || !revisedPaths) return findings;

  for (const path of Object.keys(revisedPaths.node)) {
    const basePathItem = at(baseDoc, basePaths, path);
    const revisedPathItem = at(revisedDoc, revisedPaths, path);
    if (!basePathItem || !revisedPathItem) continue;
    for (const method of HTTP_METHODS) {
      const baseOperation = at(baseDoc, basePathItem, method);
      const revisedOperation = at(revisedDoc, revisedPathItem, method);
      if (!baseOperation || !revisedOperation) continue;
      const operation = `${method} ${path}`;
      const visited = new Set<string>();
      const compare = (base: Located, revised: Located, where: string) =>
        compareSchemas(
          baseDoc,
          revisedDoc,
          base,
          revised,
          '',
          (pointer, label, error) => {
            findings.push({
              rule: NARROWED_REQUEST_RULE,
              where: `${operation} ${where}${label ? ` ${label}` : ''}`,
              error: `${where}${label ? ` ${label}` : ''}: ${error}; requests the base spec accepted are now rejected`,
              jsonPath: pointer,
            });
          },
          visited,
        );

      const baseParameters = parametersOf(baseDoc, basePathItem, baseOperation);
      for (const [key, revisedParameter] of parametersOf(revisedDoc, revisedPathItem, revisedOperation)) {
        const baseParameter = baseParameters.get(key);
        if (!baseParameter) continue;
        const baseSchemas = parameterSchemas(baseDoc, baseParameter);
        for (const [mediaType, revisedSchema] of parameterSchemas(revisedDoc, revisedParameter)) {
          const baseSchema = baseSchemas.get(mediaType);
          if (baseSchema) compare(baseSchema, revisedSchema, `${key.replace(' ', ' parameter ')}${mediaType}`);
        }
      }

      const baseContent = at(baseDoc, baseOperation, 'requestBody', 'content');
      const revisedBody = at(revisedDoc, revisedOperation, 'requestBody');
      const revisedContent = revisedBody && at(revisedDoc, revisedBody, 'content');
      if (!baseContent || !revisedContent) continue;
      for (const mediaType of Object.keys(revisedContent.node)) {
        const baseSchema = at(baseDoc, baseContent, mediaType, 'schema');
        const revisedSchema = at(revisedDoc, revisedContent, mediaType, 'schema');
        if (baseSchema && revisedSchema) compare(baseSchema, revisedSchema, `request body ${mediaType}`);
      }
    }
  }
  return findings;
}
