/**
 * Vitest global setup: one mock process per test run, on a free port, stopped
 * when the run ends. Tests read its URL with `inject('mockUrl')` (declare it
 * in vitest's `ProvidedContext` to type it).
 */
import type { TestProject } from 'vitest/node';
import { startMock } from '../index.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock();
  // Typed loosely: the key is the test project's to declare, not this package's.
  (project.provide as (key: string, value: string) => void)('mockUrl', mock.url);
  return () => mock.stop();
}
