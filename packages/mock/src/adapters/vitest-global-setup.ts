/**
 * Vitest global setup shared by every package whose tests talk to the mock:
 * one mock process per test run, on a free port, stopped when the run ends.
 * Tests read its URL with `inject('mockUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { startMock } from '../index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock();
  project.provide('mockUrl', mock.url);
  return () => mock.stop();
}
