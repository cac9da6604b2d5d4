import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONTROL_SPEC_PATH, controlSchema } from '../../src/sandbox/control-spec.js';
import { clientOf, emptySandbox, USER } from './support.js';

const document = parse(readFileSync(CONTROL_SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
const documented = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.keys(item).filter((key) => key !== 'parameters').map((method) => ({ method: method.toUpperCase(), path })),
);

describe('the control API document', () => {
  it.each(documented)('documents $method $path, and the sandbox answers it (no 404 or 405)', async ({ method, path }) => {
    const client = clientOf(await emptySandbox(), 'doc-token');
    const answer = await client.control(method, path.replace('{leafUserId}', USER).replace('{provider}', 'trimble'), {});
    expect([404, 405].includes(answer.statusCode) && !(answer.body as { detail: string }).detail.startsWith('No Trimble')).toBe(false);
  });

  it.each(['StatusChange', 'ClockSetting', 'SeedDocument'])('has the %s schema bodies are validated against, with its references inlined', (name) => {
    expect(JSON.stringify(controlSchema(name))).not.toContain('$ref');
  });
});
