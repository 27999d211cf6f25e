import { describe, expect, it } from 'vitest';
import { changedLines, matchLines } from '../../generator/diff/line-diff.js';
import { MARKERS, merge3 } from '../../generator/write/merge/merge3.js';

/** Lines joined into a file that ends in a line break, as the generator writes them. */
const file = (...lines: string[]): string => `${lines.join('\n')}\n`;
const merge = (base: string, ours: string, theirs: string, markers = false) =>
  merge3({ path: 'src/a.ts', base, ours, theirs }, { markers });

const BASE = file(
  'class Pets {',
  '  list() {',
  '    return get("/pets");',
  '  }',
  '',
  '  create() {',
  '    return post("/pets");',
  '  }',
  '}',
);

describe('matchLines: a shortest edit script between two line lists', () => {
  it('keeps the longest common subsequence, in order', () => {
    const a = ['a', 'b', 'c', 'a', 'b', 'b', 'a'];
    const b = ['c', 'b', 'a', 'b', 'a', 'c'];
    const match = matchLines(a, b);
    const kept = [...match].filter((j) => j >= 0);
    expect(kept.length).toBe(4); // Myers' paper example: D = 5, so 13 - 5 = 8 lines = 2 × 4 kept
    expect(kept).toEqual([...kept].sort((x, y) => x - y));
    for (const [i, j] of match.entries()) if (j >= 0) expect(b[j]).toBe(a[i]);
  });

  it('counts as changedLines does', () => {
    expect(changedLines('a\nb\nc\n', 'a\nx\nc\nd\n')).toEqual({ added: 2, removed: 1 });
    expect([...matchLines(['a', 'b', 'c', ''], ['a', 'x', 'c', 'd', ''])]).toEqual([0, -1, 2, 4]);
  });

  it('handles empty sides', () => {
    expect([...matchLines([], ['a'])]).toEqual([]);
    expect([...matchLines(['a', 'b'], [])]).toEqual([-1, -1]);
  });
});

describe('merge3: the three-way merge of a generated file', () => {
  it('keeps an edit to a method body when the new output changes another method', () => {
    const ours = BASE.replace('return get("/pets");', 'return get("/pets").then(withCompat);');
    const theirs = BASE.replace('post("/pets")', 'post("/pets", body)');
    const result = merge(BASE, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(
      BASE.replace('return get("/pets");', 'return get("/pets").then(withCompat);').replace(
        'post("/pets")',
        'post("/pets", body)',
      ),
    );
  });

  it('takes the side that changed when the other did not, and either when both changed alike', () => {
    const changed = BASE.replace('list()', 'listAll()');
    expect(merge(BASE, BASE, changed)).toEqual({ text: changed, conflicts: [] });
    expect(merge(BASE, changed, BASE)).toEqual({ text: changed, conflicts: [] });
    expect(merge(BASE, changed, changed)).toEqual({ text: changed, conflicts: [] });
  });

  it('reports lines both sides changed differently, at their line in the file on disk, and keeps the edit there', () => {
    const ours = BASE.replace('post("/pets")', 'post("/pets").then(log)');
    const theirs = BASE.replace('post("/pets")', 'post("/v2/pets")');
    const result = merge(BASE, ours, theirs);
    expect(result.text).toBe(ours);
    expect(result.conflicts).toEqual([
      {
        path: 'src/a.ts',
        oursLine: 7,
        theirsLine: 7,
        base: ['    return post("/pets");'],
        ours: ['    return post("/pets").then(log);'],
        theirs: ['    return post("/v2/pets");'],
        before: ['  }', '', '  create() {'],
        after: ['  }', '}', ''],
      },
    ]);
  });

  it('writes git-style diff3 markers when asked', () => {
    const ours = file('a', 'mine', 'c');
    const theirs = file('a', 'new', 'c');
    const result = merge(file('a', 'b', 'c'), ours, theirs, true);
    expect(result.conflicts).toHaveLength(1);
    expect(result.text).toBe(
      file('a', MARKERS.ours, 'mine', MARKERS.base, 'b', MARKERS.split, 'new', MARKERS.theirs, 'c'),
    );
    expect(MARKERS).toEqual({
      ours: '<<<<<<< your edit',
      base: '||||||| last generated',
      split: '=======',
      theirs: '>>>>>>> sdkgen',
    });
  });

  it('treats changes on adjacent lines as a conflict, as git merge-file does', () => {
    const base = file('a', 'b', 'c', 'd');
    const result = merge(base, file('a', 'B', 'c', 'd'), file('a', 'b', 'C', 'd'));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ oursLine: 2, base: ['b', 'c'], ours: ['B', 'c'], theirs: ['b', 'C'] });
    // One line apart they merge.
    expect(merge(file('a', 'b', 'c', 'd'), file('A', 'b', 'c', 'd'), file('a', 'b', 'C', 'd'))).toEqual({
      text: file('A', 'b', 'C', 'd'),
      conflicts: [],
    });
  });

  it('shows only the lines that differ when both sides add the same lines around a conflict', () => {
    const base = file('a', 'z');
    const result = merge(base, file('a', 'same', 'mine', 'end', 'z'), file('a', 'same', 'theirs', 'end', 'z'));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      oursLine: 3,
      theirsLine: 3,
      base: [],
      ours: ['mine'],
      theirs: ['theirs'],
    });
    expect(merge(base, file('a', 'same', 'mine', 'end', 'z'), file('a', 'same', 'theirs', 'end', 'z'), true).text).toBe(
      file('a', 'same', MARKERS.ours, 'mine', MARKERS.base, MARKERS.split, 'theirs', MARKERS.theirs, 'end', 'z'),
    );
  });

  it('asks the resolver about a conflict before declaring it one', () => {
    const seen: unknown[] = [];
    const result = merge3(
      { path: 'src/index.ts', base: file('a', 'b'), ours: file('a', 'mine', 'b'), theirs: file('a', 'new', 'b') },
      {
        resolve: (hunk) => {
          seen.push(hunk);
          return [...hunk.ours, ...hunk.theirs];
        },
      },
    );
    expect(result).toEqual({ text: file('a', 'mine', 'new', 'b'), conflicts: [] });
    expect(seen).toEqual([
      {
        path: 'src/index.ts',
        oursLine: 2,
        theirsLine: 2,
        base: [],
        ours: ['mine'],
        theirs: ['new'],
        before: ['a'],
        after: ['b', ''],
      },
    ]);
    const declined = merge3(
      { path: 'src/index.ts', base: file('a', 'b'), ours: file('a', 'mine', 'b'), theirs: file('a', 'new', 'b') },
      { resolve: () => undefined },
    );
    expect(declined.conflicts).toHaveLength(1);
  });

  it('keeps a removed trailing line break, and merges a change at the end with one', () => {
    const base = file('a', 'b', 'c');
    expect(merge(base, 'a\nb\nc', file('A', 'b', 'c'))).toEqual({ text: 'A\nb\nc', conflicts: [] });
    expect(merge(base, file('A', 'b', 'c'), 'a\nb\nc')).toEqual({ text: 'A\nb\nc', conflicts: [] });
  });

  it('keeps a CRLF file CRLF, as a checkout with autocrlf leaves it', () => {
    const base = file('a', 'b', 'c', 'd');
    const ours = 'A\r\nb\r\nc\r\nd\r\n';
    expect(merge(base, ours, file('a', 'b', 'c', 'D'))).toEqual({ text: 'A\r\nb\r\nc\r\nD\r\n', conflicts: [] });
    // A file only re-ended in CRLF takes the new output, in CRLF.
    expect(merge(base, base.replace(/\n/g, '\r\n'), file('a', 'x', 'c', 'd')).text).toBe('a\r\nx\r\nc\r\nd\r\n');
  });

  it('merges a deletion on one side with an edit elsewhere, and conflicts a deletion with an edit of the same lines', () => {
    const base = file('a', 'b', 'c', 'd', 'e');
    expect(merge(base, file('a', 'c', 'd', 'e'), file('a', 'b', 'c', 'd', 'E'))).toEqual({
      text: file('a', 'c', 'd', 'E'),
      conflicts: [],
    });
    const deleted = merge(base, file('a', 'c', 'd', 'e'), file('a', 'B', 'c', 'd', 'e'));
    expect(deleted.conflicts).toMatchObject([{ oursLine: 2, base: ['b'], ours: [], theirs: ['B'] }]);
  });
});
