/**
 * How many lines a change adds and removes, as `git diff --stat` counts them: the shortest edit
 * script between the two line lists (Myers' O((N+M)·D) algorithm), after the common start and
 * end are set aside, so that a small change to a big file costs little.
 */
export function changedLines(before: string, after: string): { readonly added: number; readonly removed: number } {
  if (before === after) return { added: 0, removed: 0 };
  const a = before.split('\n');
  const b = after.split('\n');
  const { start, n, m } = trimCommon(a, b);
  const edits = shortestEdit(a, b, start, n, m, undefined);
  // Every edit is an insertion or a deletion; the kept lines are what both have in common.
  const kept = (n + m - edits) / 2;
  return { added: m - kept, removed: n - kept };
}

/**
 * Which line of `b` each line of `a` is kept as, in a shortest edit script from `a` to `b` (a
 * longest common subsequence): `match[i]` is the index in `b`, or -1 for a line `a` loses. The
 * matches increase with `i`. The three-way merge (write/merge/merge3.ts) lines its sides up by it.
 */
export function matchLines(a: readonly string[], b: readonly string[]): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const { start, n, m } = trimCommon(a, b);
  for (let i = 0; i < start; i++) match[i] = i;
  for (let i = start + n; i < a.length; i++) match[i] = i - a.length + b.length;
  if (n === 0 || m === 0) return match;
  const frontiers: Int32Array[] = [];
  const d = shortestEdit(a, b, start, n, m, frontiers);
  // Walk back from the end: each round's frontier says from which diagonal the path came.
  let x = n;
  let y = m;
  for (let round = d; round > 0; round--) {
    const k = x - y;
    const previous = frontiers[round - 1] as Int32Array;
    const at = (diagonal: number): number => previous[diagonal + round - 1] as number;
    const fromK = k === -round || (k !== round && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const fromX = at(fromK);
    const fromY = fromX - fromK;
    for (; x > fromX && y > fromY; x--, y--) match[start + x - 1] = start + y - 1;
    x = fromX;
    y = fromY;
  }
  for (; x > 0 && y > 0; x--, y--) match[start + x - 1] = start + y - 1;
  return match;
}

/** The common start of `a` and `b` (its length), and the lengths of what differs after it, the common end set aside. */
function trimCommon(a: readonly string[], b: readonly string[]): { start: number; n: number; m: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, n: endA - start, m: endB - start };
}

/**
 * The number of insertions and deletions that turn a[start, start+n) into b[start, start+m)
 * (Myers' greedy forward search). With `frontiers`, each round's furthest reach on its diagonals
 * -d..d is kept there, for `matchLines` to walk the path back; the count alone needs no memory.
 */
function shortestEdit(
  a: readonly string[],
  b: readonly string[],
  start: number,
  n: number,
  m: number,
  frontiers: Int32Array[] | undefined,
): number {
  if (n === 0 || m === 0) return n + m;
  const max = n + m;
  const offset = max;
  const furthest = new Int32Array(2 * max + 2);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (furthest[offset + k - 1] as number) < (furthest[offset + k + 1] as number))
          ? (furthest[offset + k + 1] as number)
          : (furthest[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      furthest[offset + k] = x;
      if (x >= n && y >= m) {
        frontiers?.push(furthest.slice(offset - d, offset + d + 1));
        return d;
      }
    }
    frontiers?.push(furthest.slice(offset - d, offset + d + 1));
  }
  return max;
}
