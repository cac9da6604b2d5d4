/** What the page embeds for its panels, derived from the bundled spec alone. */
import {
  exampleLeafUserId,
  leafHelperOf,
  listOperations,
  localBasePath,
  mockServerUrl,
  readBundledSpec,
  requestBodyExample,
} from '@leaf-credentials/spec';
import { describe, expect, it } from 'vitest';
import { describeTryIt } from '../../src/try-it/describe.js';

const spec = readBundledSpec();
const described = describeTryIt(spec);
const operations = listOperations(spec);

describe('describeTryIt', () => {
  it('describes every operation of the spec, in its order, and targets the sandbox npm start serves', () => {
    expect(described.operations.map((operation) => operation.operationId)).toEqual(
      operations.map((operation) => operation.operationId),
    );
    expect(described.sandboxUrl).toBe(mockServerUrl(spec).origin);
  });

  describe.each(operations.map((operation) => [operation.operationId, operation] as const))('%s', (id, operation) => {
    const panel = described.operations.find((candidate) => candidate.operationId === id)!;

    it('has its method, path, loopback base path, body example and security', () => {
      expect(panel).toMatchObject({
        method: operation.method.toUpperCase(),
        path: operation.path,
        basePath: localBasePath(spec, operation),
        bearer: leafHelperOf(operation) !== 'authenticate',
      });
      if (operation.operation.requestBody) expect(JSON.parse(panel.body!)).toEqual(requestBodyExample(spec, operation));
      else expect(panel.body).toBeUndefined();
    });

    it('fills each path parameter with its example (the seeded Leaf user)', () => {
      for (const name of operation.path.match(/(?<=\{)[^}]+(?=\})/g) ?? []) {
        const parameter = panel.parameters.find((candidate) => candidate.name === name && candidate.in === 'path');
        expect(parameter, name).toMatchObject({ required: true });
        if (name === 'leafUserId') expect(parameter?.example).toBe(exampleLeafUserId(spec));
        else expect(parameter?.example).not.toBe('');
      }
    });
  });

  it('signs in through the authenticate operation and reads the token from its id_token', () => {
    expect(described.signIn).toEqual({ operationId: 'authenticate', tokenField: 'id_token' });
  });
});
