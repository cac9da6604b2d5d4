/**
 * Widened response enums: the other breaking change Optic's ruleset misses.
 *
 * A client written against the base spec may handle every value a response
 * field can take (a `switch` with no `default`, a lookup table). When that
 * field's closed set of values grows, or opens to any value (an `enum` that
 * becomes `anyOf: [enum, string]`), the client meets values it does not know.
 * Optic skips enums inside unions, and does not flag added response values, so
 * this check walks the response side of every operation present in both
 * documents (each status and media type, following local `$ref`s) and reports
 * every field whose set of values got larger.
 *
 * A field's values are closed when its schema is an `enum` or a `const`, or an
 * `anyOf`/`oneOf` whose every alternative is closed, or an `allOf` with a
 * closed member; anything else takes an open set. Request enums are not this
 * check's: a request that takes more values breaks no client.
 */
import { HTTP_METHODS } from '@leaf-credentials/spec';
import { at, isObject, type Json, type Located } from './request-constraints.js';

/** One finding, in the shape findBreakingChanges reports (see breaking-changes.ts). */
export interface WidenedEnum {
  rule: string;
  where: string;
  error: string;
  jsonPath: string;
}

export const WIDENED_RESPONSE_ENUM_RULE = 'prevent widening response enums';

const show = (value: unknown) => JSON.stringify(value);

/** The values a schema allows, as JSON texts, when it allows a closed set; undefined when the set is open. */
function closedValues(document: Json, schema: Located): Set<string> | undefined {
  const { node } = schema;
  if (Array.isArray(node.enum)) return new Set(node.enum.map(show));
  if ('const' in node) return new Set([show(node.const)]);
  for (const combiner of ['anyOf', 'oneOf'] as const) {
    const members = node[combiner];
    if (!Array.isArray(members)) continue;
    const values = new Set<string>();
    for (let index = 0; index < members.length; index++) {
      const member = at(document, schema, combiner, index);
      const closed = member && closedValues(document, member);
      if (!closed) return undefined;
      for (const value of closed) values.add(value);
    }
    return values;
  }
  if (Array.isArray(node.allOf)) {
    for (let index = 0; index < node.allOf.length; index++) {
      const member = at(document, schema, 'allOf', index);
      const closed = member && closedValues(document, member);
      if (closed) return closed;
    }
  }
  return undefined;
}

type Report = (pointer: string, label: string, error: string) => void;

/** Compares the closed sets of two schemas, then everything below them that exists in both. */
function compareSchemas(
  documents: { base: Json; revised: Json },
  base: Located,
  revised: Located,
  label: string,
  report: Report,
  visited: Set<string>,
): void {
  const key = `${base.pointer} ${revised.pointer}`;
  if (visited.has(key)) return;
  visited.add(key);

  const before = closedValues(documents.base, base);
  if (before) {
    const after = closedValues(documents.revised, revised);
    const was = [...before].join(', ');
    if (!after) report(revised.pointer, label, `its values opened: any value may now come back (was ${was})`);
    else {
      const added = [...after].filter((value) => !before.has(value));
      if (added.length > 0) report(revised.pointer, label, `value(s) ${added.join(', ')} added (was ${was})`);
    }
    return;
  }

  const within = (suffix: string) => (label ? `${label}${suffix}` : suffix.replace(/^[.]/, ''));
  const recurse = (segments: Array<string | number>, childLabel: string) => {
    const [baseChild, revisedChild] = [
      at(documents.base, base, ...segments),
      at(documents.revised, revised, ...segments),
    ];
    if (baseChild && revisedChild) compareSchemas(documents, baseChild, revisedChild, childLabel, report, visited);
  };
  if (isObject(base.node.properties) && isObject(revised.node.properties)) {
    for (const name of Object.keys(revised.node.properties))
      if (name in base.node.properties) recurse(['properties', name], within(`.${name}`));
  }
  recurse(['items'], within('[]'));
  recurse(['additionalProperties'], within('.<additional property>'));
  for (const combiner of ['allOf', 'anyOf', 'oneOf'] as const) {
    const [baseMembers, revisedMembers] = [base.node[combiner], revised.node[combiner]];
    if (!Array.isArray(baseMembers) || !Array.isArray(revisedMembers)) continue;
    for (let index = 0; index < Math.min(baseMembers.length, revisedMembers.length); index++)
      recurse([combiner, index], within(`.${combiner}[${index}]`));
  }
}

/**
 * Every response field of an operation in both documents whose closed set of values got
 * larger (or opened). Takes parsed single-file documents.
 */
export function findWidenedResponseEnums(baseDoc: Json, revisedDoc: Json): WidenedEnum[] {
  const findings: WidenedEnum[] = [];
  const documents = { base: baseDoc, revised: revisedDoc };
  const root = (document: Json): Located => ({ node: document, pointer: '' });
  const basePaths = at(baseDoc, root(baseDoc), 'paths');
  const revisedPaths = at(revisedDoc, root(revisedDoc), 'paths');
  if (!basePaths || !revisedPaths) return findings;

  for (const path of Object.keys(revisedPaths.node)) {
    for (const method of HTTP_METHODS) {
      const baseResponses = at(baseDoc, basePaths, path, method, 'responses');
      const revisedResponses = at(revisedDoc, revisedPaths, path, method, 'responses');
      if (!baseResponses || !revisedResponses) continue;
      for (const status of Object.keys(revisedResponses.node)) {
        const revisedContent = at(revisedDoc, revisedResponses, status, 'content');
        for (const mediaType of Object.keys(revisedContent?.node ?? {})) {
          const baseSchema = at(baseDoc, baseResponses, status, 'content', mediaType, 'schema');
          const revisedSchema = revisedContent && at(revisedDoc, revisedContent, mediaType, 'schema');
          if (!baseSchema || !revisedSchema) continue;
          const where = `${method} ${path} response ${status} ${mediaType}`;
          compareSchemas(
            documents,
            baseSchema,
            revisedSchema,
            '',
            (pointer, label, error) =>
              findings.push({
                rule: WIDENED_RESPONSE_ENUM_RULE,
                where: `${where}${label ? ` ${label}` : ''}`,
                error: `${label || 'the body'}: ${error}; clients that handle every value the base spec listed meet ones they do not know`,
                jsonPath: pointer,
              }),
            new Set(),
          );
        }
      }
    }
  }
  return findings;
}
