/**
 * What a client may ask of the mock beyond the request itself: a documented
 * response through `Prefer` (as with Prism's CLI), a media type through
 * `Accept`, and HEAD, answered like GET without the body.
 */

import { listOperations, type OperationModel, specModel } from '@leaf-credentials/spec';
import { createResponseValidator } from '@leaf-credentials/spec/validate';
import { describe, expect, inject, it } from 'vitest';
import { exampleRequest } from '../../src/example-requests.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../src/problem.js';
import { ACCEPTABLE, UNACCEPTABLE } from '../support/bad-requests.js';

const mockUrl = inject('mockUrl');
const shapes = specModel().operations;
const validator = createResponseValidator();
const gets = shapes.filter((shape) => shape.method === 'GET');
const create = shapes.find((shape) => shape.requestBody)!;

/**
 * Each documented error response once, sent to the first operation documenting it. Providers
 * share their error responses (`components/responses`), so a call per distinct response covers
 * every operation's errors while the test's time stays flat as providers are added (generating a
 * body takes Prism up to a second).
 */
const distinctErrors = (() => {
  const first = new Map<string, { shape: OperationModel; code: number }>();
  for (const { operationId, operation } of listOperations()) {
    const shape = shapes.find((candidate) => candidate.operationId === operationId)!;
    for (const [code, response] of Object.entries(operation.responses as Record<string, unknown>)) {
      const key = `${code} ${JSON.stringify(response)}`;
      if (/^[45]\d\d$/.test(code) && !first.has(key)) first.set(key, { shape, code: Number(code) });
    }
  }
  return [...first.values()];
})();

/** The spec's example request to `shape`, with `headers` added. */
async function call(shape: OperationModel, headers: Record<string, string> = {}, method = shape.method) {
  const example = exampleRequest(shape);
  const response = await fetch(new URL(example.path, mockUrl), {
    method,
    headers: { ...example.headers, ...headers },
    body: method === 'HEAD' ? undefined : example.body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : undefined };
}

function expectDocumented(shape: OperationModel, reply: Awaited<ReturnType<typeof call>>): void {
  const check = validator.check(shape.method, shape.path, reply.status, reply.headers.get('content-type'), reply.body);
  expect(check.errors, reply.text).toEqual([]);
}

function expectNamed(reply: Awaited<ReturnType<typeof call>>, status: number, header: string): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  const problem = reply.body as Problem;
  expect(problem.detail).toContain(header);
  expect(problem.fieldErrors).toContainEqual(expect.objectContaining({ objectName: 'header', field: header }));
}

describe('Prefer picks a documented response', () => {
  // Every operation that documents a 404 (authenticate does not: it has no resource to miss).
  const with404 = shapes.filter((shape) => shape.documentedStatuses.includes(404));
  it.each(with404.map((shape) => [shape.operationId, shape] as const))(
    '%s: code=404 gets the spec’s 404 problem',
    async (_, shape) => {
      const reply = await call(shape, { prefer: 'code=404' });
      expect(reply.status).toBe(404);
      expect(reply.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
      expect(reply.headers.get('preference-applied')).toBe('code=404');
      expectDocumented(shape, reply);
    },
  );

  it('example=default names the example the success response already uses', async () => {
    const [shape] = gets;
    const plain = await call(shape!);
    const preferred = await call(shape!, { prefer: 'example=default' });
    expect(preferred.status).toBe(200);
    expect(preferred.body).toEqual(plain.body);
    expect(preferred.headers.get('preference-applied')).toBe('example=default');
  });

  // Once per operation, each its own test: generating an events page takes Prism most of a
  // second, so one loop over every provider's operations would outgrow a test's time limit.
  it.each([...gets, create].map((shape) => [shape.operationId, shape] as const))(
    '%s: dynamic=true generates a body the spec allows',
    async (_, shape) => {
      const reply = await call(shape, { prefer: 'dynamic=true' });
      expect(reply.status).toBe(shape.success.status);
      expect(reply.headers.get('preference-applied')).toBe('dynamic=true');
      expectDocumented(shape, reply);
    },
  );

  it.each(distinctErrors.map(({ shape, code }) => [shape.operationId, code, shape] as const))(
    '%s code=%i, dynamic=true generates a problem whose status is the one sent',
    async (_, code, shape) => {
      // The schema allows any status from 400 to 599, so a problem generated for another status cannot pass.
      const prefer = `code=${code}, dynamic=true`;
      const reply = await call(shape, { prefer });
      expect(reply.status, `${shape.operationId} ${prefer}`).toBe(code);
      expect(reply.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
      expect((reply.body as Problem).status, `${shape.operationId} ${prefer}`).toBe(code);
      expectDocumented(shape, reply);
    },
  );

  it('takes several preferences in one header, and ignores ones it does not know', async () => {
    const reply = await call(create, { prefer: 'return=minimal, code=415; example=default' });
    expect(reply.status).toBe(415);
    expect(reply.headers.get('preference-applied')).toBe('code=415, example=default');
    expectDocumented(create, reply);
    expect((await call(create, { prefer: 'respond-async, wait=5' })).status).toBe(create.success.status);
  });

  it('answers an undocumented code or example with 404, and an unreadable one with 422, naming Prefer', async () => {
    const [shape] = gets;
    expectNamed(await call(shape!, { prefer: 'code=418' }), 404, 'Prefer');
    expectNamed(await call(shape!, { prefer: 'example=nope' }), 404, 'Prefer');
    expectNamed(await call(shape!, { prefer: 'code=4o4' }), 422, 'Prefer');
    expectNamed(await call(shape!, { prefer: 'dynamic=maybe' }), 422, 'Prefer');
  });

  it('applies only to a valid request: an invalid one still gets its own problem', async () => {
    const [shape] = gets;
    const reply = await call(shape!, { prefer: 'code=404', authorization: 'Basic x' });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('preference-applied')).toBeNull();
  });
});

describe('Accept', () => {
  it.each(ACCEPTABLE)('%s gets the documented success', async (accept) => {
    for (const shape of [gets[0]!, create]) expect((await call(shape, { accept })).status).toBe(shape.success.status);
  });

  it.each(UNACCEPTABLE)('%s gets a 406 naming Accept', async (accept) => {
    for (const shape of [gets[0]!, create]) expectNamed(await call(shape, { accept }), 406, 'Accept');
  });
});

describe('HEAD', () => {
  it.each(gets.map((shape) => [shape.operationId, shape] as const))(
    '%s: answered like GET, without the body',
    async (_, shape) => {
      const get = await call(shape);
      const head = await call(shape, {}, 'HEAD');
      expect(head.status).toBe(get.status);
      expect(head.text).toBe('');
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
      expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(get.text)));
    },
  );

  it('checks the request like GET: no token is a 401', async () => {
    const head = await call(gets[0]!, { authorization: '' }, 'HEAD');
    expect(head.status).toBe(401);
    expect(head.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('is listed in Allow where GET is', async () => {
    // A path without a PUT of its own (PUT /users is one).
    const get = gets.find((shape) => !shapes.some(({ path, method }) => path === shape.path && method === 'PUT'));
    const reply = await call(get!, {}, 'PUT');
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toContain('HEAD');
  });
});
