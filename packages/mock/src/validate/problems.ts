/** What the validate stage refuses: who you are (401), then what the request says (400 per field). */
import { kind, VIOLATION } from '../problem-kind.js';

export const VALIDATE_PROBLEMS = {
  VIOLATION,
  UNAUTHORIZED: kind(401),
  UNSUPPORTED_MEDIA_TYPE: kind(415),
};
