import { matchLines } from './line-diff.js';

/** One hunk of a unified diff: `@@ -oldStart,oldLines +newStart,newLines @@` and its lines. */
export interface DiffHunk {
  /** 1-based; for a hunk that only adds, the line after which it adds (0 at the top). */
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** Each line with its prefix: ` ` context, `-` removed, `+` added; no line ends. */
  readonly lines: readonly string[];
}

const CONTEXT = 3;

/**
 * The hunks that turn `before` into `after`, with three lines of context as `diff -u` and git
 * print them; a last line without a line end is marked `\ No newline at end of file`.
 */
export function diffHunks(before: string, after: string, context = CONTEXT): DiffHunk[] {
  const a = linesOf(before);
  const b = linesOf(after);
  const script = lineEdits(a, b);
  const steps = positions(script);
  const hunks: DiffHunk[] = [];
  let index = 0;
  while (index < script.length) {
    if (script[index] === 'same') {
      index++;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` after the last change closer than 2·context.
    const first = Math.max(0, index - context);
    let last = index;
    for (let next = index; next < script.length; next++) {
      if (script[next] !== 'same') last = next;
      else if (next - last > 2 * context) break;
    }
    const end = Math.min(script.length, last + 1 + context);
    hunks.push(hunkOf(script, steps, a, b, first, end));
    index = end;
  }
  return hunks;
}

/** A file's hunks as a unified diff, git's `a/` and `b/` prefixes on the path. */
export function formatUnified(
  path: string,
  hunks: readonly DiffHunk[],
  paths = { before: `a/${path}`, after: `b/${path}` },
): string {
  const text = [`--- ${paths.before}`, `+++ ${paths.after}`];
  for (const hunk of hunks) text.push(hunkHeader(hunk), ...hunk.lines);
  return `${text.join('\n')}\n`;
}

export function hunkHeader(hunk: DiffHunk): string {
  const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${start},${count}`);
  return `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`;
}

/** The lines of the new side of a hunk (context and additions), as in the file, without line ends. */
export function newSide(hunk: DiffHunk): string[] {
  return hunk.lines.filter((line) => line.startsWith(' ') || line.startsWith('+')).map((line) => line.slice(1));
}

/** One step of an edit script: a line both have, or one only the old text has (removed), or only the new (added). */
export type LineEdit = 'same' | 'removed' | 'added';

/**
 * The shortest edit script from `a` to `b`, one step per line, read off the lines Myers' diff
 * keeps (`matchLines`); each run of changes has its removals first, as diffs are read.
 */
export function lineEdits(a: readonly string[], b: readonly string[]): LineEdit[] {
  const match = matchLines(a, b);
  const script: LineEdit[] = [];
  let j = 0;
  let removed = 0;
  const keep = (): void => {
    script.push(...new Array<LineEdit>(removed).fill('removed'));
    removed = 0;
  };
  for (let i = 0; i < a.length; i++) {
    const kept = match[i] as number;
    if (kept === -1) {
      removed++;
      continue;
    }
    keep();
    for (; j < kept; j++) script.push('added');
    script.push('same');
    j++;
  }
  keep();
  for (; j < b.length; j++) script.push('added');
  return script;
}

/** Lines with their line end kept, so that a missing last line end is a difference. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Before each step of the script, how many lines of a and of b it has walked. */
function positions(script: readonly LineEdit[]): { a: number; b: number }[] {
  const at: { a: number; b: number }[] = [];
  let a = 0;
  let b = 0;
  for (const step of script) {
    at.push({ a, b });
    if (step !== 'added') a++;
    if (step !== 'removed') b++;
  }
  at.push({ a, b });
  return at;
}

function hunkOf(
  script: readonly LineEdit[],
  steps: readonly { a: number; b: number }[],
  a: readonly string[],
  b: readonly string[],
  first: number,
  end: number,
): DiffHunk {
  const lines: string[] = [];
  for (let i = first; i < end; i++) {
    const step = script[i] as LineEdit;
    const at = steps[i] as { a: number; b: number };
    const line = step === 'added' ? (b[at.b] as string) : (a[at.a] as string);
    const prefix = step === 'same' ? ' ' : step === 'removed' ? '-' : '+';
    lines.push(prefix + line.replace(/\n$/, ''));
    if (!line.endsWith('\n')) lines.push('\\ No newline at end of file');
  }
  const from = steps[first] as { a: number; b: number };
  const to = steps[end] as { a: number; b: number };
  const oldLines = to.a - from.a;
  const newLines = to.b - from.b;
  return {
    oldStart: oldLines === 0 ? from.a : from.a + 1,
    oldLines,
    newStart: newLines === 0 ? from.b : from.b + 1,
    newLines,
    lines,
  };
}
