/**
 * Jest `globalSetup`: one sandbox process per test run, on a free port. Tests
 * read its URL from `process.env.LEAF_SANDBOX_URL` (workers start after this
 * runs, so they inherit it); `jest-global-teardown` stops it.
 *
 *   // jest.config.js
 *   module.exports = {
 *     globalSetup: '@leaf-credentials/mock/jest-global-setup',
 *     globalTeardown: '@leaf-credentials/mock/jest-global-teardown',
 *   };
 */
import { type RunningSandbox, startSandbox } from '../index.js';

/** The environment variable tests read the sandbox's URL from. */
export const SANDBOX_URL_ENV = 'LEAF_SANDBOX_URL';

/** Where setup leaves the running sandbox for teardown: both run in jest's main process. */
export const RUNNING_SANDBOX = Symbol.for('@leaf-credentials/mock/jest-sandbox');

export default async function globalSetup(): Promise<void> {
  const sandbox = await startSandbox();
  (globalThis as Record<symbol, RunningSandbox>)[RUNNING_SANDBOX] = sandbox;
  process.env[SANDBOX_URL_ENV] = sandbox.url;
}
