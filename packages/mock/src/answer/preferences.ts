/**
 * The `Prefer` request header (RFC 7240), as Prism's own server reads it: a
 * valid request may ask for one documented response (`code=404`), one named
 * example (`example=default`), or a body generated from the schema
 * (`dynamic=true`). Like Prism, a preference that cannot be read is a 422 and
 * one the operation does not document is a 404; the mock's problems name
 * `Prefer`. One more, the mock's own: `delay=<ms>` holds the answer that long
 * (at most MAX_RESPONSE_DELAY_MS), for testing a client's timeouts. Other
 * preferences (`return=minimal`, `respond-async`) are ignored, as RFC 7240 asks.
 */

import type { IHttpOperationConfig } from '@stoplight/prism-http';
import { namedProblem, type Problem, type ProblemKindName } from '../problem.js';
import type { Route } from '../route/index.js';

export type Preferences = Pick<IHttpOperationConfig, 'code' | 'exampleKey'> & { dynamic?: boolean };

/** The longest `Prefer: delay=<ms>` honoured: long enough for any timeout test, short enough not to hold a server. */
export const MAX_RESPONSE_DELAY_MS = 30_000;

export interface ReadPreferences {
  /** What to merge into Prism's per-request mock config. */
  config: Preferences;
  /** Whether the request asks for a documented response (code, example, dynamic) rather than the usual answer. */
  mocked?: boolean;
  /** How long to hold the answer. */
  delayMs?: number;
  /** The `Preference-Applied` response header, when any preference applies. */
  applied?: string;
  problem?: Problem;
}

function preferProblem(kind: ProblemKindName, path: string, message: string): Problem {
  return namedProblem(kind, path, 'header', 'Prefer', `Prefer header: ${message}`);
}

/** name → value for each preference; a quoted value is unquoted. */
function parse(header: string): Map<string, string> {
  const preferences = new Map<string, string>();
  // Commas separate preferences; semicolons are taken as separators too (`code=404; example=default`).
  for (const part of header.split(/[,;]/)) {
    const match = /^\s*([^=\s]+)\s*(?:=\s*(.*?))?\s*$/.exec(part);
    if (!match) continue;
    const value = match[2] ?? '';
    preferences.set(
      match[1]!.toLowerCase(),
      value.startsWith('"') && value.endsWith('"') && value.length > 1 ? value.slice(1, -1) : value,
    );
  }
  return preferences;
}

function list(values: string[]): string {
  return values.length === 0 ? 'none' : values.join(', ');
}

export function readPreferences(header: string | undefined, route: Route, path: string): ReadPreferences {
  if (header === undefined) return { config: {} };
  const preferences = parse(header);
  const config: Preferences = {};
  const applied: string[] = [];

  const code = preferences.get('code');
  const { operation, model } = route;
  const documented = model.documentedStatuses.map(String);
  if (code !== undefined) {
    if (!/^[1-5]\d\d$/.test(code))
      return {
        config,
        problem: preferProblem('UNREADABLE_PREFERENCE', path, `code=${code} is not an HTTP status code`),
      };
    if (!documented.includes(code)) {
      return {
        config,
        problem: preferProblem(
          'NOT_FOUND',
          path,
          `code=${code} is not documented for this operation; use one of ${list(documented)}`,
        ),
      };
    }
    config.code = Number(code);
    applied.push(`code=${code}`);
  }

  const dynamic = preferences.get('dynamic');
  if (dynamic !== undefined) {
    if (dynamic !== 'true' && dynamic !== 'false')
      return {
        config,
        problem: preferProblem('UNREADABLE_PREFERENCE', path, `dynamic=${dynamic} is neither true nor false`),
      };
    config.dynamic = dynamic === 'true';
    applied.push(`dynamic=${dynamic}`);
  }

  const example = preferences.get('example');
  if (example !== undefined) {
    const response = operation.responses.find((candidate) => candidate.code === (code ?? String(model.success.status)));
    const names = (response?.contents ?? []).flatMap((content) =>
      (content.examples ?? []).map((candidate) => candidate.key),
    );
    if (!names.includes(example)) {
      return {
        config,
        problem: preferProblem(
          'NOT_FOUND',
          path,
          `example=${example} is not an example of the ${response?.code ?? ''} response; use one of ${list(names)}`,
        ),
      };
    }
    config.exampleKey = example;
    applied.push(`example=${example}`);
  }
  const mocked = applied.length > 0;

  const delay = preferences.get('delay');
  let delayMs: number | undefined;
  if (delay !== undefined) {
    delayMs = Number(delay);
    if (!/^\d+$/.test(delay) || delayMs > MAX_RESPONSE_DELAY_MS) {
      return {
        config,
        problem: preferProblem(
          'UNREADABLE_PREFERENCE',
          path,
          `delay=${delay} is not a number of milliseconds from 0 to ${MAX_RESPONSE_DELAY_MS}`,
        ),
      };
    }
    applied.push(`delay=${delay}`);
  }
  return {
    config,
    mocked,
    ...(delayMs === undefined ? {} : { delayMs }),
    ...(applied.length > 0 ? { applied: applied.join(', ') } : {}),
  };
}
