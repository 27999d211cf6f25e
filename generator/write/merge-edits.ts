import { join } from 'node:path';
import type { OutputFile } from '../emit/output-file.js';
import { MARKERS, merge3 } from './merge/merge3.js';
import type { ConflictHunk, HunkResolver } from './merge/types.js';
import {
  filesBelow,
  isUserCode,
  type Ownership,
  readOwnership,
  readText,
  sourceOf,
  USER_CODE_DIR,
} from './ownership.js';
import { keepsPristine, type MadeEntry, pristineFile, readPristine } from './pristine.js';
import type { PlannedFile } from './write-ahead.js';

export { isUserCode, USER_CODE_DIR } from './ownership.js';

/** The new output with the user's edits to the last one merged in (issue 32). */
export interface EditedOutput {
  /**
   * What to write: each file as the new output has it, or merged with the user's edits, or
   * (with markers) holding conflict markers; the files the user deleted left out, with their
   * compiled dist/ files. Into a new folder, the files written ahead are listed by path.
   */
  readonly files: readonly PlannedFile[];
  /** The pristine copy of the NEW output, the base of the next run's merge (not the merged text). */
  readonly pristine: OutputFile;
  /** Generated files the user deleted, kept deleted (the manifest's `deleted`). */
  readonly deleted: readonly string[];
  /** Edited files whose text differs from the new output: the user's edits are in them (and need compiling again). */
  readonly edited: readonly string[];
  /** Where the edits and the new output change the same lines differently, file by file in order. */
  readonly conflicts: readonly ConflictHunk[];
  /** Edited files the new output no longer has: deleting them would lose the edits. */
  readonly losses: readonly string[];
  /** Edited files with no pristine copy to tell the edits from the generator's changes (an older sdkgen wrote them). */
  readonly unmergeable: readonly string[];
  /** Conflict markers an earlier `--conflicts=markers` run wrote that are still in the files on disk, as `path:line`. */
  readonly unsettled: readonly string[];
  /** The user's TypeScript modules in src/lib/, as on disk: never written, but compiled into dist/ with the rest. */
  readonly userModules: readonly OutputFile[];
  /** The output folder as read here, so that planning the write reads neither it nor its files again. */
  readonly disk: DiskRead;
}

/** What `mergeEdits` read of the output folder: who owns what, and the text of each generated source on disk. */
export interface DiskRead {
  readonly ownership: Ownership;
  readonly texts: ReadonlyMap<string, string | undefined>;
}

export interface MergeEditsOptions {
  /** Write conflicts into the files with git-style markers rather than failing. */
  readonly markers?: boolean | undefined;
  readonly resolve?: HunkResolver | undefined;
  /** The pristine copy's entries compressed ahead, by path (`compressAhead`): only the others are compressed here. */
  readonly pristineMembers?: ReadonlyMap<string, MadeEntry> | undefined;
}

/**
 * For each generated file, three texts: the last run's pristine output (base), the file on disk
 * (ours) and the new output (theirs). A file as the last run left it takes the new output; an
 * edited one is merged three ways; one the user deleted stays deleted. Reads only.
 */
export function mergeEdits(
  outDir: string,
  generated: readonly OutputFile[],
  options: MergeEditsOptions = {},
): EditedOutput {
  const intruders = generated.filter((file) => isUserCode(file.path)).map((file) => file.path);
  if (intruders.length > 0)
    throw new Error(`sdkgen emitted into ${USER_CODE_DIR}, which is the user's: ${intruders.join(', ')}`);
  const ownership = readOwnership(
    outDir,
    generated.map((file) => file.path),
  );
  const pristine = readPristine(outDir);
  const files: OutputFile[] = [];
  const deleted: string[] = [];
  const edited: string[] = [];
  const conflicts: ConflictHunk[] = [];
  const unmergeable: string[] = [];
  const unsettled: string[] = [];
  const texts = new Map<string, string | undefined>();
  for (const file of generated) {
    if (!keepsPristine(file.path)) {
      files.push(file);
      continue;
    }
    const ours = readText(join(outDir, file.path));
    texts.set(file.path, ours);
    const base = pristine?.get(file.path);
    if (ours !== undefined) unsettled.push(...markersIn(file.path, ours));
    if (ours === undefined) {
      // Listed and pristine, yet gone: the user deleted it (a file new to this run is written).
      const userDeleted = ownership.deleted.has(file.path) || (ownership.owned.has(file.path) && base !== undefined);
      if (userDeleted) deleted.push(file.path);
      else files.push(file);
    } else if (ours === file.contents || ours === base || !ownership.owned.has(file.path)) {
      // A file sdkgen did not write is not merged: writing over it is refused (write-output.ts).
      files.push(file);
    } else if (base === undefined) {
      // An edit, or an older generator's output? Without the last output there is no telling.
      unmergeable.push(file.path);
      files.push(file);
    } else {
      const merged = merge3({ path: file.path, base, ours, theirs: file.contents }, options);
      conflicts.push(...merged.conflicts);
      if (merged.text !== file.contents) edited.push(file.path);
      files.push({ path: file.path, contents: merged.text });
    }
  }
  const produced = new Set(generated.map((file) => file.path));
  const losses = ownership.present.filter((path) => {
    if (produced.has(path) || !ownership.owned.has(path) || !keepsPristine(path) || isUserCode(path)) return false;
    const base = pristine?.get(path);
    return base !== undefined && readText(join(outDir, path)) !== base;
  });
  const gone = new Set(deleted);
  return {
    files: files.filter((file) => !(file.path.startsWith('dist/') && gone.has(sourceOf(file.path)))),
    pristine: pristineFile(generated, options.pristineMembers),
    deleted,
    edited,
    conflicts,
    losses,
    unmergeable,
    unsettled,
    userModules: userModulesIn(outDir),
    disk: { ownership, texts },
  };
}

/**
 * The output of a run that wrote its files ahead into a folder that was new (write-ahead.ts):
 * nothing there to merge, keep deleted or lose, so the output is as made, its files written ahead
 * listed by path, with the pristine copy made as they were. The folder is read again: should files
 * have appeared in it meanwhile, planning the write sees them (and refuses to replace what is not
 * sdkgen's).
 */
export function editsOfNewFolder(outDir: string, files: readonly PlannedFile[], pristine: OutputFile): EditedOutput {
  const ownership = readOwnership(
    outDir,
    files.map((file) => file.path),
  );
  return {
    files,
    pristine,
    deleted: [],
    edited: [],
    conflicts: [],
    losses: [],
    unmergeable: [],
    unsettled: [],
    userModules: ownership.kind === 'new' ? [] : userModulesIn(outDir),
    disk: { ownership, texts: new Map() },
  };
}

/** The user's TypeScript modules in src/lib/, as on disk. */
function userModulesIn(outDir: string): OutputFile[] {
  return filesBelow(outDir, USER_CODE_DIR)
    .filter((path) => /(?<!\.d)\.ts$/.test(path))
    .flatMap((path) => {
      const contents = readText(join(outDir, path));
      return contents === undefined ? [] : [{ path, contents }];
    });
}

function markersIn(path: string, text: string): string[] {
  if (!text.includes(MARKERS.ours)) return [];
  return text.split('\n').flatMap((line, i) => (line.replace(/\r$/, '') === MARKERS.ours ? [`${path}:${i + 1}`] : []));
}
