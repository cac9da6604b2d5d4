/**
 * `npm run audit`: the supply-chain gate on known vulnerabilities. Runs
 * `npm audit --omit=dev --audit-level=high --json` and fails on any high or
 * critical advisory in the production dependencies.
 *
 * When the registry cannot audit (no network, or a proxy without the audit
 * endpoint, which answers 405), nothing was checked: the gate prints
 * "NOT AUDITED" with the registry's reason and exits 2, never 0. Only
 * `--allow-unaudited`, an explicit choice for such environments, turns that
 * into a warning that still says NOT AUDITED.
 *
 *   npm run audit                          # exit 0 audited and clean, 1 high/critical found, 2 not audited
 *   npm run audit -- --allow-unaudited     # exit 0 when the registry cannot audit (prints NOT AUDITED)
 *   npm run audit -- --report-file r.json  # judge a saved `npm audit --json` report (the gate's tests)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Severities that fail the gate; npm's `--audit-level=high` means the same. */
export const BLOCKING_SEVERITIES = ['critical', 'high'] as const;
const SEVERITIES = [...BLOCKING_SEVERITIES, 'moderate', 'low', 'info'] as const;
type Severity = (typeof SEVERITIES)[number];

export type AuditVerdict =
  | { audited: true; counts: Record<Severity, number>; blocking: string[] }
  | { audited: false; reason: string };

interface NpmAuditReport {
  vulnerabilities?: Record<string, { name: string; severity: Severity }>;
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  message?: string;
  error?: { code?: string; summary?: string; detail?: string };
}

/** Reads `npm audit --json` output: the counts, the blocking packages, or why there was no audit. */
export function readAuditReport(stdout: string): AuditVerdict {
  let report: NpmAuditReport;
  try {
    report = JSON.parse(stdout) as NpmAuditReport;
  } catch {
    return {
      audited: false,
      reason: `npm audit printed no JSON report: ${stdout.trim().slice(0, 200) || '(nothing)'}`,
    };
  }
  const totals = report.metadata?.vulnerabilities;
  if (!totals || !report.vulnerabilities) {
    const reason = report.message || report.error?.summary || report.error?.code || 'npm audit returned no results';
    return { audited: false, reason };
  }
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, totals[severity] ?? 0])) as Record<
    Severity,
    number
  >;
  const blocking = Object.values(report.vulnerabilities)
    .filter((vulnerability) => (BLOCKING_SEVERITIES as readonly string[]).includes(vulnerability.severity))
    .map((vulnerability) => `${vulnerability.name} (${vulnerability.severity})`)
    .sort();
  return { audited: true, counts, blocking };
}

/** The gate's one report line. */
export function describeVerdict(verdict: AuditVerdict): string {
  if (!verdict.audited) return `npm audit (production dependencies): NOT AUDITED: ${verdict.reason}`;
  const counts = SEVERITIES.map((severity) => `${verdict.counts[severity]} ${severity}`).join(', ');
  const blocking = verdict.blocking.length ? `; blocking: ${verdict.blocking.join(', ')}` : '';
  return `npm audit (production dependencies): ${counts}${blocking}`;
}

function runNpmAudit(): string {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  return run.stdout;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      'allow-unaudited': { type: 'boolean', default: false },
      'report-file': { type: 'string' },
    },
  });
  const stdout = values['report-file'] ? readFileSync(values['report-file'], 'utf8') : runNpmAudit();
  const verdict = readAuditReport(stdout);
  console.log(describeVerdict(verdict));
  if (!verdict.audited) {
    if (values['allow-unaudited']) {
      console.warn('Allowed by --allow-unaudited: the production dependencies were NOT checked for advisories.');
      process.exit(0);
    }
    process.exit(2);
  }
  process.exit(verdict.blocking.length > 0 ? 1 : 0);
}
