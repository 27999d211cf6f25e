import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedLines } from '../../generator/diff/line-diff.js';
import { type DiffHunk, diffHunks, formatUnified, hunkHeader, lineEdits } from '../../generator/diff/unified-diff.js';

const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

/** Applies hunks to `before`, as `patch` would: the check that they say the whole change. */
function apply(before: string, hunks: readonly DiffHunk[]): string {
  const source = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const result: string[] = [];
  let at = 0;
  for (const hunk of hunks) {
    const start = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
    result.push(...source.slice(at, start));
    at = start;
    hunk.lines.forEach((line, i) => {
      if (line.startsWith('\\')) return;
      const noNewline = hunk.lines[i + 1]?.startsWith('\\') === true;
      const text = line.slice(1) + (noNewline ? '' : '\n');
      if (line.startsWith('-') || line.startsWith(' ')) {
        expect(source[at]).toBe(text);
        at++;
      }
      if (line.startsWith('+') || line.startsWith(' ')) result.push(text);
    });
  }
  return [...result, ...source.slice(at)].join('');
}

describe('unified diffs, as diff -u prints them', () => {
  it('prints hunks with three lines of context, and a missing last line end', () => {
    const before = lines('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k');
    const after = `${lines('a', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k')}l`;
    expect(formatUnified('x.txt', diffHunks(before, after))).toBe(
      [
        '--- a/x.txt',
        '+++ b/x.txt',
        '@@ -1,5 +1,5 @@',
        ' a',
        '-b',
        '+B',
        ' c',
        ' d',
        ' e',
        '@@ -9,3 +9,4 @@',
        ' i',
        ' j',
        ' k',
        '+l',
        '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
  });

  it('numbers a hunk that only adds or only removes from the line before it', () => {
    expect(diffHunks('', lines('a', 'b')).map(hunkHeader)).toEqual(['@@ -0,0 +1,2 @@']);
    expect(diffHunks(lines('a', 'b'), '').map(hunkHeader)).toEqual(['@@ -1,2 +0,0 @@']);
    expect(diffHunks(lines('a', 'b'), lines('a', 'b'))).toEqual([]);
  });

  it('joins changes closer than twice the context into one hunk', () => {
    const before = lines('1', '2', '3', '4', '5', '6', '7', '8', '9');
    expect(diffHunks(before, lines('1', 'x', '3', '4', '5', '6', '7', 'y', '9')).map(hunkHeader)).toEqual([
      '@@ -1,9 +1,9 @@',
    ]);
  });

  it('says every change, with the fewest lines (property)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 }).map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const hunks = diffHunks(before, after);
        expect(apply(before, hunks)).toBe(after);
        // As few lines added and removed as a shortest edit script has.
        const script = lineEdits(before.split('\n'), after.split('\n'));
        const { added, removed } = changedLines(before, after);
        expect(script.filter((step) => step === 'added').length).toBe(added);
        expect(script.filter((step) => step === 'removed').length).toBe(removed);
      }),
      { numRuns: 300, seed: 32 },
    );
  });
});
