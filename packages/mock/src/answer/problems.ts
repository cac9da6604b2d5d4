/**
 * What the answer stage answers with besides success: a `Prefer` it cannot
 * meet, and the sandbox store's refusals (its 401/403/404/409, a state it
 * cannot keep), and the mock failing itself.
 */
import { kind, VIOLATION } from '../problem-kind.js';

export const ANSWER_PROBLEMS = {
  VIOLATION,
  UNAUTHORIZED: kind(401),
  FORBIDDEN: kind(403),
  NOT_FOUND: kind(404),
  CONFLICT: kind(409),
  UNREADABLE_PREFERENCE: kind(422),
  MOCK_FAILURE: kind(500),
  /** The sandbox could not keep a change (its state file cannot be written): the change was undone. */
  STATE_NOT_KEPT: kind(503),
};
