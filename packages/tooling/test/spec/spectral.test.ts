/**
 * The Spectral gate, and the one Spectral lint of the spec per CI run: a copy
 * of the freshly bundled spec with each violation of a rule we rely on planted
 * passes .spectral.yaml (spectral:oas and the OWASP API security rules, minus
 * the reasoned exceptions) with exactly the planted findings: each rule fires,
 * and the rest of the spec has no finding at all.
 */
import { spectralLint } from '../../src/spec/lint.js';
import { describePlantedViolations, spectralViolations } from '../fixtures/planted-violations.js';

describePlantedViolations('spectral lint', spectralLint, spectralViolations);
