import { mergeKeyed } from './resolve-keyed-merge.js';
import {
  bindsANameTwice,
  LIST_KINDS,
  type ListEntry,
  type ListKind,
  type ParsedList,
  parseList,
} from './resolve-ts-lists.js';
import { combineSpecifiers } from './resolve-ts-specifiers.js';
import type { ConflictHunk, HunkResolver } from './types.js';

const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/;

/**
 * Settles the conflicts of a `.ts` file that are conflicts only line by line (issue 32, item 3):
 * both sides added to the same export list, import block, class or interface member list, or
 * resource registry. The entries of both are kept, the new output's first, each whole; an entry both
 * sides changed differently (or one deleted and the other changed) stays a conflict.
 *
 * A line diff may cut a hunk inside an entry (in the braces of a long import, between a method's
 * last lines), so the hunk is also read with a few lines of context around it, which must come
 * back unchanged. The context nearest the hunk may be lines both sides added alike (the merge
 * takes them out of the hunk), which the base lacks: the base is tried with fewer of them.
 */
export const resolveTypeScriptHunk: HunkResolver = (hunk) => {
  if (!TYPESCRIPT.test(hunk.path)) return undefined;
  const parse = cachedParser();
  for (const [before, after] of contextSizes(hunk)) {
    const head = hunk.before.slice(hunk.before.length - before);
    const tail = hunk.after.slice(0, after);
    for (const kind of LIST_KINDS) {
      const ours = parse([...head, ...hunk.ours, ...tail], kind);
      const theirs = ours && parse([...head, ...hunk.theirs, ...tail], kind);
      if (ours === undefined || theirs === undefined) continue;
      for (const [added, addedAfter] of baseContexts(before, after)) {
        const base = parse([...head.slice(0, before - added), ...hunk.base, ...tail.slice(addedAfter)], kind);
        const merged = base && mergeLists(kind, base, ours, theirs);
        if (merged !== undefined && keepsContext(merged, head, tail))
          return merged.slice(before, merged.length - after);
      }
    }
  }
  return undefined;
};

/** The context sizes to try, smallest first: the hunk alone, then with more and more lines around it. */
function contextSizes(hunk: ConflictHunk): [number, number][] {
  const sizes: [number, number][] = [];
  for (let before = 0; before <= hunk.before.length; before++)
    for (let after = 0; after <= hunk.after.length; after++) sizes.push([before, after]);
  return sizes.sort(([a, b], [c, d]) => a + b - (c + d));
}

/** How many of the context lines next to the hunk the base may lack (both sides added them), fewest first. */
function baseContexts(before: number, after: number): [number, number][] {
  const counts: [number, number][] = [];
  for (let added = 0; added <= before; added++)
    for (let addedAfter = 0; addedAfter <= after; addedAfter++) counts.push([added, addedAfter]);
  return counts.sort(([a, b], [c, d]) => a + b - (c + d));
}

/** `parseList`, remembering its answers: the context search reads the same lines many times. */
function cachedParser(): (lines: readonly string[], kind: ListKind) => ParsedList | undefined {
  const cache = new Map<string, ParsedList | undefined>();
  return (lines, kind) => {
    const key = `${kind}\n${lines.join('\n')}`;
    if (!cache.has(key)) cache.set(key, parseList(lines, kind));
    return cache.get(key);
  };
}

function mergeLists(kind: ListKind, base: ParsedList, ours: ParsedList, theirs: ParsedList): string[] | undefined {
  const combine = kind === 'statements' ? combineSpecifiers : undefined;
  const entries = mergeKeyed(base.entries, ours.entries, theirs.entries, combine);
  const trailing = mergeTrailing(base, ours, theirs);
  if (entries === undefined || trailing === undefined) return undefined;
  const merged = [...layOut(entries, [ours, theirs]), ...trailing];
  return kind === 'statements' && bindsANameTwice(merged) ? undefined : merged;
}

/** The lines after the last entry: a change on one side only is kept; blank lines give way. */
function mergeTrailing(base: ParsedList, ours: ParsedList, theirs: ParsedList): readonly string[] | undefined {
  const [b, o, t] = [base, ours, theirs].map((list) => list.trailing.join('\n'));
  if (o === b || o === t) return theirs.trailing;
  if (t === b) return ours.trailing;
  return [o, t].every((text) => text?.trim() === '') ? theirs.trailing : undefined;
}

/**
 * The merged entries one after the other, each with the blank lines it had before it; an entry
 * that had none, placed after another, gets one where the lists separate their entries so.
 */
function layOut(entries: readonly ListEntry[], sides: readonly ParsedList[]): string[] {
  const separated = sides.some((side) => side.entries.slice(1).some((entry) => entry.gap > 0));
  return entries.flatMap((entry, index) =>
    index > 0 && entry.gap === 0 && separated ? ['', ...entry.lines] : [...entry.lines],
  );
}

function keepsContext(merged: readonly string[], head: readonly string[], tail: readonly string[]): boolean {
  if (merged.length < head.length + tail.length) return false;
  const start = merged.slice(0, head.length);
  const end = merged.slice(merged.length - tail.length);
  return start.every((line, i) => line === head[i]) && end.every((line, i) => line === tail[i]);
}
