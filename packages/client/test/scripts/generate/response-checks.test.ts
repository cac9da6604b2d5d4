/**
 * The response-check generator reads each success schema's top level from the
 * spec model: required properties and their JSON types, a list as a list, one
 * shape per schema; and it refuses what the client's small checker cannot check.
 */
import { type BundledSpec, readBundledSpec } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { readResponseChecks } from '../../../scripts/generate/response-checks.js';

type Schemas = Record<string, { type?: unknown; required?: string[]; properties?: Record<string, unknown> }>;

/** A copy of the bundled spec with its schemas changed by `edit`. */
function specWith(edit: (schemas: Schemas) => void): BundledSpec {
  const spec = structuredClone(readBundledSpec());
  edit(spec.components.schemas as Schemas);
  return spec;
}

describe('readResponseChecks', () => {
  const checks = readResponseChecks(readBundledSpec());

  it('gives each operation with a JSON success body a check, and a list operation a list check', () => {
    expect(checks.names.get('getTrimbleCredentials')).toBe('trimbleCredentialsCheck');
    expect(checks.names.get('getTrimbleCredentialEvents')).toBe('credentialEventListCheck');
    expect(checks.checks.get('credentialEventListCheck')).toEqual({ shape: 'credentialEventShape', list: true });
    expect(checks.names.has('deleteTrimbleCredentials')).toBe(false);
  });

  it("takes each required property's JSON type from the schema, and only required ones", () => {
    expect(checks.shapes.get('credentialEventShape')).toEqual({
      id: ['string'],
      body: ['string'],
      headers: ['string'],
      statusCode: ['integer'],
      createdDate: ['string'],
    });
    expect(Object.keys(checks.shapes.get('climateFieldViewCredentialsShape')!)).not.toContain('id');
  });

  it('follows the spec: a property made required there is checked', () => {
    const spec = specWith((schemas) => schemas.ClimateFieldViewCredentials!.required!.push('id'));
    expect(readResponseChecks(spec).shapes.get('climateFieldViewCredentialsShape')).toHaveProperty('id', ['string']);
  });

  it('refuses a success body that is not an object or a list of objects', () => {
    const spec = specWith((schemas) => {
      schemas.CredentialStatusReport!.type = 'string';
    });
    expect(() => readResponseChecks(spec)).toThrow(/checks object bodies \(or lists of them\), not string/);
  });

  it('refuses a required property of a type JSON does not have', () => {
    const spec = specWith((schemas) => {
      (schemas.CredentialStatusReport!.properties as Record<string, unknown>).status = { type: 'date' };
    });
    expect(() => readResponseChecks(spec)).toThrow(/cannot check a property of type date/);
  });
});
