/**
 * The redocly gate: the split spec passes `redocly lint` with redocly.yaml
 * (recommended-strict, the stricter built-ins, our `rule/...` rules) with no
 * errors and no warnings, and each of those rules reports its planted
 * violation in a copy of the spec.
 */
import { describe, expect, it } from 'vitest';
import { describeFindings, redoclyLint } from '../../src/spec/lint.js';
import { describePlantedViolations, redoclyViolations } from '../fixtures/planted-violations.js';
import { SLOW_PROCESS_TIMEOUT } from '../fixtures/timeouts.js';

describe('redocly lint', () => {
  it(
    'finds no errors and no warnings in the spec',
    async () => {
      expect(describeFindings(await redoclyLint())).toEqual([]);
    },
    SLOW_PROCESS_TIMEOUT,
  );
});

describePlantedViolations('redocly lint', redoclyLint, redoclyViolations);
