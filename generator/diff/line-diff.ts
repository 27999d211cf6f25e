/**
 * How many lines a change adds and removes, as `git diff --stat` counts them: the shortest edit
 * script between the two line lists (Myers' O((N+M)·D) algorithm), after the common start and
 * end are set aside, so that a small change to a big file costs little.
 */
export function changedLines(before: string, after: string): { readonly added: number; readonly removed: number } {
  if (before === after) return { added: 0, removed: 0 };
  const a = before.split('\n');
  const b = after.split('\n');
  const { start, n, m } = commonEnds(a, b);
  const edits = editDistance(a, b, start, n, m);
  // Every edit is an insertion or a deletion; the kept lines are what both have in common.
  const kept = (n + m - edits) / 2;
  return { added: m - kept, removed: n - kept };
}

/** The common start and end of two line lists set aside: the middle starts at `start`, `n` lines of a, `m` of b. */
function commonEnds(a: readonly string[], b: readonly string[]): { start: number; n: number; m: number } {
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

/** One step of an edit script: a line both have, or one only `a` has (removed), or only `b` (added). */
export type LineEdit = 'same' | 'removed' | 'added';

/**
 * The shortest edit script that turns `a` into `b` (Myers), one step per line: `same` steps
 * walk both lists, `removed` only `a`, `added` only `b`; removals come before additions at each
 * change. Past `MAX_SCRIPT_EDITS` edits the middle is given as all removed then all added:
 * still a correct script, and a diff of two unrelated files needs no finer one.
 */
export function lineEdits(a: readonly string[], b: readonly string[]): LineEdit[] {
  const { start, n, m } = commonEnds(a, b);
  const same = (count: number): LineEdit[] => new Array<LineEdit>(count).fill('same');
  const tail = a.length - start - n;
  return [...same(start), ...removalsFirst(middleEdits(a, b, start, n, m)), ...same(tail)];
}

/** Each run of changes with its removals first, as diffs are read. */
function removalsFirst(script: readonly LineEdit[]): LineEdit[] {
  const ordered: LineEdit[] = [];
  let removed = 0;
  let added = 0;
  const flush = (): void => {
    ordered.push(...new Array<LineEdit>(removed).fill('removed'), ...new Array<LineEdit>(added).fill('added'));
    removed = 0;
    added = 0;
  };
  for (const step of script) {
    if (step === 'removed') removed++;
    else if (step === 'added') added++;
    else {
      flush();
      ordered.push(step);
    }
  }
  flush();
  return ordered;
}

const MAX_SCRIPT_EDITS = 4000;

function middleEdits(a: readonly string[], b: readonly string[], start: number, n: number, m: number): LineEdit[] {
  const coarse = (): LineEdit[] => [...new Array<LineEdit>(n).fill('removed'), ...new Array<LineEdit>(m).fill('added')];
  if (n === 0 || m === 0) return coarse();
  const max = Math.min(n + m, MAX_SCRIPT_EDITS);
  const offset = max + 1;
  // trace[d]: the furthest x on each diagonal after d edits, kept to walk back the path.
  const trace: Int32Array[] = [];
  let furthest = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    const next = furthest.slice();
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (furthest[offset + k - 1] as number) < (furthest[offset + k + 1] as number));
      let x = down ? (furthest[offset + k + 1] as number) : (furthest[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[start + x] === b[start + y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(next);
        return backtrack(trace, offset, n, m);
      }
    }
    trace.push(next);
    furthest = next;
  }
  return coarse();
}

/** Walks the Myers trace back from (n, m) to (0, 0), collecting the script in reverse. */
function backtrack(trace: readonly Int32Array[], offset: number, n: number, m: number): LineEdit[] {
  const script: LineEdit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (previous[offset + k - 1] as number) < (previous[offset + k + 1] as number));
    const previousK = down ? k + 1 : k - 1;
    const previousX = previous[offset + previousK] as number;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      script.push('same');
      x--;
      y--;
    }
    script.push(down ? 'added' : 'removed');
    x = previousX;
    y = previousY;
  }
  for (; x > 0; x--) script.push('same');
  return script.reverse();
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
