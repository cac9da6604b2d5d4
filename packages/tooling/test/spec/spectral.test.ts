/**
 * The Spectral gate: the bundled spec passes .spectral.yaml (spectral:oas and
 * the OWASP API security rules, minus the reasoned exceptions) with no
 * findings at all, and each rule we rely on reports its planted violation.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFindings, spectralLint } from '../../src/spec/lint.js';
import { describePlantedViolations, freshBundle, spectralViolations } from '../fixtures/planted-violations.js';
import { SLOW_PROCESS_TIMEOUT } from '../fixtures/timeouts.js';

describe('spectral lint', () => {
  it(
    'finds no errors, warnings, infos or hints in the freshly bundled spec',
    async () => {
      const { path } = freshBundle(mkdtempSync(join(tmpdir(), 'spectral-')));
      expect(describeFindings(await spectralLint(path))).toEqual([]);
    },
    SLOW_PROCESS_TIMEOUT,
  );
});

describePlantedViolations('spectral lint', spectralLint, spectralViolations);
