/**
 * After tsup: the vitest setups' type declarations also declare the key each
 * provides (`inject('mockUrl')`, `inject('sandboxUrl')` typed as string) for a
 * project that imports them. tsup's declaration build cannot augment `vitest`
 * (an optional peer), so the augmentation is appended here.
 */
import { appendFileSync } from 'node:fs';

const PROVIDED = { 'vitest-global-setup': 'mockUrl', 'vitest-sandbox-setup': 'sandboxUrl' };

for (const [entry, key] of Object.entries(PROVIDED)) {
  for (const extension of ['d.ts', 'd.cts']) {
    appendFileSync(
      new URL(`../dist/${entry}.${extension}`, import.meta.url),
      `\ndeclare module 'vitest' {\n  interface ProvidedContext {\n    ${key}: string;\n  }\n}\n`,
    );
  }
}
