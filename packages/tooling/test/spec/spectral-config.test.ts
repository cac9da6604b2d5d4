/**
 * The Spectral exceptions are reviewed: every rule .spectral.yaml turns off,
 * everywhere or at one JSON pointer (`overrides`), is on the list below and
 * has a one-line reason just above it. Turning another rule off, or the same
 * rule somewhere else, fails here until it is reviewed and added to the list.
 * Each overridden pointer must still exist in the bundle, so a renamed schema
 * cannot leave a stale exception behind.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundledSpec } from '@leaf-credentials/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { SPECTRAL_RULESET_PATH } from '../../src/spec/lint.js';
import { freshBundle, nodeAt } from '../fixtures/planted-violations.js';
import { SLOW_PROCESS_TIMEOUT } from '../fixtures/timeouts.js';

const EVERYWHERE = 'everywhere';
const STRING_RESTRICTED = 'leaf-string-restricted';
const CORS_ORIGIN = 'owasp:api8:2023-define-cors-origin';

/** `rule @ scope`, scope a JSON pointer into the bundle or "everywhere". Reviewed: keep sorted by reason. */
const REVIEWED_DISABLES = [
  // No documented rate limits or 429s.
  `owasp:api4:2023-rate-limit @ ${EVERYWHERE}`,
  `owasp:api4:2023-rate-limit-responses-429 @ ${EVERYWHERE}`,
  // Replaced by leaf-server-https-except-loopback.
  `owasp:api8:2023-no-server-http @ ${EVERYWHERE}`,
  // Replaced by leaf-string-restricted: request strings only (responses are Leaf's), secrets exempt by their x-sensitive mark.
  `owasp:api4:2023-string-restricted @ ${EVERYWHERE}`,
  // Opaque provider-issued values we send that are not secrets (secrets need no entry).
  ...[
    'TrimbleCredentialsCreate/properties/clientId',
    'ClimateFieldViewCredentialsCreate/properties/clientId',
    'JohnDeereCredentialsCreate/properties/clientKey',
    'CnhiCredentialsCreate/properties/clientId',
    'AgLeaderCredentialsCreate/properties/publicKey',
    'AgvanceCredentialsCreate/properties/databaseId',
    'AgvanceCredentialsCreate/properties/username',
    'LindsayCredentialsCreate/properties/clientId',
    'PanoramaCredentialsCreate/properties/clientId',
    'PanoramaCredentialsCreate/properties/username',
    'PanoramaCredentialsCreate/properties/organizationCode',
    'RavenCredentialsCreate/properties/clientId',
    'SenteraCredentialsCreate/properties/username',
    'SenteraCredentialsCreate/properties/organizationName',
    'ValleyCredentialsCreate/properties/apid',
    'ValleyCredentialsCreate/properties/username',
    // A Leaf account's username, of undocumented format.
    'AuthenticateRequest/properties/username',
  ].map((schema) => `${STRING_RESTRICTED} @ #/components/schemas/${schema}`),
  // Signing in is how a caller gets a token: authenticate cannot require one.
  'owasp:api2:2023-write-restricted @ #/paths/~1authenticate/post/security',
  // Leaf documents no CORS; the rule also misfires on a property named `headers`.
  `${CORS_ORIGIN} @ #/components/responses/Unauthorized/headers`,
  `${CORS_ORIGIN} @ #/components/responses/CredentialEvents/headers`,
  `${CORS_ORIGIN} @ #/components/headers`,
  `${CORS_ORIGIN} @ #/components/schemas/CredentialEvent/properties/headers`,
];

interface Disable {
  rule: string;
  scope: string;
  /** The comment line just above the rule (or the override), without the `#`. */
  reason: string;
}

const isOff = (value: unknown) => value === 'off' || value === false;

/** The last comment line in `comment` that is not a `# --- section ---` banner. */
function reasonIn(...comments: Array<string | null | undefined>): string {
  const lines = comments
    .filter((comment): comment is string => typeof comment === 'string')
    .flatMap((comment) => comment.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('---'));
  return lines.at(-1) ?? '';
}

/** Every rule .spectral.yaml turns off, where, and the reason written above it. */
function spectralDisables(source: string): Disable[] {
  const document = parseDocument(source);
  const disables: Disable[] = [];

  const rules = document.get('rules');
  if (isMap(rules)) {
    rules.items.forEach((pair, index) => {
      const severity = isScalar(pair.value)
        ? pair.value.value
        : isMap(pair.value)
          ? pair.value.get('severity')
          : undefined;
      if (!isOff(severity)) return;
      // The comment above a map's first key belongs to the map.
      const key = pair.key as Node;
      const reason = reasonIn(index === 0 ? rules.commentBefore : undefined, key.commentBefore);
      disables.push({ rule: String((pair.key as { value?: unknown }).value), scope: EVERYWHERE, reason });
    });
  }

  const overrides = document.get('overrides');
  if (isSeq(overrides)) {
    overrides.items.forEach((item, index) => {
      const override = item as YAMLMap;
      const reason = reasonIn(index === 0 ? overrides.commentBefore : undefined, override.commentBefore);
      const files = (override.toJSON() as { files?: string[] }).files ?? [];
      const overriddenRules = (override.toJSON() as { rules?: Record<string, unknown> }).rules ?? {};
      for (const [rule, severity] of Object.entries(overriddenRules)) {
        if (!isOff(severity)) continue;
        for (const file of files) {
          const pointer = file.includes('#') ? file.slice(file.indexOf('#')) : `${EVERYWHERE} in ${file}`;
          disables.push({ rule, scope: pointer, reason });
        }
      }
    });
  }
  return disables;
}

const key = ({ rule, scope }: Disable) => `${rule} @ ${scope}`;
const HOW_TO_REVIEW =
  'A rule is turned off that nobody reviewed (or a reviewed exception went away). Turn it off only where its reason holds ' +
  '(an `overrides` entry with the JSON pointer, not globally), write the reason on the line above it, and add ' +
  '`rule @ scope` to REVIEWED_DISABLES in packages/tooling/test/spec/spectral-config.test.ts.';

describe('.spectral.yaml exceptions', () => {
  const disables = spectralDisables(readFileSync(SPECTRAL_RULESET_PATH, 'utf8'));
  let bundle: BundledSpec;

  beforeAll(() => {
    bundle = freshBundle(mkdtempSync(join(tmpdir(), 'spectral-config-'))).spec;
  }, SLOW_PROCESS_TIMEOUT);

  it('turns off exactly the reviewed rules, each at its reviewed scope', () => {
    expect(disables.map(key).sort(), HOW_TO_REVIEW).toEqual([...REVIEWED_DISABLES].sort());
  });

  it('writes a reason above every rule it turns off', () => {
    expect(disables.filter(({ reason }) => reason.length < 20).map(key), 'exceptions without a reason').toEqual([]);
  });

  it('points every override at something in the bundled spec', () => {
    const stale = disables
      .filter(({ scope }) => scope.startsWith('#/'))
      .filter(({ scope }) => {
        try {
          nodeAt(bundle, scope);
          return false;
        } catch {
          return true;
        }
      });
    expect(stale.map(key), 'overrides whose JSON pointer no longer exists').toEqual([]);
  });

  describe('reading the exceptions (so the checks above can fail)', () => {
    const base = readFileSync(SPECTRAL_RULESET_PATH, 'utf8');

    it('sees a new global disable, with its reason', () => {
      const planted = base.replace(
        /^rules:\n/m,
        'rules:\n  # Planted: no reason worth the name.\n  owasp:api3:2023-no-additionalProperties: off\n',
      );
      const found = spectralDisables(planted).find(({ rule }) => rule === 'owasp:api3:2023-no-additionalProperties');
      expect(found).toEqual({
        rule: 'owasp:api3:2023-no-additionalProperties',
        scope: EVERYWHERE,
        reason: 'Planted: no reason worth the name.',
      });
    });

    it('sees a new override and a disable written as `false` or a severity, and one with no reason', () => {
      const planted = `${base}  - files:\n      - '*.json#/components/schemas/Problem/properties/type'\n    rules:\n      ${STRING_RESTRICTED}: false\n`;
      const found = spectralDisables(planted).filter(({ scope }) => scope.endsWith('/Problem/properties/type'));
      expect(found).toEqual([
        { rule: STRING_RESTRICTED, scope: '#/components/schemas/Problem/properties/type', reason: '' },
      ]);

      const withSeverity = base.replace(
        /^rules:\n/m,
        "rules:\n  owasp:api3:2023-no-additionalProperties:\n    severity: 'off'\n",
      );
      expect(spectralDisables(withSeverity).map(key)).toContain(
        `owasp:api3:2023-no-additionalProperties @ ${EVERYWHERE}`,
      );
    });
  });
});
