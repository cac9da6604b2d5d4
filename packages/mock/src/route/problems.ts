/** What the route stage answers: no operation has the path, or none has it with this method. */
import { kind } from '../problem-kind.js';

export const ROUTE_PROBLEMS = {
  NOT_FOUND: kind(404),
  METHOD_NOT_ALLOWED: kind(405),
};
