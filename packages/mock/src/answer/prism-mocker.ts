/**
 * Prism's mocker, loaded without faker and json-schema-faker until an answer
 * needs them. Prism's generator module requires both at load time, and
 * faker's entry builds every locale it has: most of the mock's start-up and
 * ~45 MB of its memory (json-schema-faker another ~90 ms), by the profile; yet
 * they only serve `Prefer: dynamic=true`. So before the mocker loads, their
 * entries in the module cache are stand-ins that load the real modules
 * (through Prism's own resolution) the first time an answer uses them.
 */
import Module, { createRequire } from 'node:module';
import type { IPrismComponents } from '@stoplight/prism-core';
import type { IHttpMockConfig, IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import { boundDynamicBodies } from './dynamic-bounds.js';
import { silentLogger } from './silent-logger.js';

export type PrismMock = IPrismComponents<IHttpOperation, IHttpRequest, IHttpResponse, IHttpMockConfig>['mock'];

const require = createRequire(import.meta.url);
const GENERATOR = '@stoplight/prism-http/dist/mocker/generator/JSONSchema.js';

type Members = Record<PropertyKey, unknown>;

/**
 * An object whose members are those of what `load()` returns, called the first
 * time any is asked for. Calls to the `kept` methods before then (the setup
 * Prism does at load) are kept, and made on the real object once it is loaded.
 */
function deferred(load: () => Members, kept: readonly PropertyKey[] = []): object {
  let real: Members | undefined;
  const calls: Array<[PropertyKey, unknown[]]> = [];
  const actual = (): Members => {
    if (!real) {
      real = load();
      for (const [name, args] of calls) (real[name] as (...args: unknown[]) => unknown)(...args);
    }
    return real;
  };
  return new Proxy(
    {},
    {
      get: (_, key) => {
        if (!real && kept.includes(key)) return (...args: unknown[]) => void calls.push([key, args]);
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

/**
 * Puts `standIn(loadReal)`'s exports in the module cache in place of the
 * package Prism's generator requires as `name`, unless this process has it
 * loaded already. `loadReal` takes the stand-in out, so Prism's resolution
 * loads (and caches) the real module.
 */
function defer(name: string, standIn: (loadReal: () => Members) => Members): void {
  const prismRequire = createRequire(require.resolve(GENERATOR));
  const path = prismRequire.resolve(name);
  if (prismRequire.cache[path]) return;
  const loadReal = (): Members => {
    delete prismRequire.cache[path];
    return prismRequire(path) as Members;
  };
  const entry = new Module(path);
  entry.filename = path;
  entry.loaded = true;
  entry.exports = standIn(loadReal);
  prismRequire.cache[path] = entry;
}

function deferGenerators(): void {
  defer('@faker-js/faker', (loadReal) => {
    const faker = deferred(() => loadReal().default as Members);
    return { __esModule: true, default: faker, faker };
  });
  // Prism's generator sets json-schema-faker up at load: `extend` (faker) and `option` (its defaults).
  defer('json-schema-faker', (loadReal) => ({
    JSONSchemaFaker: deferred(() => loadReal().JSONSchemaFaker as Members, ['extend', 'option']),
  }));
}

let mocker: PrismMock | undefined;

/** Prism's mocker, loaded once, when first needed: a sandbox answers from its state and may never need it. */
export function loadMocker(): PrismMock {
  if (!mocker) {
    deferGenerators();
    mocker = (require('@stoplight/prism-http/dist/mocker/index.js') as { default: PrismMock }).default;
    // After Prism's own json-schema-faker options (set as its generator loads), so the bound wins.
    boundDynamicBodies();
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
