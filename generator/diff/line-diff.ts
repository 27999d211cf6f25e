/**
 * How many lines a change adds and removes, as `git diff --stat` counts them: the shortest edit
 * script between the two line lists (Myers' O((N+M)·D) algorithm), after the common start and
 * end are set aside, so that a small change to a big file costs little.
 */
export function changedLines(before: string, after: string): { readonly added: number; readonly removed: number } {
  if (before === after) return { added: 0, removed: 0 };
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const edits = editDistance(a, b, start, n, m);
  // Every edit is an insertion or a deletion; the kept lines are what both have in common.
  const kept = (n + m - edits) / 2;
  return { added: m - kept, removed: n - kept };
}

/** The number of insertions and deletions that turn a[start, start+n) into b[start, start+m). */
function editDistance(a: readonly string[], b: readonly string[], start: number, n: number, m: number): number {
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
      if (x >= n && y >= m) return d;
    }
  }
  return max;
}
