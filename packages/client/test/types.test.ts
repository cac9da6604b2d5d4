/**
 * Type tests: the generated types turn wrong calls into compile errors.
 * Each fixture is compiled with the TypeScript compiler in strict mode.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const FIXTURES = new URL('./fixtures/types/', import.meta.url);
const fixture = (name: string) => fileURLToPath(new URL(name, FIXTURES));

/**
 * Every fixture in one program: the lib and the generated types are read and checked once rather
 * than once per fixture. Each file is a module, so none sees another's declarations.
 */
let program: ts.Program | undefined;
function fixturesProgram(): ts.Program {
  program ??= ts.createProgram(
    readdirSync(FIXTURES).map((name) => fixture(name)),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
    },
  );
  return program;
}

function compileErrors(file: string): string[] {
  const compiled = fixturesProgram();
  const source = compiled.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the fixtures' program`);
  return ts
    .getPreEmitDiagnostics(compiled, source)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('the generated client types', () => {
  it('accept correct calls', () => {
    expect(compileErrors(fixture('valid-calls.ts'))).toEqual([]);
  });

  it('reject a create body missing a required field', () => {
    const errors = compileErrors(fixture('missing-client-secret.ts'));
    expect(errors.join('\n')).toMatch(/clientSecret/);
  });

  it('keep `status` open and still narrowing on its known values', () => {
    expect(compileErrors(fixture('status-narrows.ts'))).toEqual([]);
  });

  it('reject a path the spec does not have', () => {
    const errors = compileErrors(fixture('unknown-path.ts'));
    expect(errors.join('\n')).toMatch(/no-such-provider-credentials/);
  });
});

describe('the helper types', () => {
  it('accept correct calls and type their results as the schemas', () => {
    expect(compileErrors(fixture('helper-calls.ts'))).toEqual([]);
  });

  it('reject an unknown body field, which the raw POST would let through', () => {
    const errors = compileErrors(fixture('helper-unknown-field.ts'));
    expect(errors.join('\n')).toMatch(/'clientSecrett' does not exist/);
  });

  it('reject a create body missing clientSecret', () => {
    const errors = compileErrors(fixture('helper-missing-client-secret.ts'));
    expect(errors.join('\n')).toMatch(/'clientSecret' is missing/);
  });

  it('reject an events query parameter the spec does not document', () => {
    const errors = compileErrors(fixture('helper-unknown-query.ts'));
    expect(errors.join('\n')).toMatch(/'pages' does not exist/);
  });

  it('give a one-provider client only that provider (no others, no raw), and type isNotFound as a guard', () => {
    expect(compileErrors(fixture('one-provider.ts'))).toEqual([]);
  });
  it("reject 1.x code that splits Trimble's scopes as a string", () => {
    const errors = compileErrors(fixture('scopes-split.ts'));
    expect(errors.join('\n')).toMatch(/Property 'split' does not exist on type 'string\[\]'/);
  });
});
