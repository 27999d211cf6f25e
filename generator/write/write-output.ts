import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
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
 * Writes only what changed. Every new file is first written beside its target under a
 * temporary name; only when all are written are they renamed into place (one atomic
 * rename each). A failure before that removes the temporaries and leaves the output
 * exactly as it was.
 */
export function writeOutput(outDir: string, plan: OutputPlan): void {
  const temporaries: { readonly temp: string; readonly target: string }[] = [];
  try {
    for (const file of plan.changed) {
      const target = join(outDir, file.path);
      const temp = `${target}.sdkgen-tmp-${process.pid}`;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(temp, file.contents);
      temporaries.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of temporaries) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of temporaries) renameSync(temp, target);
  for (const path of plan.stale) rmSync(join(outDir, path), { force: true });
  for (const dir of OWNED_DIRS) removeEmptyDirs(join(outDir, dir));
}

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
