/**
 * The spec model's rules, each on a small document made for the case, then
 * what it reads from the real bundled spec (sign-in's own server, paging,
 * token lifetimes).
 */
import { describe, expect, it } from 'vitest';
import { type BundledSpec, exampleOf, readBundledSpec, specModel } from '../src/index.js';

type Json = Record<string, unknown>;

const SERVERS = [{ url: 'https://api.example.com/v1' }, { url: 'http://127.0.0.1:4010' }];

/** A document with one tag per entry of `tags`, and `operations` under `/things` (get, post, ...). */
function documentWith(operations: Record<string, Json>, extra: Json = {}): BundledSpec {
  return {
    openapi: '3.1.0',
    info: { title: 'test', version: '1.0.0' },
    servers: SERVERS,
    security: [{ bearerAuth: [] }],
    tags: [{ name: 'Things', 'x-leaf-provider': 'things' }],
    paths: {
      '/things': Object.fromEntries(
        Object.entries(operations).map(([method, operation], index) => [
          method,
          {
            operationId: `op${index}`,
            'x-leaf-helper': ['get', 'create', 'delete', 'events', 'status'][index],
            tags: ['Things'],
            responses: { '200': { description: 'ok' } },
            ...operation,
          },
        ]),
      ),
    },
    components: {},
    ...extra,
  } as BundledSpec;
}

const only = (operation: Json, extra: Json = {}) => specModel(documentWith({ get: operation }, extra)).operations[0]!;

describe('security: the operation replaces the document; [] or an empty requirement allows anonymous', () => {
  const cases: Array<{ name: string; root?: unknown; own?: unknown; required: boolean; schemes: string[] }> = [
    { name: 'the document requires a bearer token', required: true, schemes: ['bearerAuth'] },
    { name: 'the operation says security: []', own: [], required: false, schemes: [] },
    { name: 'the operation says security: [{}]', own: [{}], required: false, schemes: [] },
    {
      name: 'the operation allows anonymous or a token',
      own: [{}, { bearerAuth: [] }],
      required: false,
      schemes: ['bearerAuth'],
    },
    { name: 'the operation names its own scheme', own: [{ apiKey: [] }], required: true, schemes: ['apiKey'] },
    { name: 'neither states security', root: null, required: false, schemes: [] },
    { name: 'the document says [{}]', root: [{}], required: false, schemes: [] },
  ];
  it.each(cases)('$name', ({ root, own, required, schemes }) => {
    const extra = root === undefined ? {} : root === null ? { security: undefined } : { security: root };
    const { security } = only(own === undefined ? {} : { security: own }, extra);
    expect(security).toEqual({ required, anonymous: !required, schemes });
  });
});

describe('examples: example, then the first of examples, at the media type then at its schema', () => {
  const schema = (extra: Json = {}) => ({ type: 'object', ...extra });
  const cases: Array<{ name: string; media: Json; expected: unknown }> = [
    {
      name: 'the media type example wins over everything',
      media: { example: 'a', examples: { b: { value: 'b' } }, schema: schema({ example: 'c', examples: ['d'] }) },
      expected: 'a',
    },
    {
      name: 'else the first named media type example',
      media: { examples: { b: { value: 'b' }, e: { value: 'e' } }, schema: schema({ example: 'c' }) },
      expected: 'b',
    },
    {
      name: "else the schema's example",
      media: { schema: schema({ example: 'c', examples: ['d'] }) },
      expected: 'c',
    },
    {
      name: "else the first of the schema's examples",
      media: { schema: schema({ examples: ['d', 'f'] }) },
      expected: 'd',
    },
    {
      name: 'an empty examples map falls through to the schema',
      media: { examples: {}, schema: schema({ examples: ['d'] }) },
      expected: 'd',
    },
    { name: 'none at all', media: { schema: schema() }, expected: undefined },
    {
      name: 'a $ref to a named example is followed',
      media: { examples: { shared: { $ref: '#/components/examples/Shared' } }, schema: schema() },
      expected: 'shared',
    },
    {
      name: 'a falsy example is still the example',
      media: { example: 0, schema: schema({ example: 1 }) },
      expected: 0,
    },
  ];
  it.each(cases)('request body: $name', ({ media, expected }) => {
    const operation = only(
      { requestBody: { required: true, content: { 'application/json': media } } },
      { components: { examples: { Shared: { value: 'shared' } } } },
    );
    expect(operation.requestBody?.example).toEqual(expected);
  });

  it.each(cases.filter((testCase) => !JSON.stringify(testCase.media).includes('$ref')))(
    'exampleOf on the same holder: $name',
    ({ media, expected }) => {
      expect(exampleOf(media)).toEqual(expected);
    },
  );

  it('reads a parameter the same way: its example, its first named example, then its schema', () => {
    const parameters = [
      { name: 'a', in: 'query', example: 1, schema: { type: 'integer', example: 2 } },
      { name: 'b', in: 'query', examples: { x: { value: 3 } }, schema: { type: 'integer', example: 4 } },
      { name: 'c', in: 'query', schema: { type: 'integer', examples: [5] } },
    ];
    expect(only({ parameters }).parameters.map((parameter) => parameter.example)).toEqual([1, 3, 5]);
  });
});

describe('servers: the operation, else its path, else the document', () => {
  const pathServers = [{ url: 'https://api.example.com/path' }, { url: 'http://127.0.0.1:4010/path' }];
  const ownServers = [{ url: 'https://auth.example.com/api/' }, { url: 'http://localhost:4010/api' }];
  const cases: Array<{
    name: string;
    path?: unknown;
    own?: unknown;
    production: string;
    local: string;
    own_: boolean;
  }> = [
    { name: "the document's", production: '/v1', local: '', own_: false },
    { name: "the path's", path: pathServers, production: '/path', local: '/path', own_: true },
    {
      name: "the operation's, over its path's",
      path: pathServers,
      own: ownServers,
      production: '/api',
      local: '/api',
      own_: true,
    },
  ];
  it.each(cases)('$name', ({ path, own, production, local, own_ }) => {
    const spec = documentWith({ get: own === undefined ? {} : { servers: own } });
    if (path !== undefined) spec.paths['/things']!.servers = path;
    const operation = specModel(spec).operations[0]!;
    expect(operation.basePaths).toEqual({ production, local });
    expect(operation.ownServers).toBe(own_);
    expect(operation.allBasePaths).toEqual([...new Set([production, local])]);
  });

  it('names the operation when it has no loopback server', () => {
    expect(() => only({ servers: [{ url: 'https://api.example.com' }] })).toThrow("op0's servers list no loopback");
  });
});

describe('resources: a tag is a provider (x-leaf-provider), another resource (x-leaf-resource) or a plain tag', () => {
  const tags = [
    { name: 'Sign-in' },
    { name: 'Acme', 'x-displayName': 'Acme credentials', 'x-leaf-provider': 'acme' },
    { name: 'Farms', 'x-leaf-resource': 'farms' },
  ];
  const spec = {
    ...documentWith({}),
    tags,
    paths: {
      '/a': {
        get: { operationId: 'signIn', 'x-leaf-helper': 'authenticate', tags: ['Sign-in'], responses: { '200': {} } },
      },
      '/b': { get: { operationId: 'getAcme', 'x-leaf-helper': 'get', tags: ['Acme'], responses: { '200': {} } } },
      '/c': {
        delete: { operationId: 'deleteFarm', 'x-leaf-helper': 'delete', tags: ['Farms'], responses: { '204': {} } },
      },
    },
  } as BundledSpec;

  it.each([
    {
      tag: 'Sign-in',
      kind: 'tag',
      property: undefined,
      displayName: 'Sign-in',
      operations: { authenticate: 'signIn' },
    },
    {
      tag: 'Acme',
      kind: 'provider',
      property: 'acme',
      displayName: 'Acme credentials',
      operations: { get: 'getAcme' },
    },
    { tag: 'Farms', kind: 'resource', property: 'farms', displayName: 'Farms', operations: { delete: 'deleteFarm' } },
  ])('$tag is a $kind', (expected) => {
    const resource = specModel(spec).resources.find((candidate) => candidate.tag === expected.tag);
    expect(resource).toEqual(expected.property === undefined ? { ...expected, property: undefined } : expected);
    expect(specModel(spec).operation(Object.values(expected.operations)[0]!).resource).toBe(resource);
  });

  const broken: Array<{ name: string; change: (copy: BundledSpec) => void; error: string }> = [
    {
      name: 'an operation with two tags',
      change: (copy) => ((copy.paths['/b']!.get as Json).tags = ['Acme', 'Farms']),
      error: 'getAcme has 2 declared tags',
    },
    {
      name: 'a resource with two operations of one helper kind',
      change: (copy) => {
        const deleteFarm = copy.paths['/c']!.delete as Json;
        deleteFarm.tags = ['Acme'];
        deleteFarm['x-leaf-helper'] = 'get';
      },
      error: 'Acme has two "get" operations: getAcme and deleteFarm',
    },
    {
      name: 'an unknown helper kind',
      change: (copy) => ((copy.paths['/b']!.get as Json)['x-leaf-helper'] = 'fetch'),
      error: 'getAcme must state its helper',
    },
    {
      name: 'a tag that is both a provider and a resource',
      change: (copy) => ((copy.tags as Json[])[2]!['x-leaf-provider'] = 'farms'),
      error: 'Farms states both',
    },
  ];
  it.each(broken)('refuses $name, naming it', ({ change, error }) => {
    const copy = structuredClone(spec);
    change(copy);
    expect(() => specModel(copy)).toThrow(error);
  });
});

describe('parameters and paging', () => {
  const page = { name: 'page', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 9, default: 0 } };
  const size = { name: 'size', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } };

  it.each([
    {
      name: 'page and size',
      parameters: [page, size],
      paging: { page: { default: 0, minimum: 0, maximum: 9 }, size: { default: 10, minimum: 1, maximum: 50 } },
    },
    {
      name: 'size alone (page from 0)',
      parameters: [size],
      paging: { page: { default: 0, minimum: 0 }, size: { default: 10, minimum: 1, maximum: 50 } },
    },
    { name: 'page alone is no paged list', parameters: [page], paging: undefined },
    {
      name: 'size without a default is no paged list',
      parameters: [{ ...size, schema: { type: 'integer' } }],
      paging: undefined,
    },
  ])('$name', ({ parameters, paging }) => {
    expect(only({ parameters }).paging).toEqual(paging);
  });

  it("puts the path's parameters first and lets the operation's replace one of the same name", () => {
    const spec = documentWith({
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }, size],
      },
    });
    spec.paths['/things']!.parameters = [
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { $ref: '#/components/parameters/Page' },
    ];
    spec.components.parameters = { Page: page };
    const { parameters } = specModel(spec).operations[0]!;
    expect(parameters.map(({ name, in: where, schema }) => [name, where, schema.format])).toEqual([
      ['id', 'path', 'uuid'],
      ['page', 'query', undefined],
      ['size', 'query', undefined],
    ]);
    expect(parameters[2]).toMatchObject({ required: false, default: 10 });
  });
});

describe('responses', () => {
  it.each([
    {
      name: 'a 201 with a JSON body',
      responses: { '201': { content: { 'application/json': { schema: { type: 'object' } } } }, '400': {}, '401': {} },
      status: 201,
      body: true,
      errors: [400, 401],
    },
    {
      name: 'a 204 without one',
      responses: { '204': { description: 'gone' }, '404': {} },
      status: 204,
      body: false,
      errors: [404],
    },
    {
      name: 'a problem+json error is not a success body',
      responses: { '200': {}, default: {}, '500': {} },
      status: 200,
      body: false,
      errors: [500],
    },
  ])('$name', ({ responses, status, body, errors }) => {
    const { success, errorStatuses } = only({ responses });
    expect(success.status).toBe(status);
    expect(success.body !== undefined).toBe(body);
    expect(errorStatuses).toEqual(errors);
  });

  it('refuses an operation with two successes', () => {
    expect(() => only({ responses: { '200': {}, '201': {} } })).toThrow('must document exactly one 2xx');
  });
});

describe('token lifetimes', () => {
  it.each([
    { name: 'stated', extension: { rememberMe: 60, otherwise: 30 }, expected: { rememberMe: 60, otherwise: 30 } },
    { name: 'not a number', extension: { rememberMe: '60', otherwise: 30 }, error: 'must be { rememberMe' },
    { name: 'stated nowhere', extension: undefined, error: 'Exactly one operation' },
  ])('$name', ({ extension, expected, error }) => {
    const read = () =>
      specModel(documentWith({ post: { 'x-leaf-token-lifetime-seconds': extension } })).tokenLifetimes();
    if (error) expect(read).toThrow(error);
    else expect(read()).toEqual(expected);
  });
});

describe('the bundled spec', () => {
  const model = specModel(readBundledSpec());
  const signIn = model.operations.find((operation) => operation.helper === 'authenticate')!;

  it('is read once per document, and the shipped file once', () => {
    expect(specModel(model.spec)).toBe(model);
    expect(specModel()).toBe(specModel());
  });

  it.each([
    { method: 'post', path: '/authenticate', found: 'authenticate' },
    { method: 'GET', path: '/users/{leafUserId}/trimble-credentials', found: 'getTrimbleCredentials' },
    { method: 'PUT', path: '/users/{leafUserId}/trimble-credentials', found: undefined },
    { method: 'GET', path: '/users/x/trimble-credentials', found: undefined },
  ])('finds $method $path by its route: $found', ({ method, path, found }) => {
    expect(model.operationAt(method, path)?.operationId).toBe(found);
  });

  it('serves sign-in from its own /api server, without a token, with the lifetimes it states', () => {
    expect(signIn).toMatchObject({
      method: 'POST',
      basePaths: { production: '/api', local: '/api' },
      ownServers: true,
      security: { required: false, anonymous: true },
      resource: { kind: 'tag' },
    });
    expect(model.tokenLifetimes()).toEqual({ rememberMe: 30 * 24 * 60 * 60, otherwise: 24 * 60 * 60 });
    expect(signIn.requestBody?.example).toMatchObject({ rememberMe: 'true' });
  });

  it('pages every events list with Leaf paging: page from 0, size 20 up to 100', () => {
    const lists = model.operations.filter((operation) => operation.helper === 'events');
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(list.paging, list.operationId).toEqual({
        page: { default: 0, minimum: 0, maximum: 2147483647 },
        size: { default: 20, minimum: 1, maximum: 100 },
      });
    }
  });

  it("secures every provider's operation with the bearer token, under the document's servers", () => {
    for (const operation of model.operations.filter((candidate) => candidate.resource.kind === 'provider')) {
      expect(operation.security, operation.operationId).toEqual({
        required: true,
        anonymous: false,
        schemes: ['bearerAuth'],
      });
      expect(operation.ownServers, operation.operationId).toBe(false);
      expect(operation.allBasePaths).toEqual(['/services/usermanagement/api', '']);
    }
  });
});
