import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTROL_SPEC_PATH, controlSchema } from '../../src/sandbox/control-spec.js';
import { clientOf, emptySandbox, USER } from './support.js';

const document = parse(readFileSync(CONTROL_SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
const documented = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.keys(item)
    .filter((key) => key !== 'parameters')
    .map((method) => ({ method: method.toUpperCase(), path })),
);

describe('the control API document', () => {
  it.each(documented)(
    'documents $method $path, and the sandbox routes it (neither "no control request" nor 405)',
    async ({ method, path }) => {
      const client = clientOf(await emptySandbox(), 'doc-token');
      const answer = await client.control(
        method,
        path.replace('{leafUserId}', USER).replace('{provider}', 'trimble'),
        {},
      );
      expect(answer.statusCode).not.toBe(405);
      expect(String((answer.body as { detail?: string } | undefined)?.detail ?? '')).not.toMatch(/^No control request/);
    },
  );

  it('answers a path the document does not list with a "no control request" 404', async () => {
    const client = clientOf(await emptySandbox(), 'doc-token');
    const answer = await client.control('GET', '/undocumented');
    expect(answer.statusCode).toBe(404);
    expect((answer.body as { detail: string }).detail).toMatch(/^No control request/);
  });

  it.each(['StatusChange', 'ClockSetting', 'SeedDocument'])(
    'has the %s schema bodies are validated against, with its references inlined',
    (name) => {
      expect(JSON.stringify(controlSchema(name))).not.toContain('$ref');
    },
  );
});
