/** Jest `globalTeardown`: stops the sandbox `jest-global-setup` started. */
import type { RunningSandbox } from '../index.js';
import { RUNNING_SANDBOX } from './jest-global-setup.js';

export default async function globalTeardown(): Promise<void> {
  const global = globalThis as Record<symbol, RunningSandbox | undefined>;
  await global[RUNNING_SANDBOX]?.stop();
  delete global[RUNNING_SANDBOX];
}
