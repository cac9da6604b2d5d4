/** The whole body of a Request, bounded: the spec's largest field is 4 KiB. */
import { type Problem, problem } from '../problem.js';

/** Bodies larger than this are refused before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const TOO_LARGE = Symbol('too large');

/** The body's stream failed (the client went away or stalled): there is no request to answer. */
export class UnreadableBodyError extends Error {
  constructor(cause: unknown) {
    super('The request body could not be read', { cause });
    this.name = 'UnreadableBodyError';
  }
}

/** The body's bytes, or TOO_LARGE once they pass MAX_BODY_BYTES (the rest is not read). */
export async function readBody(request: Request): Promise<Uint8Array | typeof TOO_LARGE> {
  if (request.body === null) return new Uint8Array(0);
  if (request.bodyUsed) throw new UnreadableBodyError(new TypeError('the body was read already'));
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw new UnreadableBodyError(error);
    });
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export function tooLargeProblem(path: string): Problem {
  const message = `larger than ${MAX_BODY_BYTES} bytes`;
  return problem('BODY_TOO_LARGE', path, `The request body is ${message}.`, [
    { objectName: 'body', field: 'body', message },
  ]);
}
