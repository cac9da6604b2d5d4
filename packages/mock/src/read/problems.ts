/** What the read stage refuses: a target that is no URL path, a body too large to read. */
import { kind, VIOLATION } from '../problem-kind.js';

export const READ_PROBLEMS = {
  /** The request cannot even be read (its target, its HTTP framing). */
  MALFORMED: kind(400),
  VIOLATION,
  BODY_TOO_LARGE: kind(413),
};
