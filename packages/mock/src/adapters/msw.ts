/**
 * `@leaf-credentials/mock/msw`: MSW request handlers answering Leaf's
 * production URLs — every server the spec names, at document, path or
 * operation level — and the local base URL, from an in-process sandbox (or
 * mock). An app that already mocks with MSW adds Leaf in one line:
 *
 *   const sandbox = createSandbox();
 *   const server = setupServer(...leafHandlers({ sandbox }));
 */

import type { BundledSpec } from '@leaf-credentials/spec';
import { http } from 'msw';
import { loadSpec } from '../spec.js';
import { createSandbox, type InProcessMock } from './fetch.js';

export interface LeafHandlersOptions {
  /** What answers: an in-process sandbox or mock (`createSandbox()`, `createMock()`); default: a fresh sandbox. */
  sandbox?: InProcessMock;
}

/** One MSW handler per base URL the spec serves from, each handing the request to the in-process handler. */
export function leafHandlers(options: LeafHandlersOptions = {}) {
  const answering = options.sandbox ?? createSandbox();
  return baseUrlsOf(loadSpec()).map((base) => http.all(`${base}/*`, ({ request }) => answering.handler(request)));
}

/** Every server URL the spec names, without a trailing slash, longest first (MSW takes the first match). */
export function baseUrlsOf(spec: BundledSpec): string[] {
  const urls = new Set<string>();
  const add = (servers: unknown) => {
    for (const server of (servers as Array<{ url: string }> | undefined) ?? [])
      urls.add(server.url.replace(/\/+$/, ''));
  };
  add(spec.servers);
  for (const pathItem of Object.values(spec.paths)) {
    add(pathItem.servers);
    for (const operation of Object.values(pathItem)) {
      if (operation !== null && typeof operation === 'object' && !Array.isArray(operation))
        add((operation as { servers?: unknown }).servers);
    }
  }
  return [...urls].sort((a, b) => b.length - a.length);
}
