/**
 * The route stage: every operation answers under each base path its servers
 * name (the local one and production's `/services/usermanagement/api`), an
 * operation with path-level servers only under theirs, a concrete path before
 * a templated one that also matches it (whatever the method), and anything else
 * is a 404 or 405 problem.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type BundledSpec, productionServerUrl, readBundledSpec, specModel } from '@leaf-credentials/spec';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMockServer } from '../../src/adapters/node.js';
import { exampleRequest, fillPath } from '../../src/example-requests.js';
import { PROBLEM_CONTENT_TYPE } from '../../src/problem.js';
import { loadOperations } from '../../src/spec.js';
import { createAgent, send } from '../support/send.js';

const mockUrl = inject('mockUrl');
const agent = createAgent(4);
afterAll(() => agent.destroy());

const PRODUCTION_BASE = new URL(productionServerUrl()).pathname;

function asRaw(request: ReturnType<typeof exampleRequest>, path = request.path) {
  return { method: request.method, path, headers: Object.entries(request.headers), body: request.body };
}

describe('base paths of the spec', () => {
  it('has production under /services/usermanagement/api (what these cases rely on)', () => {
    expect(PRODUCTION_BASE).toBe('/services/usermanagement/api');
  });

  for (const shape of specModel().operations) {
    const request = exampleRequest(shape);
    it(`${shape.operationId}: answers ${request.expectedStatus} at its local path ${request.path}`, async () => {
      const reply = await send(mockUrl, asRaw(request), agent);
      expect(reply.status, reply.text).toBe(request.expectedStatus);
    });
    const production = `${new URL(readBundledSpec().servers[0]!.url).pathname}${request.path.slice(shape.basePaths.local.length)}`;
    it(`${shape.operationId}: answers ${request.expectedStatus} under production's base path too (${production})`, async () => {
      const reply = await send(mockUrl, asRaw(request, shape.basePaths.local ? request.path : production), agent);
      expect(reply.status, reply.text).toBe(request.expectedStatus);
    });
  }
});

const UNROUTED = [
  {
    behaviour: 'a path under an unknown prefix is a 404',
    path: '/services/other/api/users/x/trimble-credentials',
    status: 404,
  },
  { behaviour: 'the base path alone is a 404', path: PRODUCTION_BASE, status: 404 },
  {
    behaviour: 'a base path repeated is a 404',
    path: `${PRODUCTION_BASE}${PRODUCTION_BASE}/users/5f1c7a3e-2b4d-4c8e-9f6a-1d2e3b4c5a6f/trimble-credentials`,
    status: 404,
  },
];

describe('what no base path routes', () => {
  for (const { behaviour, path, status } of UNROUTED) {
    it(behaviour, async () => {
      const reply = await send(mockUrl, { method: 'GET', path, headers: [['authorization', 'Bearer t']] }, agent);
      expect(reply.status).toBe(status);
      expect(reply.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
      expect(JSON.parse(reply.text)).toMatchObject({ status, path });
    });
  }

  it('answers 405 with Allow under the production base path as at the local one', async () => {
    const shapes = specModel().operations;
    // A path without a PUT of its own (PUT /users is one).
    const [get] = shapes.filter(
      (shape) =>
        shape.method === 'GET' &&
        shape.basePaths.local === '' &&
        !shapes.some(({ path, method }) => path === shape.path && method === 'PUT'),
    );
    const path = `${PRODUCTION_BASE}${exampleRequest(get!).path}`;
    const reply = await send(mockUrl, { method: 'PUT', path, headers: [['authorization', 'Bearer t']] }, agent);
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toContain('GET');
  });
});

const isTemplated = (path: string) => /\{[^}]+\}/.test(path);
const matchesTemplate = (template: string, path: string) =>
  new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path);

/**
 * Each concrete path some templated path also matches (`/webhooks/failed-calls` and
 * `/webhooks/{webhookId}`), with a method only the templated one documents: OpenAPI
 * matches the concrete path first, so that method is a 405 there, not the templated
 * path's operation.
 */
const SHADOWED = specModel().operations.flatMap((concrete) => {
  if (isTemplated(concrete.path)) return [];
  const methodsOf = (path: string) =>
    specModel()
      .operations.filter((operation) => operation.path === path)
      .map((operation) => operation.method);
  const own = methodsOf(concrete.path);
  const templated = specModel().operations.filter(
    (operation) => isTemplated(operation.path) && matchesTemplate(operation.path, concrete.path),
  );
  return templated
    .filter((operation) => !own.includes(operation.method))
    .map((operation) => ({ path: fillPath(concrete), method: operation.method, allowed: own }));
});

describe('a concrete path before a templated one', () => {
  it('has a concrete path shadowing a templated one (what these cases rely on)', () => {
    expect(SHADOWED.length).toBeGreaterThan(0);
  });

  for (const { path, method, allowed } of SHADOWED) {
    it(`${method} ${path} is a 405 allowing ${allowed.join(', ')}`, async () => {
      const reply = await send(mockUrl, { method, path, headers: [['authorization', 'Bearer t']] }, agent);
      expect(reply.status, reply.text).toBe(405);
      expect(reply.headers['content-type']).toBe(PROBLEM_CONTENT_TYPE);
      expect(String(reply.headers.allow).split(', ')).toEqual(expect.arrayContaining(allowed));
      expect(JSON.parse(reply.text)).toMatchObject({ status: 405, fieldErrors: [{ field: 'method' }] });
    });
  }
});

/** The spec with the first GET's path given its own servers, as `/authenticate` has them. */
function withPathLevelServers(spec: BundledSpec, path: string): BundledSpec {
  const copy = structuredClone(spec);
  copy.paths[path] = {
    ...copy.paths[path],
    servers: [{ url: 'https://api.withleaf.io/api' }, { url: 'http://127.0.0.1:4010/api' }],
  };
  return copy;
}

describe('path-level servers', () => {
  const spec = readBundledSpec();
  const shape = specModel(spec).operations.find(
    (candidate) => candidate.method === 'GET' && candidate.basePaths.local === '',
  )!;
  const fixture = withPathLevelServers(spec, shape.path);
  const local = exampleRequest(
    specModel(fixture).operations.find((candidate) => candidate.operationId === shape.operationId)!,
  );
  let url = '';
  const server = { close: () => {} } as { close: () => void };

  beforeAll(async () => {
    const running = createMockServer(await loadOperations(fixture));
    running.listen(0, '127.0.0.1');
    await once(running, 'listening');
    url = `http://127.0.0.1:${(running.address() as AddressInfo).port}`;
    server.close = () => {
      running.closeAllConnections();
      running.close();
    };
  });
  afterAll(() => server.close());

  it("puts the example request under the servers' path", () => {
    expect(local.path.startsWith('/api/')).toBe(true);
  });

  const CASES = [
    { behaviour: 'answers under the path of its own servers (/api)', prefix: '/api', status: shape.success.status },
    { behaviour: 'is not served at the root any more', prefix: '', status: 404 },
    { behaviour: "is not served under the document's production base path", prefix: PRODUCTION_BASE, status: 404 },
  ];
  for (const { behaviour, prefix, status } of CASES) {
    it(behaviour, async () => {
      const path = prefix + local.path.slice('/api'.length);
      const reply = await send(url, asRaw(local, path), agent);
      expect(reply.status, reply.text).toBe(status);
    });
  }
});
