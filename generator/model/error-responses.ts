import type { ErrorResponseModel, OperationModel } from './model.js';

/**
 * The error bodies an operation declares for the statuses `matches` accepts: those of a status
 * code it names (`404`), else of a range that holds one (`4XX`), else its `default`. The one
 * rule the typed error classes and the mock's error answers both follow.
 */
export function declaredErrors(
  operation: Pick<OperationModel, 'errors'>,
  matches: (status: number) => boolean,
): ErrorResponseModel[] {
  const own = operation.errors.filter((e) => /^\d+$/.test(e.status) && matches(Number(e.status)));
  if (own.length > 0) return own;
  const ranged = operation.errors.filter((e) => /^[45]XX$/.test(e.status) && rangeMatches(matches, e.status));
  if (ranged.length > 0) return ranged;
  // Statuses are kept upper-cased (`4XX`, `DEFAULT`), whatever case the spec wrote.
  return operation.errors.filter((e) => e.status === 'DEFAULT');
}

/** Per matcher, whether it accepts a status of each range: asked once per operation (Graph: 11,422 of them). */
const rangesMatched = new WeakMap<(status: number) => boolean, Map<string, boolean>>();

/** Whether `matches` accepts any status of the range `4XX` or `5XX`. */
function rangeMatches(matches: (status: number) => boolean, range: string): boolean {
  let known = rangesMatched.get(matches);
  if (known === undefined) {
    known = new Map();
    rangesMatched.set(matches, known);
  }
  let answer = known.get(range);
  if (answer === undefined) {
    answer = Array.from({ length: 100 }, (_, n) => Number(range[0]) * 100 + n).some(matches);
    known.set(range, answer);
  }
  return answer;
}
