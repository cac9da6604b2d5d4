/**
 * `@leaf-credentials/mock/msw`: MSW request handlers answering Leaf's
 * production URLs — each operation's production server, as the spec model
 * reads it — and the local base URL, from an in-process sandbox (or
 * mock). An app that already mocks with MSW adds Leaf in one line:
 *
 *   const sandbox = createSandbox();
 *   const server = setupServer(...leafHandlers({ sandbox }));
 */

import { type BundledSpec, specModel } from '@leaf-credentials/spec';
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

/** Each operation's production and local server URL, from the spec model, longest first (MSW takes the first match). */
export function baseUrlsOf(spec: BundledSpec): string[] {
  const urls = new Set(
    specModel(spec).operations.flatMap(({ servers }) => [servers.production, servers.local].map(withoutSlash)),
  );
  return [...urls].sort((a, b) => b.length - a.length);
}

function withoutSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
