/**
 * The spec passes `redocly lint` with the rules in redocly.yaml
 * (recommended-strict): no errors and no warnings.
 */
import { describe, expect, it } from 'vitest';
import { describeProblems, redoclyLint } from '../src/lint.js';

describe('redocly lint', () => {
  it('finds no errors and no warnings in the spec', () => {
    const result = redoclyLint();
    expect(describeProblems(result)).toEqual([]);
    expect(result.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
