/**
 * Serves the built reference (dist/) over HTTP for `npm start`. The page is a
 * single self-contained file, so this only needs to hand out static files.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
// The config module alone: the docs server need not load Prism to read a port.
import { parsePort } from '@leaf-credentials/mock/config';

export const DOCS_DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));
export const DOCS_HTML_PATH = join(DOCS_DIST_DIR, 'index.html');

/** The docs' default port, and the variable that overrides it. */
export const DEFAULT_DOCS_PORT = 8080;
export const DOCS_PORT_ENV = 'DOCS_PORT';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export function docsPort(env: NodeJS.ProcessEnv = process.env): number {
  const value = env[DOCS_PORT_ENV];
  return value === undefined ? DEFAULT_DOCS_PORT : parsePort(value, DOCS_PORT_ENV);
}

export function createDocsServer(root: string = DOCS_DIST_DIR): Server {
  return createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://docs.invalid').pathname);
    } catch {
      // A malformed escape (`/%E0%A4%A`) is the client's mistake; it must not take the server down.
      response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request: malformed URL');
      return;
    }
    const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      response.writeHead(403).end('Forbidden');
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${pathname}`);
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
}
