/**
 * The bundled document: where it is, reading it, and its plain lists (servers,
 * operations) the model (model.ts) builds on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The hand-written root document: edit this (and the files it references). In the repository only: the package ships the bundle. */
export const SPEC_PATH = fileURLToPath(new URL('../leaf-credentials.yaml', import.meta.url));

/** The bundled document this package ships (`@leaf-credentials/spec/leaf-credentials.json`): from src/ and dist/ alike, ../dist/. */
export const BUNDLED_SPEC_PATH = fileURLToPath(new URL('../dist/leaf-credentials.json', import.meta.url));

export interface OpenApiServer {
  url: string;
  description?: string;
}

/** The parts of the bundled document this repo's tooling reads directly. */
export interface BundledSpec {
  openapi: string;
  info: { title: string; version: string };
  servers: OpenApiServer[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export function readBundledSpec(path: string = BUNDLED_SPEC_PATH): BundledSpec {
  if (!existsSync(path)) {
    throw new Error(`The bundled spec ${path} does not exist yet: run \`npm run build\` first.`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as BundledSpec;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a server is on this machine (the mock's); a relative or templated URL is not. */
export function isLoopback(server: OpenApiServer): boolean {
  return URL.canParse(server.url) && LOOPBACK_HOSTS.has(new URL(server.url).hostname);
}

/**
 * The servers an operation is served from: its own `servers`, else its path's, else the
 * document's (OpenAPI's order of precedence). Without an operation, the document's.
 */
export function serversOf(spec: BundledSpec, operation?: SpecOperation): OpenApiServer[] {
  if (!operation) return spec.servers;
  const own = operation.operation.servers as OpenApiServer[] | undefined;
  const path = spec.paths[operation.path]?.servers as OpenApiServer[] | undefined;
  return own ?? path ?? spec.servers;
}

/** The first server that is not on this machine: Leaf's production API (of `operation`, if given). */
export function productionServerUrl(spec: BundledSpec = readBundledSpec(), operation?: SpecOperation): string {
  const server = serversOf(spec, operation).find((candidate) => !isLoopback(candidate));
  if (!server)
    throw new Error(`The spec lists no production server${operation ? ` for ${operation.operationId}` : ''}.`);
  return server.url;
}

/** The path an operation's loopback server adds in front of its paths (`/api`, or '' for none). */
export function localBasePath(spec: BundledSpec, operation?: SpecOperation): string {
  const server = serversOf(spec, operation).find(isLoopback);
  if (!server) throw new Error(`The spec lists no loopback server${operation ? ` for ${operation.operationId}` : ''}.`);
  return new URL(server.url).pathname.replace(/\/+$/, '');
}

/** The loopback server the spec documents for the mock: its default host and port. */
export function mockServerUrl(spec: BundledSpec = readBundledSpec()): URL {
  const server = spec.servers.find(isLoopback);
  if (!server) throw new Error('The spec lists no loopback server for the mock.');
  return new URL(server.url);
}

/** The example `leafUserId` the spec documents: what the docs, samples and `npm start` show. */
export function exampleLeafUserId(spec: BundledSpec = readBundledSpec()): string {
  const example = (spec.components.parameters?.LeafUserId as { example?: unknown } | undefined)?.example;
  if (typeof example !== 'string') throw new Error('The spec documents no example for the LeafUserId parameter.');
  return example;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface SpecOperation {
  operationId: string;
  method: (typeof HTTP_METHODS)[number];
  path: string;
  tags: string[];
  operation: Record<string, unknown>;
}

/** Every operation of the spec, in document order. */
export function listOperations(spec: BundledSpec = readBundledSpec()): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Record<string, unknown> | undefined;
      if (!operation) continue;
      operations.push({
        operationId: String(operation.operationId),
        method,
        path,
        tags: (operation.tags as string[] | undefined) ?? [],
        operation,
      });
    }
  }
  return operations;
}

/**
 * The one 2xx status `operation` documents: what it answers a valid request
 * with. Throws when it documents none, or several (this repo's tooling assumes one).
 */
export function successStatus(operation: SpecOperation): number {
  const statuses = Object.keys((operation.operation.responses as Record<string, unknown> | undefined) ?? {});
  const success = statuses.filter((status) => /^2\d\d$/.test(status));
  if (success.length !== 1) {
    const found = success.length === 0 ? 'none' : success.join(', ');
    throw new Error(
      `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}) must document exactly one 2xx response; it documents ${found}.`,
    );
  }
  return Number(success[0]);
}
