/**
 * The in-house check Optic lacks: a request field or parameter that accepts
 * less than before is a breaking change. Each case plants one edit into the
 * real bundled spec (and, where the spec has nothing to narrow, first plants
 * the starting point into both base and revised), then expects exactly the
 * findings it names, or none for a change that widens what is accepted.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BundledSpec, listOperations } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from '../../src/spec/bundle.js';
import { findNarrowedRequestConstraints, NARROWED_REQUEST_RULE } from '../../src/spec/request-constraints.js';

type Json = Record<string, unknown>;
type Plant = (spec: BundledSpec) => void;

/** Bundled while the file loads (not in beforeAll): the every-operation case below lists the bundle's operations. */
const bundled: BundledSpec = (() => {
  const path = join(mkdtempSync(join(tmpdir(), 'request-constraints-')), 'bundled.json');
  bundleSpec(path);
  return JSON.parse(readFileSync(path, 'utf8')) as BundledSpec;
})();

const schemas = (spec: BundledSpec) =>
  spec.components.schemas as Record<string, Json & { properties: Record<string, Json> }>;
const trimbleCreate = (spec: BundledSpec) => schemas(spec).TrimbleCredentialsCreate!;
const clientId = (spec: BundledSpec) => trimbleCreate(spec).properties.clientId!;
const leafUserIdSchema = (spec: BundledSpec) =>
  (spec.components.parameters as Record<string, { schema: Json }>).LeafUserId!.schema;

/** Optional fields planted into the Trimble create body, for constraints the real spec has no field for. */
const withExtraFields: Plant = (spec) => {
  Object.assign(trimbleCreate(spec).properties, {
    labels: {
      type: 'array',
      minItems: 1,
      maxItems: 10,
      items: { type: 'string', maxLength: 64 },
    },
    retries: { type: 'integer', format: 'int32', minimum: 0, maximum: 10 },
    region: { type: ['string', 'null'], enum: ['eu', 'us', null], maxLength: 2 },
    weight: { type: 'number', format: 'double' },
    extras: { type: 'object', additionalProperties: true },
  });
};

const CREATE_TRIMBLE = 'post /users/{leafUserId}/trimble-credentials';
const BODY = 'request body application/json';
const TRIMBLE_CREATE = '/components/schemas/TrimbleCredentialsCreate/properties';

interface Case {
  change: string;
  /** Planted into both documents before `plant`: the starting point. */
  given?: Plant;
  /** Planted into the revised document only. */
  plant: Plant;
  /** Expected findings as `where | jsonPath`, and a fragment of each error; [] when the change must pass. */
  findings: Array<{ where: string; jsonPath: string; error: string }>;
}

const bodyField = (field: string, keyword: string, error: string) => ({
  where: `${CREATE_TRIMBLE} ${BODY} ${field}`,
  jsonPath: `${TRIMBLE_CREATE}/${field.replaceAll('.', '/properties/').replace('[]', '/items')}/${keyword}`,
  error,
});

const NARROWING: Case[] = [
  {
    change: 'a request-body maxLength lowered (256 to 8)',
    plant: (spec) => {
      clientId(spec).maxLength = 8;
    },
    findings: [bodyField('clientId', 'maxLength', 'maxLength lowered from 256 to 8')],
  },
  {
    change: 'a request-body maxLength added',
    given: (spec) => void delete clientId(spec).maxLength,
    plant: (spec) => {
      clientId(spec).maxLength = 256;
    },
    findings: [bodyField('clientId', 'maxLength', 'maxLength 256 added')],
  },
  {
    change: 'a request-body minLength raised (1 to 50)',
    plant: (spec) => {
      clientId(spec).minLength = 50;
    },
    findings: [bodyField('clientId', 'minLength', 'minLength raised from 1 to 50')],
  },
  {
    change: 'a request-body minLength added',
    given: (spec) => void delete clientId(spec).minLength,
    plant: (spec) => {
      clientId(spec).minLength = 1;
    },
    findings: [bodyField('clientId', 'minLength', 'minLength 1 added')],
  },
  {
    change: 'a pattern added to a request-body field',
    plant: (spec) => {
      clientId(spec).pattern = '^[a-z-]+$';
    },
    findings: [bodyField('clientId', 'pattern', 'pattern "^[a-z-]+$" added')],
  },
  {
    change: 'a request-body pattern changed',
    given: (spec) => {
      clientId(spec).pattern = '^[a-z-]+$';
    },
    plant: (spec) => {
      clientId(spec).pattern = '^[a-z]+$';
    },
    findings: [bodyField('clientId', 'pattern', 'pattern changed from "^[a-z-]+$" to "^[a-z]+$"')],
  },
  {
    change: 'a format added to a request-body field',
    plant: (spec) => {
      clientId(spec).format = 'uuid';
    },
    findings: [bodyField('clientId', 'format', 'format "uuid" added')],
  },
  {
    change: 'a request-body format changed',
    given: (spec) => {
      clientId(spec).format = 'uri';
    },
    plant: (spec) => {
      clientId(spec).format = 'uuid';
    },
    findings: [bodyField('clientId', 'format', 'format changed from "uri" to "uuid"')],
  },
  {
    change: 'an enum added to a request-body field',
    plant: (spec) => {
      clientId(spec).enum = ['example-trimble-client-id'];
    },
    findings: [bodyField('clientId', 'enum', 'enum ["example-trimble-client-id"] added')],
  },
  {
    change: 'a request-body enum value removed',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.region!.enum = ['eu', null];
    },
    findings: [bodyField('region', 'enum', 'enum value(s) "us" removed')],
  },
  {
    change: 'a request-body maxItems lowered',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.labels!.maxItems = 5;
    },
    findings: [bodyField('labels', 'maxItems', 'maxItems lowered from 10 to 5')],
  },
  {
    change: 'a request-body minItems raised',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.labels!.minItems = 2;
    },
    findings: [bodyField('labels', 'minItems', 'minItems raised from 1 to 2')],
  },
  {
    change: "an array item's maxLength lowered",
    given: withExtraFields,
    plant: (spec) => {
      (trimbleCreate(spec).properties.labels!.items as Json).maxLength = 8;
    },
    findings: [bodyField('labels[]', 'maxLength', 'maxLength lowered from 64 to 8')],
  },
  {
    change: 'a request-body maximum lowered',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.retries!.maximum = 5;
    },
    findings: [bodyField('retries', 'maximum', 'maximum lowered from 10 to 5')],
  },
  {
    change: 'a request-body maximum added',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.weight!.maximum = 100;
    },
    findings: [bodyField('weight', 'maximum', 'maximum 100 added')],
  },
  {
    change: 'a request-body minimum raised',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.retries!.minimum = 1;
    },
    findings: [bodyField('retries', 'minimum', 'minimum raised from 0 to 1')],
  },
  {
    change: 'a request-body minimum added',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.weight!.minimum = 0;
    },
    findings: [bodyField('weight', 'minimum', 'minimum 0 added')],
  },
  {
    change: 'additionalProperties true to false',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.extras!.additionalProperties = false;
    },
    findings: [bodyField('extras', 'additionalProperties', 'additionalProperties changed to false')],
  },
  {
    change: 'a request body that allowed unknown fields closed',
    given: (spec) => {
      trimbleCreate(spec).additionalProperties = true;
    },
    plant: (spec) => {
      trimbleCreate(spec).additionalProperties = false;
    },
    findings: [
      {
        where: `${CREATE_TRIMBLE} ${BODY}`,
        jsonPath: '/components/schemas/TrimbleCredentialsCreate/additionalProperties',
        error: 'additionalProperties changed to false',
      },
    ],
  },
  {
    change: 'a nullable request field made non-null (type narrowed)',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.region!.type = 'string';
    },
    findings: [bodyField('region', 'type', 'type narrowed from ["string","null"] to "string"')],
  },
  {
    change: 'a number field made integer (type narrowed)',
    given: withExtraFields,
    plant: (spec) => {
      trimbleCreate(spec).properties.weight!.type = 'integer';
    },
    findings: [bodyField('weight', 'type', 'type narrowed from "number" to "integer"')],
  },
];

/** Every operation that takes leafUserId (authenticate does not). */
const LEAF_USER_OPERATIONS = listOperations(bundled)
  .filter(({ path }) => path.includes('{leafUserId}'))
  .map(({ method, path }) => `${method} ${path}`);

NARROWING.push({
  change: 'a pattern added to the shared path parameter (every operation that takes it)',
  plant: (spec) => {
    leafUserIdSchema(spec).pattern = '^[0-9a-f-]{36}$';
  },
  findings: LEAF_USER_OPERATIONS.map((operation) => ({
    where: `${operation} path parameter leafUserId`,
    jsonPath: '/components/parameters/LeafUserId/schema/pattern',
    error: 'pattern "^[0-9a-f-]{36}$" added',
  })),
});

/** Changes that accept at least what the base accepted: none may be reported. */
const WIDENING: Case[] = (
  [
    { change: 'nothing at all', plant: () => {} },
    {
      change: 'a request-body maxLength raised',
      plant: (spec) => {
        clientId(spec).maxLength = 1024;
      },
    },
    { change: 'a request-body maxLength removed', plant: (spec) => void delete clientId(spec).maxLength },
    {
      change: 'a request-body minLength lowered',
      plant: (spec) => {
        clientId(spec).minLength = 0;
      },
    },
    {
      change: 'a pattern and a format removed',
      given: (spec) => Object.assign(clientId(spec), { pattern: '^[a-z-]+$', format: 'uri' }),
      plant: (spec) => {
        delete clientId(spec).pattern;
        delete clientId(spec).format;
      },
    },
    { change: 'the path parameter format removed', plant: (spec) => void delete leafUserIdSchema(spec).format },
    {
      change: 'an enum value added, maxItems raised, maximum raised, minimum lowered',
      given: withExtraFields,
      plant: (spec) => {
        const { region, labels, retries } = trimbleCreate(spec).properties;
        region!.enum = ['eu', 'us', 'ap', null];
        labels!.maxItems = 20;
        retries!.maximum = 20;
        retries!.minimum = -1;
      },
    },
    {
      change: 'additionalProperties false to true, and integer widened to number',
      given: withExtraFields,
      plant: (spec) => {
        trimbleCreate(spec).additionalProperties = true;
        trimbleCreate(spec).properties.retries!.type = 'number';
      },
    },
    {
      change: 'a required field made optional',
      plant: (spec) => {
        trimbleCreate(spec).required = ['clientSecret', 'refreshToken'];
      },
    },
    {
      change: 'a response-only field narrowed (not the request side)',
      plant: (spec) => {
        schemas(spec).TrimbleCredentials!.properties.clientId!.maxLength = 8;
      },
    },
    {
      change: 'a new operation whose request is narrower than any other',
      plant: (spec) => {
        spec.paths['/users/{leafUserId}/new-provider'] = {
          post: {
            operationId: 'createNewProvider',
            requestBody: {
              content: { 'application/json': { schema: { type: 'string', maxLength: 1, pattern: '^a$' } } },
            },
            responses: { '204': { description: 'Done.' } },
          },
        };
      },
    },
  ] satisfies Array<Omit<Case, 'findings'>>
).map((widening) => ({ ...widening, findings: [] }));

function revisions({ given, plant }: Case): { base: Json; revised: Json } {
  const base = structuredClone(bundled);
  given?.(base);
  const revised = structuredClone(base);
  plant(revised);
  return { base, revised };
}

describe('findNarrowedRequestConstraints', () => {
  for (const testCase of [...NARROWING, ...WIDENING]) {
    const verdict = testCase.findings.length > 0 ? 'reports' : 'lets through';
    it(`${verdict} ${testCase.change}`, () => {
      const { base, revised } = revisions(testCase);
      const findings = findNarrowedRequestConstraints(base, revised);
      expect(findings.map(({ where, jsonPath }) => ({ where, jsonPath }))).toEqual(
        testCase.findings.map(({ where, jsonPath }) => ({ where, jsonPath })),
      );
      findings.forEach((finding, index) => {
        expect(finding.rule).toBe(NARROWED_REQUEST_RULE);
        expect(finding.error).toContain(testCase.findings[index]!.error);
      });
    });
  }

  it('follows $refs to request bodies and parameters defined as components', () => {
    const base = structuredClone(bundled) as BundledSpec;
    const operation = base.paths['/users/{leafUserId}/trimble-credentials']!.post as Json;
    (base.components as Json).requestBodies = { TrimbleCreate: operation.requestBody };
    operation.requestBody = { $ref: '#/components/requestBodies/TrimbleCreate' };
    const revised = structuredClone(base);
    clientId(revised).maxLength = 8;
    expect(findNarrowedRequestConstraints(base, revised).map((finding) => finding.jsonPath)).toEqual([
      `${TRIMBLE_CREATE}/clientId/maxLength`,
    ]);
  });
});
