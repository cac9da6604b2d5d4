/**
 * vitest.temp-dir.ts: a test run's temp files go to one directory of that run,
 * removed when it ends, so no test can leave files behind on the machine.
 */

import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

describe("a test run's temp dir", () => {
  it('is a directory of this run, not the shared OS temp dir', () => {
    expect(basename(tmpdir())).toMatch(/^leaf-test-run-/);
  });
});
