/**
 * Breaking-change detection between two versions of the spec, with Optic's
 * breaking-changes ruleset (OpenAPI 3.1 aware): a removed operation, response
 * field or status code, a narrowed type, a new required request field...
 * Optic does not see narrowed request constraints (a lowered maxLength, an
 * added pattern...), nor response enums that take more values or open to any
 * (an enum becoming `anyOf: [enum, string]`), so request-constraints.ts and
 * response-enums.ts check those and their findings are merged in. Both inputs are single-file documents, such as `redocly
 * bundle` writes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as openapiIo from '@useoptic/openapi-io';
import { compareSpecs } from '@useoptic/openapi-utilities';
import { RuleRunner } from '@useoptic/rulesets-base';
import { BreakingChangesRuleset } from '@useoptic/standard-rulesets';
import { parse } from 'yaml';
import { findNarrowedRequestConstraints } from './request-constraints.js';
import { findWidenedResponseEnums } from './response-enums.js';

export interface BreakingChange {
  /**
   * The rule that failed: Optic's, such as "prevent removing response property",
   * "prevent narrowing request constraints" (request-constraints.ts) or
   * "prevent widening response enums" (response-enums.ts).
   */
  rule: string;
  /** Where in the API, such as "get /users/{leafUserId}/trimble-credentials response 200". */
  where: string;
  /** Optic's explanation. */
  error: string;
  /** JSON path into the revised (or, for removals, the base) document. */
  jsonPath: string;
}

async function loadSpec(path: string) {
  const parsed = await openapiIo.parseOpenAPIWithSourcemap(resolve(path));
  const version = openapiIo.checkOpenAPIVersion(parsed.jsonLike);
  openapiIo.validateOpenApiV3Document(parsed.jsonLike, parsed.sourcemap, { strictOpenAPI: true });
  return { ...openapiIo.denormalize({ ...parsed, version }, version, []), version, isEmptySpec: false };
}

export async function findBreakingChanges(basePath: string, revisedPath: string): Promise<BreakingChange[]> {
  const [base, revised] = await Promise.all([loadSpec(basePath), loadSpec(revisedPath)]);
  const runner = new RuleRunner([new BreakingChangesRuleset()]);
  const { results } = await compareSpecs(base as never, revised as never, runner, {});
  const optic: BreakingChange[] = results
    .filter((result) => !result.passed && !result.exempted)
    .map((result) => ({
      rule: result.name ?? 'breaking change',
      where: result.where,
      error: result.error ?? '',
      jsonPath: result.location?.jsonPath ?? '',
    }));
  const [baseDoc, revisedDoc] = [readDocument(basePath), readDocument(revisedPath)];
  return [
    ...optic,
    ...findNarrowedRequestConstraints(baseDoc, revisedDoc),
    ...findWidenedResponseEnums(baseDoc, revisedDoc),
  ];
}

/** A single-file document as plain JSON (YAML is a superset of JSON). */
function readDocument(path: string): Record<string, unknown> {
  return parse(readFileSync(resolve(path), 'utf8')) as Record<string, unknown>;
}
