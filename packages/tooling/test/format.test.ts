import { describe, expect, it } from 'vitest';
import { formatWithBiome } from '../src/format.js';

// Each case: what a generator renders, and what biome.jsonc makes of it.
const CASES = [
  {
    layout: 'TypeScript: spaces, single quotes, semicolons',
    path: 'packages/client/src/generated/example.ts',
    rendered: 'export const a={b:"x"}\n',
    formatted: "export const a = { b: 'x' };\n",
  },
  {
    layout: 'JavaScript: imports in order',
    path: 'spec/code-samples/javascript/example.js',
    rendered: "import { b } from 'node:path';\nimport { a } from 'node:fs';\n\nconsole.log(a, b);\n",
    formatted: "import { a } from 'node:fs';\nimport { b } from 'node:path';\n\nconsole.log(a, b);\n",
  },
  {
    layout: 'JSON: every object on its own lines',
    path: 'spec/example.json',
    rendered: '{"a":{"b":1}}',
    formatted: '{\n  "a": {\n    "b": 1\n  }\n}\n',
  },
];

describe('formatWithBiome', () => {
  it.each(CASES)('lays out $layout', ({ path, rendered, formatted }) => {
    expect(formatWithBiome({ [path]: rendered })).toEqual({ [path]: formatted });
  });

  it('formats many files in one call, each under the path it was given', () => {
    const files = Object.fromEntries(CASES.map(({ path, rendered }) => [path, rendered]));
    expect(formatWithBiome(files)).toEqual(Object.fromEntries(CASES.map(({ path, formatted }) => [path, formatted])));
  });

  it('returns nothing for no files, without running biome', () => {
    expect(formatWithBiome({})).toEqual({});
  });

  it('refuses text that does not parse, naming the file', () => {
    expect(() => formatWithBiome({ 'spec/code-samples/typescript/broken.ts': 'const = ;\n' })).toThrow(
      /left findings in generated files:[\s\S]*broken\.ts/,
    );
  });
});
