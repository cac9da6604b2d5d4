/**
 * src/generated/ must be exactly what the spec generates: CI (where the
 * generate step only checks) fails here when someone changed the spec and
 * did not run `npm run generate`.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBundledSpec } from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { GENERATED_DIR, staleGeneratedFiles } from '../../scripts/generate.js';

describe('generated code', () => {
  it('is up to date with the spec (run `npm run generate` if not)', async () => {
    expect(await staleGeneratedFiles()).toEqual([]);
  });

  it('is reported stale when a generated file differs from the spec', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'generated-'));
    cpSync(GENERATED_DIR, copy, { recursive: true });
    appendFileSync(join(copy, 'schema.ts'), '\n// a hand edit\n');
    writeFileSync(join(copy, 'constants.ts'), 'export const PRODUCTION_BASE_URL = "https://example.invalid";\n');
    expect(await staleGeneratedFiles(copy)).toEqual(['schema.ts', 'constants.ts']);
  });

  it("carries each status value's meaning from the spec into the type's documentation", () => {
    const status = readBundledSpec().components.schemas?.KnownCredentialStatus as {
      enum: string[];
      'x-enumDescriptions': Record<string, string>;
    };
    const schema = readFileSync(join(GENERATED_DIR, 'schema.ts'), 'utf8');
    for (const value of status.enum) {
      expect(schema).toContain(`- \`${value}\`: ${status['x-enumDescriptions'][value]}`);
    }
  });
});
