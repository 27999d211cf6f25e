import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MARKERS } from '../write/merge/merge3.js';
import { filesBelow, readOwnership } from '../write/ownership.js';
import { readPristine } from '../write/pristine.js';
import { type DiffHunk, diffHunks, newSide } from './unified-diff.js';

/**
 * What the new output does to an edit: writes the same (`now-generated`: the edit is no longer
 * needed), writes something else (`kept`: the merge keeps the edit), or no longer writes the file.
 */
export type NewOutputVerdict = 'now-generated' | 'kept' | 'file-gone';

export interface EditedFile {
  readonly path: string;
  /** The edits, as hunks of the unified diff from the pristine output to the file on disk. */
  readonly hunks: readonly DiffHunk[];
  /** With a new output: the verdict on each hunk, in order. */
  readonly verdicts?: readonly NewOutputVerdict[] | undefined;
  /** With a new output: whether it is the file on disk, byte for byte (every edit now generated). */
  readonly sameAsNewOutput?: boolean | undefined;
  /** The lines (1-based) where a `--conflicts=markers` run left a conflict to settle. */
  readonly markers: readonly number[];
}

export interface DeletedFile {
  readonly path: string;
  /** With a new output: whether it still writes the file (the merge keeps it deleted) or not. */
  readonly stillGenerated?: boolean | undefined;
}

/** The user's changes to an output folder, against the pristine output of the last run (issue 32). */
export interface CustomEdits {
  readonly edited: readonly EditedFile[];
  /** Generated files the user deleted. */
  readonly deleted: readonly DeletedFile[];
  /** Files sdkgen did not write: the user's own (src/lib/**, docs, tests). */
  readonly yours: readonly string[];
}

/**
 * The custom edits in `outDir`, or undefined when it holds no pristine output (no run of an
 * sdkgen that keeps one has written it). Reads only. `newOutput`: the sources a generation
 * would write now, to tell which edits it makes unnecessary.
 */
export function customEdits(outDir: string, newOutput?: ReadonlyMap<string, string>): CustomEdits | undefined {
  const pristine = readPristine(outDir);
  if (pristine === undefined) return undefined;
  const edited: EditedFile[] = [];
  const deleted: DeletedFile[] = [];
  for (const [path, generated] of [...pristine].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const disk = readText(join(outDir, path));
    const next = newOutput?.get(path);
    if (disk === undefined)
      deleted.push({ path, ...(newOutput === undefined ? {} : { stillGenerated: next !== undefined }) });
    else if (disk !== generated)
      edited.push(editedFile(path, generated, disk, newOutput === undefined ? undefined : (next ?? null)));
  }
  const owned = readOwnership(outDir, [...pristine.keys()]).owned;
  const yours = filesBelow(outDir).filter(
    (path) => !owned.has(path) && !pristine.has(path) && !path.startsWith('dist/') && !path.startsWith('.sdkgen'),
  );
  return { edited, deleted, yours };
}

/** `next`: the new output of the file, null when it no longer writes it, undefined when there is no new output. */
function editedFile(path: string, generated: string, disk: string, next: string | null | undefined): EditedFile {
  const hunks = diffHunks(generated, disk);
  const markers = disk.split('\n').flatMap((line, i) => (line.replace(/\r$/, '') === MARKERS.ours ? [i + 1] : []));
  if (next === undefined) return { path, hunks, markers };
  if (next === null) return { path, hunks, markers, verdicts: hunks.map(() => 'file-gone'), sameAsNewOutput: false };
  if (next === disk) return { path, hunks, markers, verdicts: hunks.map(() => 'now-generated'), sameAsNewOutput: true };
  const nextLines = next.split('\n');
  const verdicts = hunks.map(
    (hunk): NewOutputVerdict => (containsBlock(nextLines, newSide(hunk)) ? 'now-generated' : 'kept'),
  );
  return { path, hunks, markers, verdicts, sameAsNewOutput: false };
}

/** Whether `block` appears in `lines` as consecutive lines: the new output writes what the edit wrote, context included. */
function containsBlock(lines: readonly string[], block: readonly string[]): boolean {
  if (block.length === 0) return false;
  for (let start = 0; start + block.length <= lines.length; start++) {
    let i = 0;
    while (i < block.length && lines[start + i] === block[i]) i++;
    if (i === block.length) return true;
  }
  return false;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
