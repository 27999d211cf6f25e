import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../emit/output-file.js';
import type { DiskRead } from './merge-edits.js';
import {
  filesBelow,
  isUserCode,
  JOURNAL,
  MANIFEST,
  manifestText,
  readOwnership,
  readText,
  TEMP_MARK,
  USER_CODE_DIR,
} from './ownership.js';
import { PRISTINE, pristineFile, samePristine } from './pristine.js';
import { type PlannedFile, temporaryName } from './write-ahead.js';

/** The folders whose emptied subfolders are removed after a run's deletions. */
const OWNED_DIRS = ['src', 'dist'] as const;

export interface OutputPlan {
  /** Files whose content differs or that do not exist yet (or were written ahead: renamed into place). */
  readonly changed: readonly PlannedFile[];
  readonly unchanged: readonly string[];
  /** Files sdkgen wrote before that the new output no longer has: deleted. */
  readonly stale: readonly string[];
  /** Why writing would harm files that are not sdkgen's, when it would; `--force` overrides. */
  readonly refusal: OutputRefusal | undefined;
}

export interface OutputRefusal {
  /** The folder is not empty and nothing says sdkgen made it. */
  readonly foreign: boolean;
  /** Existing files sdkgen did not write that the output would replace. */
  readonly overwrites: readonly string[];
  /** Files in the folder that are not sdkgen's, kept as they are. */
  readonly kept: readonly string[];
}

/** The folder holds files that are not sdkgen's, which writing would replace or mix with. */
export class OutputFolderError extends Error {
  override readonly name = 'OutputFolderError';
  constructor(
    readonly outDir: string,
    readonly refusal: OutputRefusal,
  ) {
    super(describeRefusal(outDir, refusal));
  }
}

export function describeRefusal(outDir: string, refusal: OutputRefusal): string {
  const list = (paths: readonly string[]): string => {
    const shown = paths.slice(0, 8).join(', ');
    return paths.length > 8 ? `${shown} and ${paths.length - 8} more` : shown;
  };
  const why = refusal.foreign
    ? `${outDir} is not empty and was not made by sdkgen (it has no ${MANIFEST}).`
    : `${outDir} holds files sdkgen did not write where it would write its own.`;
  const harm =
    refusal.overwrites.length > 0
      ? ` It would overwrite ${list(refusal.overwrites)}.`
      : ` It would add files beside ${list(refusal.kept)}.`;
  return `${why}${harm} Choose an empty or new folder, or pass --force to write there anyway (sdkgen never deletes a file it did not write).`;
}

export interface PlanOptions {
  /** Only the committed files count (dist/ is neither compared nor deleted), as for --check. */
  readonly sourcesOnly?: boolean | undefined;
  /** The pristine copy of the new output, when `generated` holds merged edits or files written ahead; by default, of `generated`. */
  readonly pristine?: OutputFile | undefined;
  /** Generated files the user deleted, kept deleted: recorded in the manifest. */
  readonly deleted?: readonly string[] | undefined;
  /** The folder as `mergeEdits` read it (its ownership, its sources' texts), not read again. */
  readonly disk?: DiskRead | undefined;
}

/**
 * Compares the output with what is on disk, reading only. The output gains its pristine copy and
 * its manifest. Nothing below src/lib/ is ever written or deleted: it is the user's. A file
 * written ahead (its text not kept) counts as changed: it is renamed into place.
 */
export function planOutput(outDir: string, generated: readonly PlannedFile[], options: PlanOptions = {}): OutputPlan {
  const withPristine = [...generated, options.pristine ?? pristineFile(generated.map(withText))];
  const files = [
    ...withPristine,
    {
      path: MANIFEST,
      contents: manifestText(
        withPristine.map((f) => f.path),
        options.deleted,
      ),
    },
  ];
  const ownership =
    options.disk?.ownership ??
    readOwnership(
      outDir,
      files.map((f) => f.path),
    );
  // A new folder holds nothing to compare: Graph's 8,000 failed opens cost ~0.1 s. (Elsewhere every
  // path is tried: a file below a symbolic link to a folder is not listed in `present`.)
  const read = (path: string): string | undefined =>
    options.disk?.texts.has(path) === true
      ? options.disk.texts.get(path)
      : ownership.kind === 'new'
        ? undefined
        : readText(join(outDir, path));
  const changed: PlannedFile[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    const { contents } = file;
    const onDisk = contents === undefined ? undefined : read(file.path);
    const same =
      contents !== undefined &&
      onDisk !== undefined &&
      (onDisk === contents || (file.path === PRISTINE && samePristine(onDisk, contents)));
    if (same) unchanged.push(file.path);
    else changed.push(file);
  }
  const produced = new Set(files.map((f) => f.path));
  const present = new Set(ownership.present);
  const counts = (path: string): boolean => options.sourcesOnly !== true || !path.startsWith('dist/');
  const stale = [...ownership.owned]
    .filter((path) => !produced.has(path) && counts(path) && present.has(path) && !isUserCode(path))
    .sort();
  const overwrites = changed
    .map((f) => f.path)
    .filter((path) => present.has(path) && !ownership.owned.has(path))
    .sort();
  const kept = ownership.present.filter((path) => !ownership.owned.has(path) && !produced.has(path));
  const foreign = ownership.kind === 'foreign';
  const refusal = foreign || overwrites.length > 0 ? { foreign, overwrites, kept } : undefined;
  return { changed, unchanged, stale, refusal };
}

/** A file whose text the plan needs (to make the pristine copy of): never one written ahead. */
function withText(file: PlannedFile): OutputFile {
  if (file.contents === undefined)
    throw new Error(`${file.path} was written ahead: its plan needs the pristine copy made with it`);
  return file;
}

export { JOURNAL };

interface Journal {
  /** [temporary, target] pairs, relative to the output folder. */
  readonly renames: readonly (readonly [string, string])[];
  readonly deletes: readonly string[];
}

/**
 * Writes only what changed, so that no failure or kill leaves a half-written package:
 * 1. every new file is written beside its target under a temporary name; a failure here
 *    removes the temporaries and leaves the output exactly as it was;
 * 2. a journal of the renames and deletions to come is written (whole, then renamed in);
 * 3. the renames and deletions are made, then the journal is removed.
 * A run killed in step 3 leaves the journal; the next run (`finishInterruptedWrite`) makes
 * the rest of its renames first, so the output always ends as one generation wrote it.
 */
export function writeOutput(outDir: string, plan: OutputPlan, options: { readonly force?: boolean } = {}): void {
  if (plan.refusal !== undefined && options.force !== true) throw new OutputFolderError(outDir, plan.refusal);
  const intruders = [...plan.changed.map((file) => file.path), ...plan.stale].filter(isUserCode);
  if (intruders.length > 0)
    throw new Error(`sdkgen never writes or deletes in ${USER_CODE_DIR}, the user's: ${intruders.join(', ')}`);
  // The files written ahead (write-ahead.ts) are this run's temporaries, not left over.
  const ahead = plan.changed.filter((file) => file.contents === undefined).map((file) => temporaryName(file.path));
  finishInterruptedWrite(outDir, new Set(ahead));
  const renames: [string, string][] = [];
  try {
    const toWrite = plan.changed.filter((file): file is OutputFile => file.contents !== undefined);
    for (const dir of new Set(toWrite.map((file) => dirname(join(outDir, file.path)))))
      mkdirSync(dir, { recursive: true });
    for (const file of plan.changed) {
      const temp = temporaryName(file.path);
      if (file.contents !== undefined) writeFileSync(join(outDir, temp), file.contents);
      renames.push([temp, file.path]);
    }
  } catch (error) {
    for (const [temp] of renames) rmSync(join(outDir, temp), { force: true });
    removeEmptyOwnedDirs(outDir);
    throw error;
  }
  if (renames.length === 0 && plan.stale.length === 0) return;
  const journal: Journal = { renames, deletes: plan.stale };
  const journalTemp = join(outDir, `${JOURNAL}${TEMP_MARK}${process.pid}`);
  writeFileSync(journalTemp, JSON.stringify(journal));
  renameSync(journalTemp, join(outDir, JOURNAL));
  applyJournal(outDir, journal);
}

/**
 * Finishes the renames of a run that was killed after writing its journal, and removes the
 * temporary files of one killed before (whose output was still untouched). Returns whether
 * there was anything to finish or clean.
 */
export function finishInterruptedWrite(outDir: string, keep: ReadonlySet<string> = new Set()): boolean {
  const journalPath = join(outDir, JOURNAL);
  let finished = false;
  if (existsSync(journalPath)) {
    applyJournal(outDir, JSON.parse(readFileSync(journalPath, 'utf8')) as Journal);
    finished = true;
  }
  // This run's own temporaries, written ahead (`keep`), are not left over.
  const temporaries = leftoverTemporaries(outDir).filter((path) => !keep.has(path));
  for (const path of temporaries) rmSync(join(outDir, path), { force: true });
  if (temporaries.length > 0) removeEmptyOwnedDirs(outDir);
  return finished || temporaries.length > 0;
}

/** Whether a killed run left a journal to finish or temporary files behind; reads only. */
export function hasInterruptedWrite(outDir: string): boolean {
  return existsSync(join(outDir, JOURNAL)) || leftoverTemporaries(outDir).length > 0;
}

/** Idempotent: a rename already made (its temporary gone) is skipped, so it can be replayed. */
function applyJournal(outDir: string, journal: Journal): void {
  for (const [temp, target] of journal.renames) {
    renameIfPresent(join(outDir, temp), join(outDir, target));
    faultInjection.afterRename();
  }
  for (const path of journal.deletes) rmSync(join(outDir, path), { force: true });
  // Only a deletion empties a folder: walking every folder after each run costs --watch 10 ms.
  if (journal.deletes.length > 0) removeEmptyOwnedDirs(outDir);
  rmSync(join(outDir, JOURNAL), { force: true });
}

/** Renames `from` to `to`, unless `from` is gone (renamed already): one call, where asking first made two. */
function renameIfPresent(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || existsSync(from)) throw error;
  }
}

function leftoverTemporaries(outDir: string): string[] {
  const top = safeReaddir(outDir).filter((name) => name.includes(TEMP_MARK));
  return [...top, ...OWNED_DIRS.flatMap((dir) => filesBelow(outDir, `${dir}/`))].filter((path) =>
    path.includes(TEMP_MARK),
  );
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * For the tests that kill a run mid-write: SDKGEN_FAULT_KILL_AFTER_RENAMES=N makes the
 * process kill itself (SIGKILL, as a crash or an impatient CI would) after N renames.
 */
const faultInjection = (() => {
  const limit = Number(process.env['SDKGEN_FAULT_KILL_AFTER_RENAMES'] ?? NaN);
  let renames = 0;
  return {
    afterRename(): void {
      if (Number.isInteger(limit) && ++renames >= limit) process.kill(process.pid, 'SIGKILL');
    },
  };
})();

/** Removes the folders below src/ and dist/ that hold no file (after deletions, or a failed write's cleanup). */
function removeEmptyOwnedDirs(outDir: string): void {
  for (const dir of OWNED_DIRS) removeEmptyDirs(join(outDir, dir));
}

function removeEmptyDirs(dir: string): boolean {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return false;
  }
  const empty =
    entries.map((entry) => removeEmptyDirs(join(dir, entry))).every(Boolean) && readdirSync(dir).length === 0;
  if (empty) rmdirSync(dir);
  return empty;
}
