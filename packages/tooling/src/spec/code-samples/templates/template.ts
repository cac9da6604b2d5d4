/** A template writes one operation kind's sample in one language from the operation's facts. */
import type { LeafHelper } from '@leaf-credentials/spec';
import type { SampleFacts } from '../facts.js';

type Template = (facts: SampleFacts) => string;

/** One template per operation kind (`x-leaf-helper`); kinds that read the same way share one. */
export type LanguageTemplates = Record<LeafHelper, Template>;

/** Lines joined with newlines, ending with one; `undefined` lines are left out. */
export const lines = (...parts: Array<string | undefined | false>): string =>
  `${parts.filter((part): part is string => typeof part === 'string').join('\n')}\n`;
