/**
 * What the node:http adapter answers for requests its socket layer refuses
 * before any Request exists: a stall, headers past the parser's limit, an
 * unmet Expect, broken framing, CONNECT.
 */
import { kind, VIOLATION } from '../problem-kind.js';

export const SOCKET_PROBLEMS = {
  VIOLATION,
  MALFORMED: kind(400),
  METHOD_NOT_ALLOWED: kind(405),
  REQUEST_TIMEOUT: kind(408),
  EXPECTATION_FAILED: kind(417),
  HEADERS_TOO_LARGE: kind(431),
};
