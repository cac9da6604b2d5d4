/**
 * Breaking-change detection between two versions of the spec, with Optic's
 * breaking-changes ruleset (OpenAPI 3.1 aware): a removed operation, response
 * field or status code, a narrowed type, a new required request field...
 * Both inputs are single-file documents, such as `redocly bundle` writes.
 */
import { resolve } from 'node:path';
import * as openapiIo from '@useoptic/openapi-io';
import { compareSpecs } from '@useoptic/openapi-utilities';
import { RuleRunner } from '@useoptic/rulesets-base';
import { BreakingChangesRuleset } from '@useoptic/standard-rulesets';

export interface BreakingChange {
  /** The Optic rule that failed, such as "prevent removing response property". */
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
  return results
    .filter((result) => !result.passed && !result.exempted)
    .map((result) => ({
      rule: result.name ?? 'breaking change',
      where: result.where,
      error: result.error ?? '',
      jsonPath: result.location?.jsonPath ?? '',
    }));
}
