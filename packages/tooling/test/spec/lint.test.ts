/**
 * The redocly gate, and the one redocly lint of the spec per CI run: a copy of
 * the bundled spec with every violation of fixtures/planted-violations.ts
 * planted passes `redocly lint` with redocly.yaml (recommended-strict, the
 * stricter built-ins, our `rule/...` rules) with exactly the planted findings:
 * each rule fires, and the rest of the spec has no error and no warning.
 */
import { redoclyLint } from '../../src/spec/lint.js';
import { describePlantedViolations, redoclyViolations } from '../fixtures/planted-violations.js';

describePlantedViolations('redocly lint', redoclyLint, redoclyViolations);
