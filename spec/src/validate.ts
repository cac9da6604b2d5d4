/**
 * Checks a response against what the spec says that operation answers with
 * that status: used by the contract tests, the fuzzer and the sample runner.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { escapePointerSegment, locateRef } from './json-pointer.js';
import { type BundledSpec, readBundledSpec } from './spec.js';

interface MediaType {
  schema?: unknown;
}

interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}

export interface ResponseCheck {
  ok: boolean;
  errors: string[];
}

export interface ResponseValidator {
  /** Is `body` (sent as `contentType`) what `method path` documents for `status`? */
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): ResponseCheck;
}

export function createResponseValidator(spec: BundledSpec = readBundledSpec()): ResponseValidator {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; `example` and `x-*` are annotations.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  ajv.addSchema(spec as object, 'spec');
  const compiled = new Map<string, ValidateFunction>();

  return {
    check(method, path, status, contentType, body) {
      const operation = spec.paths[path]?.[method.toLowerCase()] as
        | { responses?: Record<string, ResponseObject> }
        | undefined;
      if (!operation) return { ok: false, errors: [`${method} ${path} is not in the spec`] };
      const documented = operation.responses?.[String(status)];
      if (!documented) return { ok: false, errors: [`${method} ${path} does not document status ${status}`] };
      // A shared response (`$ref: '#/components/responses/...'`) is checked against that one's schema.
      const { node, ref } = locateRef(spec, documented);
      const response = node as ResponseObject;
      if (!response.content) {
        return body === undefined || body === null || body === ''
          ? { ok: true, errors: [] }
          : { ok: false, errors: [`status ${status} has no body in the spec, but one was sent`] };
      }
      const mediaType = (contentType ?? '').split(';')[0]!.trim();
      if (!(mediaType in response.content)) {
        return {
          ok: false,
          errors: [`content type "${mediaType}" is not one of ${Object.keys(response.content).join(', ')}`],
        };
      }
      const pointer = `spec#/paths/${refToken(path)}/${method.toLowerCase()}/responses/${status}`;
      const key = `${pointer}|${mediaType}`;
      let validate = compiled.get(key);
      if (!validate) {
        const responsePointer = ref === undefined ? pointer : `spec${ref}`;
        validate = ajv.compile({ $ref: `${responsePointer}/content/${refToken(mediaType)}/schema` });
        compiled.set(key, validate);
      }
      const ok = validate(body) as boolean;
      return {
        ok,
        errors: (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message}`),
      };
    },
  };
}

/** JSON Pointer escaping of one reference token (RFC 6901), URI-encoded for a $ref. */
function refToken(token: string): string {
  return encodeURIComponent(escapePointerSegment(token));
}
