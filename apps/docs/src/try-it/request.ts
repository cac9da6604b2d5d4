/**
 * What the Try-it panel knows about an operation (embedded in the page at
 * build time) and what it does with it: the request a reader's inputs make,
 * the loopback-only rule for targets, and the curl command for what was sent.
 * Free of Node and DOM imports: the build and the page's script both use it.
 */

/** The id of the page's JSON block holding the TryItPage. */
export const TRY_IT_DATA_ID = 'leaf-try-it-operations';

/**
 * The only hosts the panel sends to; the page's Content-Security-Policy
 * (`connect-src`) allows exactly these, on any port, and the page's own origin.
 */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'] as const;

interface TryItParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  /** The spec's example, as the text a reader would type ('' when it has none). */
  example: string;
}

export interface TryItOperation {
  operationId: string;
  summary: string;
  /** Upper case, as sent. */
  method: string;
  /** The path as the spec writes it, `{name}` placeholders included. */
  path: string;
  /** What the operation's loopback server puts in front of `path` (`/api`, or '' for none). */
  basePath: string;
  parameters: TryItParameter[];
  /** The request body's example, as formatted JSON; absent when the operation takes no body. */
  body?: string;
  /** Whether the operation wants `Authorization: Bearer <token>`. */
  bearer: boolean;
}

export interface TryItPage {
  /** The sandbox `npm start` serves: the spec's loopback server. */
  sandboxUrl: string;
  operations: TryItOperation[];
  /** The operation that trades a username and password for a token, and the response field carrying it. */
  signIn?: { operationId: string; tokenField: string };
}

/** What a reader filled in; every value is text, as typed. */
export interface TryItInput {
  target: string;
  token: string;
  parameters: Record<string, string>;
  body?: string;
}

export interface TryItRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The target as an origin when it is a loopback http(s) URL the page may call, else
 * the reason it is refused. A path after the origin is refused too: the operation
 * decides the path.
 */
export function checkTarget(target: string): { origin: string } | { refused: string } {
  let url: URL;
  try {
    url = new URL(target.trim());
  } catch {
    return { refused: `"${target}" is not a URL: write it as http://127.0.0.1:4010.` };
  }
  const allowed = LOOPBACK_HOSTS.map((host) => `http://${host}:<port>`).join(' or ');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { refused: `Only loopback targets are allowed (${allowed}); ${url.protocol} is not.` };
  }
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(url.hostname)) {
    return { refused: `Only loopback targets are allowed (${allowed}); ${url.hostname} is not one.` };
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return { refused: `Give the target as an origin alone (${url.origin}): the operation supplies the path.` };
  }
  return { origin: url.origin };
}

/** The request `input` makes for `operation`, or why it cannot be made. */
export function buildRequest(operation: TryItOperation, input: TryItInput): TryItRequest | { refused: string } {
  const target = checkTarget(input.target);
  if ('refused' in target) return target;
  let path = operation.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const value = input.parameters[parameter.name] ?? '';
    if (value === '') {
      if (parameter.required) return { refused: `${parameter.name} is required: fill it in.` };
      continue;
    }
    if (parameter.in === 'path') path = path.replaceAll(`{${parameter.name}}`, encodeURIComponent(value));
    else if (parameter.in === 'query') query.append(parameter.name, value);
    else headers[parameter.name] = value;
  }
  if (operation.bearer) {
    if (input.token.trim() === '') return { refused: 'A bearer token is required: fill one in, or sign in.' };
    headers.Authorization = `Bearer ${input.token.trim()}`;
  }
  const search = query.size > 0 ? `?${query}` : '';
  const request: TryItRequest = {
    method: operation.method,
    url: `${target.origin}${operation.basePath}${path}${search}`,
    headers,
  };
  if (operation.body !== undefined && input.body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = input.body;
  }
  return request;
}

/** One shell word: single-quoted, with each `'` closed, escaped and reopened. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The curl command that sends exactly `request`: method, URL, headers and body byte for byte. */
export function curlCommand(request: TryItRequest): string {
  const lines = [`curl -i -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== undefined) lines.push(`  --data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n');
}

/** A body for reading: JSON indented by two, anything else as it came. */
export function formatBody(text: string): string {
  if (text.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
