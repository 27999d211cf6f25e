// Property-based fuzzing of the three-way merge (issue 32): random edits on both sides of a
// random base. An edit that touches none of the other side's is always kept, and the merge is
// clean; edits that overlap (or sit side by side, git's rule) give a conflict; and no edit is
// ever lost without a conflict that shows it. `npm test` replays FUZZ_RUNS cases with a fixed
// seed (default 300); `npm run fuzz` explores many more with a fresh one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARKERS, merge3 } from '../../generator/write/merge/merge3.js';
import type { ConflictHunk } from '../../generator/write/merge/types.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const SEED =
  process.env['FUZZ_SEED'] !== undefined
    ? Number(process.env['FUZZ_SEED'])
    : process.env['FUZZ_RUNS'] === undefined
      ? 20_261_206
      : undefined;

/** One side's edit of the base: lines [start, end) replaced by `inserted` (unique lines, so each can be found). */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly inserted: readonly string[];
}

interface Case {
  readonly base: readonly string[];
  readonly ours: readonly Edit[];
  readonly theirs: readonly Edit[];
}

/** A side's edits, sorted, each separated from the next by a base line it keeps (else they are one edit). */
function sideEdits(size: number, tag: string) {
  const raw = fc.array(fc.record({ at: fc.nat(size), removes: fc.nat(3), inserts: fc.nat(3) }), { maxLength: 5 });
  return raw.map((ops) => {
    const edits: Edit[] = [];
    let free = 0;
    for (const op of [...ops].sort((a, b) => a.at - b.at)) {
      const start = Math.max(op.at, free);
      const end = Math.min(size, start + op.removes);
      if (start > size || (end === start && op.inserts === 0)) continue;
      const inserted = Array.from({ length: op.inserts }, (_, k) => `${tag} edit ${edits.length} line ${k}`);
      edits.push({ start, end, inserted });
      free = end + 1;
    }
    return edits;
  });
}

const mergeCase: fc.Arbitrary<Case> = fc.nat(25).chain((size) =>
  fc.record({
    base: fc.constant(Array.from({ length: size }, (_, i) => `base line ${i}`)),
    ours: sideEdits(size, 'ours'),
    theirs: sideEdits(size, 'theirs'),
  }),
);

function apply(base: readonly string[], edits: readonly Edit[]): string[] {
  const lines: string[] = [];
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    lines.push(...base.slice(at, edit.start), ...edit.inserted);
    at = Math.max(at, edit.end);
  }
  return [...lines, ...base.slice(at)];
}

const text = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');
/** Overlapping, or next to each other with no base line between: git's rule makes that a conflict. */
const touch = (a: Edit, b: Edit): boolean => Math.max(a.start, b.start) <= Math.min(a.end, b.end);
/** Both deleted the same lines and added nothing: the same change, settled without a conflict. */
const identical = (a: Edit, b: Edit): boolean =>
  a.start === b.start && a.end === b.end && a.inserted.length === 0 && b.inserted.length === 0;

function contains(lines: readonly string[], block: readonly string[]): boolean {
  if (block.length === 0) return true;
  for (let i = 0; i + block.length <= lines.length; i++)
    if (block.every((line, k) => lines[i + k] === line)) return true;
  return false;
}

/** The edit is in the merged lines, or a conflict shows it (its new lines on its side, or the base lines it removed). */
function keptOrReported(
  edit: Edit,
  base: readonly string[],
  merged: readonly string[],
  conflicts: readonly ConflictHunk[],
  side: 'ours' | 'theirs',
): boolean {
  const removed = base.slice(edit.start, edit.end);
  const applied = contains(merged, edit.inserted) && removed.every((line) => !merged.includes(line));
  const reported = conflicts.some(
    (conflict) =>
      contains(conflict[side], edit.inserted) &&
      (edit.inserted.length > 0 || removed.every((line) => conflict.base.includes(line))),
  );
  return applied || reported;
}

describe('fuzzing the three-way merge', () => {
  it(`${RUNS} cases: edits apart merge cleanly, edits that touch conflict, and no edit is lost unreported`, () => {
    const counts = { clean: 0, conflicted: 0 };
    fc.assert(
      fc.property(mergeCase, ({ base, ours, theirs }) => {
        const input = {
          path: 'notes.txt',
          base: text(base),
          ours: text(apply(base, ours)),
          theirs: text(apply(base, theirs)),
        };
        const result = merge3(input);
        const merged = result.text.split('\n');
        const touching = ours.flatMap((o) => theirs.filter((t) => touch(o, t)).map((t) => [o, t] as const));
        if (touching.every(([o, t]) => identical(o, t))) {
          expect(result.conflicts).toEqual([]);
          const both = [...ours, ...theirs.filter((t) => !ours.some((o) => identical(o, t)))];
          expect(result.text).toBe(text(apply(base, both)));
        } else expect(result.conflicts.length).toBeGreaterThan(0);
        for (const edit of ours) expect(keptOrReported(edit, base, merged, result.conflicts, 'ours')).toBe(true);
        for (const edit of theirs) expect(keptOrReported(edit, base, merged, result.conflicts, 'theirs')).toBe(true);

        // With markers, both sides of every conflict are in the file, between the markers.
        const marked = merge3(input, { markers: true });
        expect(marked.conflicts).toEqual(result.conflicts);
        const markedLines = marked.text.split('\n');
        expect(markedLines.filter((line) => line === MARKERS.ours).length).toBe(result.conflicts.length);
        for (const conflict of marked.conflicts) {
          expect(contains(markedLines, [MARKERS.ours, ...conflict.ours, MARKERS.base])).toBe(true);
          expect(contains(markedLines, [MARKERS.split, ...conflict.theirs, MARKERS.theirs])).toBe(true);
        }
        counts[result.conflicts.length === 0 ? 'clean' : 'conflicted']++;
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.log(`merge3 fuzz: ${RUNS} cases, ${counts.clean} clean, ${counts.conflicted} with conflicts`);
    expect(counts.clean).toBeGreaterThan(0);
    expect(counts.conflicted).toBeGreaterThan(0);
  });
});
