/**
 * Prism's mocker, loaded without faker until an answer needs it. Prism's
 * generator module requires `@faker-js/faker` at load time, and faker's entry
 * builds every locale it has: most of the mock's start-up and ~45 MB of its
 * memory (by the profile), yet faker only serves `Prefer: dynamic=true`
 * answers of schemas naming `x-faker`. So before the mocker loads, faker's
 * entry in the module cache is a stand-in whose export loads the real one
 * (through Prism's own resolution) the first time something reads from it.
 */
import Module, { createRequire } from 'node:module';
import type { IPrismComponents } from '@stoplight/prism-core';
import type { IHttpMockConfig, IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { silentLogger } from './silent-logger.js';

export type PrismMock = IPrismComponents<IHttpOperation, IHttpRequest, IHttpResponse, IHttpMockConfig>['mock'];

const require = createRequire(import.meta.url);
const GENERATOR = '@stoplight/prism-http/dist/mocker/generator/JSONSchema.js';

/** An object whose members are those of what `load()` returns, called the first time any is asked for. */
function deferred(load: () => object): object {
  let real: object | undefined;
  const actual = () => {
    real ??= load();
    return real;
  };
  return new Proxy(
    {},
    {
      get: (_, key) => {
        const value = Reflect.get(actual(), key);
        return typeof value === 'function' ? value.bind(actual()) : value;
      },
      has: (_, key) => Reflect.has(actual(), key),
      ownKeys: () => Reflect.ownKeys(actual()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(actual(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
}

/** Puts the stand-in in faker's place, unless this process has faker loaded already. */
function deferFaker(): void {
  const prismRequire = createRequire(require.resolve(GENERATOR));
  const path = prismRequire.resolve('@faker-js/faker');
  if (prismRequire.cache[path]) return;
  // The stand-in leaves the cache, so Prism's resolution loads (and caches) the real module.
  const loadReal = (): object => {
    delete prismRequire.cache[path];
    return (prismRequire(path) as { default: object }).default;
  };
  const faker = deferred(loadReal);
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = { __esModule: true, default: faker, faker };
  prismRequire.cache[path] = standIn;
}

let mocker: PrismMock | undefined;

/** Prism's mocker, loaded once, when first needed: a sandbox answers from its state and may never need it. */
export function loadMocker(): PrismMock {
  if (!mocker) {
    deferFaker();
    mocker = (require('@stoplight/prism-http/dist/mocker/index.js') as { default: PrismMock }).default;
  }
  return mocker;
}

type MockConfig = Parameters<PrismMock>[0]['config'];
type MockResult = ReturnType<ReturnType<PrismMock>>;

/** Answers made from examples, per operation and config (see mockAnswer). */
const examples = new WeakMap<IHttpOperation, Map<string, MockResult>>();

/**
 * Prism's mocker on one admitted request. An answer from the examples (not
 * `dynamic`) depends on the operation and the config alone when the config
 * names the media types and the operation has no callbacks: the request then
 * reaches Prism only for its debug log, which serialized both bodies on every
 * request (a third of the mock's time in the answer stage, by the profile). So
 * each such answer is made once; callers copy what they change.
 */
export function mockAnswer(operation: IHttpOperation, input: IHttpRequest, config: MockConfig): MockResult {
  const run = () =>
    loadMocker()({ resource: operation, input: { data: input, validations: [] }, config })(silentLogger);
  if (config.dynamic || !config.mediaTypes || operation.callbacks?.length) return run();
  let answers = examples.get(operation);
  if (!answers) {
    answers = new Map();
    examples.set(operation, answers);
  }
  const key = JSON.stringify(config);
  let answer = answers.get(key);
  if (!answer) {
    answer = run();
    answers.set(key, answer);
  }
  return answer;
}
