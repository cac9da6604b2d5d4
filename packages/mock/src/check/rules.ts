/**
 * Checks the mock makes itself, before or around Prism, on the parts of a
 * request Prism either does not look at or would crash on: the encoding of
 * path segments, headers that may appear only once, oversized header values,
 * content and transfer codings, the Content-Type and the bytes of the body.
 * Each returns the problem to answer with, naming the header, parameter or
 * `body` at fault, or nothing. None quotes the body: it may hold a secret.
 */
import { namedProblem, type Problem, type ProblemKindName, problem } from '../problem.js';
import type { Received } from '../read/index.js';

/** One header value longer than this gets a 431 naming the header (RFC 6585). */
export const MAX_HEADER_VALUE_BYTES = 8 * 1024;

/** Headers whose repetition makes a request ambiguous (RFC 9110 §5.3). */
const SINGLETON_HEADERS = ['Authorization', 'Content-Type'];

function headerProblem(kind: ProblemKindName, path: string, header: string, message: string): Problem {
  return namedProblem(kind, path, 'header', header, message);
}

function bodyProblem(path: string, message: string): Problem {
  return problem('VIOLATION', path, `The request body ${message}`, [{ objectName: 'body', field: 'body', message }]);
}

/**
 * A templated segment such as `{leafUserId}` must be percent-decodable;
 * `operationPath` is the matched operation's template.
 */
export function checkPathEncoding(operationPath: string, requestPath: string): Problem | undefined {
  const template = operationPath.split('/');
  const actual = requestPath.split('/');
  for (const [index, segment] of template.entries()) {
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    const value = actual[index];
    if (name === undefined || value === undefined) continue;
    try {
      decodeURIComponent(value);
    } catch {
      const message = `path parameter ${name} is not valid percent-encoded UTF-8`;
      return namedProblem('VIOLATION', requestPath, 'path', name, message);
    }
  }
  return undefined;
}

/** Each header as sent: the wire's pairs when a socket kept them, else the Request's (repeats joined). */
function headerPairs({ headers, wire }: Received): Array<[string, string]> {
  const raw = wire.rawHeaders;
  if (!raw) return [...headers];
  const pairs: Array<[string, string]> = [];
  for (let index = 0; index < raw.length; index += 2) pairs.push([raw[index]!, raw[index + 1]!]);
  return pairs;
}

export function checkHeaders(received: Received): Problem | undefined {
  const { path, headers, wire } = received;
  // Node's own Host check answers with an empty 400, so the mock makes it (RFC 9112 §3.2).
  if (wire.httpVersion === '1.1' && !headers.has('host')) {
    return headerProblem('VIOLATION', path, 'Host', 'Host header: required in an HTTP/1.1 request');
  }
  const pairs = headerPairs(received);
  for (const header of SINGLETON_HEADERS) {
    const count = pairs.filter(([name]) => name.toLowerCase() === header.toLowerCase()).length;
    if (count > 1)
      return headerProblem('VIOLATION', path, header, `${header} header: sent ${count} times, allowed once`);
  }
  for (const [header, value] of pairs) {
    const size = Buffer.byteLength(value, 'latin1');
    if (size > MAX_HEADER_VALUE_BYTES) {
      return headerProblem(
        'HEADERS_TOO_LARGE',
        path,
        header,
        `${header} header: ${size} bytes, more than ${MAX_HEADER_VALUE_BYTES} allowed`,
      );
    }
  }
  return checkCodings(headers, path);
}

/** Codings the mock does not undo: it reads bodies as sent, so a compressed one is refused by name, not misread. */
function checkCodings(headers: Headers, path: string): Problem | undefined {
  const codings = (name: string) =>
    (headers.get(name) ?? '')
      .split(',')
      .map((coding) => coding.trim().toLowerCase())
      .filter((coding) => coding !== '');
  const content = codings('content-encoding').filter((coding) => coding !== 'identity');
  if (content.length > 0) {
    const message = `Content-Encoding header: ${content.join(', ')} is not supported; send the body unencoded (identity)`;
    return headerProblem('UNSUPPORTED_MEDIA_TYPE', path, 'Content-Encoding', message);
  }
  // RFC 9112 §6.1: chunked is the one transfer coding every recipient must know; the mock knows no other.
  const transfer = codings('transfer-encoding').filter((coding) => coding !== 'chunked');
  if (transfer.length > 0) {
    const message = `Transfer-Encoding header: ${transfer.join(', ')} is not supported; only chunked is`;
    return headerProblem('VIOLATION', path, 'Transfer-Encoding', message);
  }
  return undefined;
}

// RFC 9110 §8.3.1: type "/" subtype *( OWS ";" OWS [ parameter ] )
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED_STRING = '"(?:[^"\\\\]|\\\\.)*"';
const PARAMETER = `${TOKEN}=(?:${TOKEN}|${QUOTED_STRING})`;
const MEDIA_TYPE = new RegExp(`^(${TOKEN})/(${TOKEN})((?:[ \\t]*;[ \\t]*(?:${PARAMETER})?)*)[ \\t]*$`);
const PARAMETERS = new RegExp(`(${TOKEN})=(${TOKEN}|${QUOTED_STRING})`, 'g');

interface MediaType {
  /** `type/subtype`, lowercased. */
  essence: string;
  /** Parameter names lowercased, values unquoted. */
  parameters: Map<string, string>;
}

function parseMediaType(value: string): MediaType | undefined {
  const match = MEDIA_TYPE.exec(value.trim());
  if (!match) return undefined;
  const parameters = new Map<string, string>();
  for (const [, name, raw] of match[3]!.matchAll(PARAMETERS)) {
    parameters.set(name!.toLowerCase(), raw!.startsWith('"') ? raw!.slice(1, -1).replace(/\\(.)/g, '$1') : raw!);
  }
  return { essence: `${match[1]}/${match[2]}`.toLowerCase(), parameters };
}

/**
 * A 406 naming Accept when the header rules out every media type the mock
 * sends (`produced`). Each candidate takes the q of the most specific range
 * that matches it (RFC 9110 §12.5.1); a range that cannot be parsed is
 * ignored, and a header with none that can is treated as absent.
 */
export function checkAccept(
  accept: string | undefined,
  produced: readonly string[],
  path: string,
): Problem | undefined {
  if (accept === undefined) return undefined;
  const ranges = accept
    .split(',')
    .map((range) => parseMediaType(range))
    .filter((range): range is MediaType => range !== undefined)
    .map((range) => ({ ...range, q: Number(range.parameters.get('q') ?? 1) }))
    .filter((range) => Number.isFinite(range.q));
  if (ranges.length === 0) return undefined;
  const specificity = (essence: string) => (essence === '*/*' ? 0 : essence.endsWith('/*') ? 1 : 2);
  const acceptable = produced.some((mediaType) => {
    const matching = ranges
      .filter(
        ({ essence }) =>
          essence === '*/*' ||
          essence === mediaType ||
          (essence.endsWith('/*') && mediaType.startsWith(essence.slice(0, -1))),
      )
      .sort((a, b) => specificity(b.essence) - specificity(a.essence));
    return matching.length > 0 && matching[0]!.q > 0;
  });
  if (acceptable) return undefined;
  const wanted = ranges.map(({ essence, q }) => (q === 1 ? essence : `${essence};q=${q}`)).join(', ');
  return headerProblem(
    'NOT_ACCEPTABLE',
    path,
    'Accept',
    `Accept header: ${wanted} rules out what this API sends (${produced.join(', ')})`,
  );
}

const JSON_ESSENCE = /^application\/(?:[\w.-]+\+)?json$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface ParsedBody {
  /** What Prism validates: the parsed JSON, text, or nothing. */
  body?: unknown;
  /** The canonical media type to hand Prism, when there is a body. */
  contentType?: string;
  problem?: Problem;
}

/**
 * Reads `raw` as the operation declares: `accepted` lists its request media
 * types, or is undefined when it takes no body at all.
 */
export function parseRequestBody(
  raw: Uint8Array,
  contentType: string | undefined,
  accepted: readonly string[] | undefined,
  path: string,
): ParsedBody {
  if (raw.length === 0) return {};
  if (accepted === undefined)
    return { problem: bodyProblem(path, 'must be empty: this operation takes no request body') };

  const expected = accepted.join(' or ');
  if (contentType === undefined) {
    return {
      problem: headerProblem(
        'UNSUPPORTED_MEDIA_TYPE',
        path,
        'Content-Type',
        `Content-Type header: missing; send the body as ${expected}`,
      ),
    };
  }
  const mediaType = parseMediaType(contentType);
  if (!mediaType) {
    return {
      problem: headerProblem(
        'UNSUPPORTED_MEDIA_TYPE',
        path,
        'Content-Type',
        `Content-Type header: not a media type; send ${expected}`,
      ),
    };
  }
  if (!accepted.includes(mediaType.essence)) {
    return {
      problem: headerProblem(
        'UNSUPPORTED_MEDIA_TYPE',
        path,
        'Content-Type',
        `Content-Type header: ${mediaType.essence} is not supported; send ${expected}`,
      ),
    };
  }
  const charset = mediaType.parameters.get('charset');
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8') {
    return {
      problem: headerProblem(
        'UNSUPPORTED_MEDIA_TYPE',
        path,
        'Content-Type',
        `Content-Type header: charset must be utf-8, not ${charset}`,
      ),
    };
  }

  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    return { problem: bodyProblem(path, 'is not valid UTF-8') };
  }
  if (!JSON_ESSENCE.test(mediaType.essence)) return { body: text, contentType: mediaType.essence };
  try {
    return { body: JSON.parse(text), contentType: mediaType.essence };
  } catch (error) {
    // JSON.parse's message may quote the text around the error, which may be a secret: say where, not what.
    return { problem: bodyProblem(path, `is not valid JSON${whereJsonFailed(text, error as Error)}`) };
  }
}

/** Where JSON.parse stopped, as a line and column, when its message says; never the text there. */
function whereJsonFailed(text: string, error: Error): string {
  if (/end of JSON input/.test(error.message)) return ' (it ends too soon)';
  const at = /at position (\d+)/.exec(error.message)?.[1];
  if (at === undefined) return '';
  const lines = text.slice(0, Number(at)).split('\n');
  return ` (line ${lines.length}, column ${lines.at(-1)!.length + 1})`;
}
