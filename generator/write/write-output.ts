import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { OutputFile } from '../emit/output-file.js';

/**
 * Folders the generator owns in the output: a file there that it no longer produces is
 * deleted. Elsewhere it only writes its own files (package.json, …) and leaves the rest alone.
 */
const OWNED_DIRS = ['src', 'dist'] as const;

export interface OutputPlan {
  /** Files whose content differs or that do not exist yet. */
  readonly changed: readonly OutputFile[];
  readonly unchanged: readonly string[];
  /** Owned files that the new output no longer has. */
  readonly stale: readonly string[];
}

/** Compares the output with what is on disk, reading only; `dirs` limits which owned folders count. */
export function planOutput(outDir: string, files: readonly OutputFile[], dirs: readonly string[] = OWNED_DIRS): OutputPlan {
  const changed: OutputFile[] = [];
  const unchanged: string[] = [];
  for (const file of files) {
    if (readText(join(outDir, file.path)) === file.contents) unchanged.push(file.path);
    else changed.push(file);
  }
  const produced = new Set(files.map((f) => f.path));
  const stale = dirs.flatMap((dir) => listFiles(outDir, dir)).filter((path) => !produced.has(path));
  return { changed, unchanged, stale };
}

/**
 * A run that was killed while renaming leaves this file in the output: the renames and
 * deletions it had still to make. The next run finishes them before anything else.
 */
export const JOURNAL = '.sdkgen-journal.json';
const TEMP_MARK = '.sdkgen-tmp-';

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
export function writeOutput(outDir: string, plan: OutputPlan): void {
  finishInterruptedWrite(outDir);
  const renames: [string, string][] = [];
  try {
    for (const dir of new Set(plan.changed.map((file) => dirname(join(outDir, file.path))))) mkdirSync(dir, { recursive: true });
    for (const file of plan.changed) {
      const temp = `${file.path}${TEMP_MARK}${process.pid}`;
      writeFileSync(join(outDir, temp), file.contents);
      renames.push([temp, file.path]);
    }
  } catch (error) {
    for (const [temp] of renames) rmSync(join(outDir, temp), { force: true });
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
export function finishInterruptedWrite(outDir: string): boolean {
  const journalPath = join(outDir, JOURNAL);
  let finished = false;
  if (existsSync(journalPath)) {
    applyJournal(outDir, JSON.parse(readFileSync(journalPath, 'utf8')) as Journal);
    finished = true;
  }
  for (const path of leftoverTemporaries(outDir)) {
    rmSync(join(outDir, path), { force: true });
    finished = true;
  }
  return finished;
}

/** Whether a killed run left a journal to finish or temporary files behind; reads only. */
export function hasInterruptedWrite(outDir: string): boolean {
  return existsSync(join(outDir, JOURNAL)) || leftoverTemporaries(outDir).length > 0;
}

/** Idempotent: a rename already made (its temporary gone) is skipped, so it can be replayed. */
function applyJournal(outDir: string, journal: Journal): void {
  for (const [temp, target] of journal.renames) {
    if (existsSync(join(outDir, temp))) renameSync(join(outDir, temp), join(outDir, target));
    faultInjection.afterRename();
  }
  for (const path of journal.deletes) rmSync(join(outDir, path), { force: true });
  for (const dir of OWNED_DIRS) removeEmptyDirs(join(outDir, dir));
  rmSync(join(outDir, JOURNAL), { force: true });
}

function leftoverTemporaries(outDir: string): string[] {
  const top = safeReaddir(outDir).filter((name) => name.includes(TEMP_MARK));
  return [...top, ...OWNED_DIRS.flatMap((dir) => listFiles(outDir, dir))].filter((path) => path.includes(TEMP_MARK));
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

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Files below `outDir/dir`, as `/`-separated paths relative to `outDir`. */
function listFiles(outDir: string, dir: string): string[] {
  const root = join(outDir, dir);
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `${dir}/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
      .sort();
  } catch {
    return [];
  }
}

function removeEmptyDirs(dir: string): boolean {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return false;
  }
  const empty = entries.map((entry) => removeEmptyDirs(join(dir, entry))).every(Boolean) && readdirSync(dir).length === 0;
  if (empty) rmdirSync(dir);
  return empty;
}
