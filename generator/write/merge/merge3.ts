import { matchLines } from '../../diff/line-diff.js';
import type { ConflictHunk, HunkResolver, MergeInput, MergeResult } from './types.js';

export interface MergeOptions {
  /** Asked about each conflicting region before it is declared a conflict (a TypeScript-aware resolver). */
  readonly resolve?: HunkResolver | undefined;
  /** Write git-style markers around each conflict (`<<<<<<< your edit` … `>>>>>>> sdkgen`) instead of `ours`. */
  readonly markers?: boolean | undefined;
}

/** The markers `--conflicts=markers` writes, as git's `merge.conflictStyle=diff3` does, named for sdkgen's sides. */
export const MARKERS = {
  ours: '<<<<<<< your edit',
  base: '||||||| last generated',
  split: '=======',
  theirs: '>>>>>>> sdkgen',
} as const;

/** Lines of context a resolver sees on each side of a hunk. */
const CONTEXT = 3;

/**
 * The three-way merge of one file by lines, as `git merge-file` does it (diff3): both sides are
 * lined up with the base by a shortest edit script, and where they move away from the base
 * between two lines all three keep, that region takes the side that changed it. Both sides
 * changing it the same way is no conflict; changing it differently is, and so are changes that
 * touch or sit next to each other (git's rule too: the order of two insertions at one place,
 * or an edit beside a changed line, is not the merge's to guess). Line ends: a file whose lines
 * end in CRLF on disk is merged by its lines and written back with CRLF.
 */
export function merge3(input: MergeInput, options: MergeOptions = {}): MergeResult {
  const crlf = endsLinesWithCrlf(input.ours);
  const base = splitLines(input.base, crlf);
  const ours = splitLines(input.ours, crlf);
  const theirs = splitLines(input.theirs, crlf);
  const out: string[] = [];
  const conflicts: ConflictHunk[] = [];
  for (const region of regions(base, ours, theirs)) {
    if (region.kind === 'stable') {
      out.push(...region.lines);
      continue;
    }
    const merged = settle(region);
    if (merged !== undefined) {
      out.push(...merged);
      continue;
    }
    const { hunk, head, tail } = conflictHunk(input.path, region, ours);
    out.push(...head);
    const resolved = options.resolve?.(hunk);
    if (resolved !== undefined) out.push(...resolved);
    else {
      conflicts.push(hunk);
      if (options.markers === true)
        out.push(MARKERS.ours, ...hunk.ours, MARKERS.base, ...hunk.base, MARKERS.split, ...hunk.theirs, MARKERS.theirs);
      else out.push(...hunk.ours);
    }
    out.push(...tail);
  }
  const text = out.join('\n');
  return { text: crlf ? text.replace(/\r?\n/g, '\r\n') : text, conflicts };
}

/**
 * Lines without their `\n` (nor, in a CRLF file, their `\r`): a text ending in a line break
 * ends in an empty line, merged as any other, so a side that adds or drops the last line break
 * is a change like any other.
 */
function splitLines(text: string, crlf: boolean): string[] {
  return (crlf ? text.replace(/\r\n/g, '\n') : text).split('\n');
}

/** Most of the file's line breaks are CRLF (an editor or git's autocrlf on Windows): the merge keeps them so. */
function endsLinesWithCrlf(text: string): boolean {
  const breaks = text.split('\n').length - 1;
  return breaks > 0 && (text.match(/\r\n/g)?.length ?? 0) * 2 > breaks;
}

type Region =
  /** Lines all three have. */
  | { readonly kind: 'stable'; readonly lines: readonly string[] }
  /** Lines where one side or both moved away from the base; `*At`: where the region starts in each. */
  | {
      readonly kind: 'changed';
      readonly base: readonly string[];
      readonly ours: readonly string[];
      readonly theirs: readonly string[];
      readonly oursAt: number;
      readonly theirsAt: number;
    };

/**
 * The file cut into stable and changed regions: a base line kept by both sides, at the places
 * both keep it, is stable; what lies between two stable lines is one changed region.
 */
function* regions(base: readonly string[], ours: readonly string[], theirs: readonly string[]): Generator<Region> {
  const toOurs = matchLines(base, ours);
  const toTheirs = matchLines(base, theirs);
  let b = 0;
  let o = 0;
  let t = 0;
  while (b < base.length || o < ours.length || t < theirs.length) {
    const stable: string[] = [];
    while (b < base.length && toOurs[b] === o && toTheirs[b] === t) {
      stable.push(base[b] as string);
      b++;
      o++;
      t++;
    }
    if (stable.length > 0) yield { kind: 'stable', lines: stable };
    // The next base line both sides keep ends the changed region; without one, it runs to the end.
    let next = b;
    while (next < base.length && ((toOurs[next] as number) < 0 || (toTheirs[next] as number) < 0)) next++;
    const oursEnd = next < base.length ? (toOurs[next] as number) : ours.length;
    const theirsEnd = next < base.length ? (toTheirs[next] as number) : theirs.length;
    if (next === b && oursEnd === o && theirsEnd === t) continue;
    yield {
      kind: 'changed',
      base: base.slice(b, next),
      ours: ours.slice(o, oursEnd),
      theirs: theirs.slice(t, theirsEnd),
      oursAt: o,
      theirsAt: t,
    };
    b = next;
    o = oursEnd;
    t = theirsEnd;
  }
}

/** The merged lines of a changed region when one side left it as it was or both changed it alike. */
function settle(region: Extract<Region, { kind: 'changed' }>): readonly string[] | undefined {
  if (same(region.ours, region.base)) return region.theirs;
  if (same(region.theirs, region.base) || same(region.ours, region.theirs)) return region.ours;
  return undefined;
}

/**
 * The conflict of a region both sides changed differently. Lines both sides add alike at its
 * start or end are merged, not shown as conflicting (git's "zealous" merge): the hunk is what
 * differs, and `oursLine` points at it. The base lines are trimmed with them only where the base
 * has them too.
 */
function conflictHunk(
  path: string,
  region: Extract<Region, { kind: 'changed' }>,
  ours: readonly string[],
): { hunk: ConflictHunk; head: readonly string[]; tail: readonly string[] } {
  let head = 0;
  const shortest = Math.min(region.ours.length, region.theirs.length);
  while (head < shortest && region.ours[head] === region.theirs[head]) head++;
  let tail = 0;
  while (
    tail < shortest - head &&
    region.ours[region.ours.length - 1 - tail] === region.theirs[region.theirs.length - 1 - tail]
  )
    tail++;
  const baseHead =
    head <= region.base.length && same(region.base.slice(0, head), region.ours.slice(0, head)) ? head : 0;
  const baseTail =
    tail <= region.base.length - baseHead &&
    same(region.base.slice(region.base.length - tail), region.ours.slice(region.ours.length - tail))
      ? tail
      : 0;
  const start = region.oursAt + head;
  const end = region.oursAt + region.ours.length - tail;
  const hunk: ConflictHunk = {
    path,
    oursLine: start + 1,
    theirsLine: region.theirsAt + head + 1,
    base: region.base.slice(baseHead, region.base.length - baseTail),
    ours: region.ours.slice(head, region.ours.length - tail),
    theirs: region.theirs.slice(head, region.theirs.length - tail),
    before: ours.slice(Math.max(0, start - CONTEXT), start),
    after: ours.slice(end, end + CONTEXT),
  };
  return { hunk, head: region.ours.slice(0, head), tail: region.ours.slice(region.ours.length - tail) };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
