/**
 * Checks `X-Leaf-Signature`: base64 of HMAC-SHA256 over the body, keyed with
 * the webhook's secret. Web Crypto only (`crypto.subtle`), so it runs in Node,
 * edge runtimes and browsers; `subtle.verify` compares in constant time.
 */
import { leafJson } from '@leaf-credentials/spec/leaf-json';

/** A body as a receiver has it: the raw text or bytes, before any JSON parsing. */
export type RawBody = string | ArrayBuffer | Uint8Array;

const SHA256_BYTES = 32;
const encoder = new TextEncoder();

/** The header's digest, or undefined when it is not base64 of 32 bytes. */
export function decodeSignature(header: string | null | undefined): Uint8Array | undefined {
  if (typeof header !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(header.trim())) return undefined;
  try {
    const binary = atob(header.trim());
    if (binary.length !== SHA256_BYTES) return undefined;
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The body's bytes, or undefined for a value that is no body. */
export function bytesOf(body: RawBody): Uint8Array | undefined {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

/** Leaf's serialization of the body's JSON, when it parses and differs from the bytes received. */
function leafSerialization(bytes: Uint8Array): Uint8Array | undefined {
  const text = new TextDecoder().decode(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const reserialized = leafJson(parsed);
  return reserialized === text ? undefined : encoder.encode(reserialized);
}

/** Web Crypto wants an ArrayBuffer-backed view. */
const view = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/**
 * Whether `signatureHeader` is Leaf's signature of `rawBody` with `secret`: over the raw bytes
 * (as Leaf's Java check does), or over Leaf's serialization of the parsed body (as its Python
 * check does). Resolves to false, never throws, for a missing or malformed header, body or secret.
 */
export async function verifyLeafSignature(
  rawBody: RawBody,
  signatureHeader: string | null | undefined,
  secret: string,
): Promise<boolean> {
  const signature = decodeSignature(signatureHeader);
  const bytes = bytesOf(rawBody);
  if (!signature || !bytes || typeof secret !== 'string' || secret === '') return false;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  if (await crypto.subtle.verify('HMAC', key, view(signature), view(bytes))) return true;
  const reserialized = leafSerialization(bytes);
  return reserialized !== undefined && crypto.subtle.verify('HMAC', key, view(signature), view(reserialized));
}
