/** What the check stage refuses: header rules, Accept, the body's encoding, media type and bytes. */
import { kind, VIOLATION } from '../problem-kind.js';

export const CHECK_PROBLEMS = {
  VIOLATION,
  NOT_ACCEPTABLE: kind(406),
  UNSUPPORTED_MEDIA_TYPE: kind(415),
  HEADERS_TOO_LARGE: kind(431),
};
