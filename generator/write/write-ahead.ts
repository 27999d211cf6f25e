import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../emit/output-file.js';
import { filesBelow, TEMP_MARK } from './ownership.js';

/**
 * The first step of `writeOutput` (every file written beside its target under a temporary name),
 * taken batch by batch while the model worker still emits: on Microsoft Graph the writes are
 * seconds of the kernel's time (145 MB in 8,000 files), which the main thread can spend while it
 * waits for the next batch. Only into a folder that is new (absent, or holding no file): there,
 * every file is written, none is merged with edits, nothing can be refused, so what is written
 * ahead is exactly what `writeOutput` would write, and the texts need not be kept: the plan
 * lists these files by path (`WrittenAheadFile`), and `writeOutput` renames their temporaries
 * with the rest, writing only what was not written ahead (the pristine copy, the manifest, the
 * API report). A run that fails before that removes them (`discard`); one killed leaves
 * temporaries, which the next run removes first, as it does a killed `writeOutput`'s.
 */
export class WriteAhead {
  readonly #outDir: string;
  readonly #createdOutDir: boolean;
  /** In the order first written; a file written again (the API report, made early) is listed once. */
  readonly #paths = new Set<string>();
  readonly #dirs = new Set<string>();

  private constructor(outDir: string, createdOutDir: boolean) {
    this.#outDir = outDir;
    this.#createdOutDir = createdOutDir;
  }

  /** Writes ahead into `outDir` if it is new: absent or without a file. */
  static into(outDir: string): WriteAhead | undefined {
    const absent = !existsSync(outDir);
    if (!absent && filesBelow(outDir).length > 0) return undefined;
    return new WriteAhead(outDir, absent);
  }

  /** Writes each file under its temporary name. */
  write(files: readonly OutputFile[]): void {
    for (const file of files) {
      const dir = dirname(join(this.#outDir, file.path));
      if (!this.#dirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.#dirs.add(dir);
      }
      writeFileSync(join(this.#outDir, temporaryName(file.path)), file.contents);
      this.#paths.add(file.path);
    }
  }

  /** The files written ahead, in the order written, as a plan lists them. */
  get written(): readonly WrittenAheadFile[] {
    return [...this.#paths].map((path) => ({ path, writtenAhead: true }));
  }

  /**
   * Removes what is left of the temporaries (none once `writeOutput` renamed them), the folders
   * left empty, and the output folder itself if this run made it and it is still empty.
   */
  discard(): void {
    const [first] = this.#paths;
    // `writeOutput` renames them all, or, failing, removes them all: then only the folder is left to check.
    if (first !== undefined && existsSync(join(this.#outDir, temporaryName(first)))) {
      for (const path of this.#paths) rmSync(join(this.#outDir, temporaryName(path)), { force: true });
      for (const dir of [...this.#dirs].sort((a, b) => b.length - a.length)) removeIfEmpty(dir, this.#outDir);
    }
    if (this.#createdOutDir) removeIfEmpty(this.#outDir, dirname(this.#outDir));
  }
}

/** A file of the output already written under its temporary name: its text is on disk, not kept. */
export interface WrittenAheadFile {
  readonly path: string;
  readonly writtenAhead: true;
  readonly contents?: undefined;
}

/** A file of a plan: its text, or written ahead. */
export type PlannedFile = OutputFile | WrittenAheadFile;

/** Where a file is written before it is renamed to `path`: by this process, so no other run's. */
export function temporaryName(path: string): string {
  return `${path}${TEMP_MARK}${process.pid}`;
}

/** Removes `dir` and its parents up to `stop` (excluded) while they are empty. */
function removeIfEmpty(dir: string, stop: string): void {
  for (let at = dir; at.length > stop.length && at.startsWith(stop); at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return;
    }
  }
}
