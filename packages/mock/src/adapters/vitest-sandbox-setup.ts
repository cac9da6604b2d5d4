/**
 * Vitest global setup for tests against the sandbox: one sandbox process per
 * test run (seeded with the spec's example user), on a free port, stopped when
 * the run ends. Tests read its URL with `inject('sandboxUrl')` and steer it
 * with `connectSandbox(inject('sandboxUrl'), 'my-token')`: reset(), seed(data), requests() of that token.
 */
import type { TestProject } from 'vitest/node';
import { startSandbox } from '../index.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sandbox = await startSandbox();
  // Typed loosely: the key is the test project's to declare, not this package's.
  (project.provide as (key: string, value: string) => void)('sandboxUrl', sandbox.url);
  return () => sandbox.stop();
}
