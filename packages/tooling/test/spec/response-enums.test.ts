/**
 * The in-house check Optic lacks on the response side: a response field whose
 * closed set of values grows, or opens to any value, breaks clients that
 * handle every documented value. Each case plants its starting point into the
 * base and its edit into the revised copy of the real bundled spec, then
 * expects exactly the findings it names (none for a change that breaks no client).
 */
import { type BundledSpec, readBundledSpec } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { findWidenedResponseEnums, WIDENED_RESPONSE_ENUM_RULE } from '../../src/spec/response-enums.js';

type Json = Record<string, unknown>;
type Plant = (spec: BundledSpec) => void;

/** The spec package's bundle (spec/dist), read without starting a process: this is a unit test. */
const bundled: BundledSpec = readBundledSpec();

const schemas = (spec: BundledSpec) => spec.components.schemas as Record<string, Json>;
const KNOWN = ['OK', 'UNAUTHENTICATED', 'MISSING_PERMISSION', 'TEMPORARILY_UNAVAILABLE'];

/** `status` as a closed enum, as it was before #20 opened it. */
const closedStatus: Plant = (spec) => {
  schemas(spec).CredentialStatus = { title: 'CredentialStatus', type: 'string', enum: [...KNOWN] };
};
/** `status` open as the spec has it now: the known values, or any string. */
const openStatus: Plant = (spec) => {
  schemas(spec).CredentialStatus = {
    title: 'CredentialStatus',
    anyOf: [{ $ref: '#/components/schemas/KnownCredentialStatus' }, { type: 'string', maxLength: 256 }],
  };
};
const withStatusValues =
  (values: string[]): Plant =>
  (spec) => {
    schemas(spec).CredentialStatus = { title: 'CredentialStatus', type: 'string', enum: values };
  };
/** A closed enum in the Trimble create body only (a request): opening it breaks no client. */
const requestEnum =
  (schema: Json): Plant =>
  (spec) => {
    const create = schemas(spec).TrimbleCredentialsCreate as { properties: Record<string, Json> };
    create.properties.region = schema;
  };

const GET_TRIMBLE = 'get /users/{leafUserId}/trimble-credentials response 200 application/json status';

interface Case {
  change: string;
  base: Plant;
  revised: Plant;
  /** A finding every matching `where` must have, and whether there are any. */
  expected: { where: string; error: RegExp } | undefined;
}

const CASES: Case[] = [
  {
    change: 'a response enum opened to any string (enum → anyOf [enum, string])',
    base: closedStatus,
    revised: openStatus,
    expected: { where: GET_TRIMBLE, error: /status: its values opened: any value may now come back \(was "OK", / },
  },
  {
    change: 'a response enum with a value added',
    base: closedStatus,
    revised: withStatusValues([...KNOWN, 'SUSPENDED']),
    expected: { where: GET_TRIMBLE, error: /status: value\(s\) "SUSPENDED" added/ },
  },
  {
    change: 'a response enum with a value removed (clients still know every value that comes)',
    base: closedStatus,
    revised: withStatusValues(KNOWN.slice(0, 3)),
    expected: undefined,
  },
  {
    change: 'an open response field closed to an enum',
    base: openStatus,
    revised: closedStatus,
    expected: undefined,
  },
  {
    change: 'a request enum opened to any string',
    base: requestEnum({ type: 'string', enum: ['eu', 'us'] }),
    revised: requestEnum({ anyOf: [{ type: 'string', enum: ['eu', 'us'] }, { type: 'string' }] }),
    expected: undefined,
  },
  { change: 'nothing', base: closedStatus, revised: closedStatus, expected: undefined },
];

describe('findWidenedResponseEnums', () => {
  it.each(CASES)('$change', ({ base, revised, expected }) => {
    const [baseSpec, revisedSpec] = [structuredClone(bundled), structuredClone(bundled)];
    base(baseSpec);
    base(revisedSpec);
    revised(revisedSpec);
    const findings = findWidenedResponseEnums(baseSpec as unknown as Json, revisedSpec as unknown as Json);
    if (!expected) {
      expect(findings).toEqual([]);
      return;
    }
    const matching = findings.filter((finding) => finding.where === expected.where);
    expect(matching).toHaveLength(1);
    expect(matching[0]!.rule).toBe(WIDENED_RESPONSE_ENUM_RULE);
    expect(matching[0]!.error).toMatch(expected.error);
    expect(matching[0]!.jsonPath).toMatch(/^\/components\/schemas\/(CredentialStatus|KnownCredentialStatus)/);
    // Every answer with a credential's `status` is named (users embed credentials), and only those.
    expect(findings.every((finding) => /[ .]status$/.test(finding.where))).toBe(true);
  });
});
