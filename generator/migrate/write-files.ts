/**
 * Writes a migration's files all or nothing: each beside its target first, then, after a journal
 * of the renames to come, renamed in. A run killed while renaming leaves the journal, and the
 * next `migrate` finishes those renames before anything else.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TEMP_MARK } from '../write/ownership.js';

export interface ProjectWrite {
  /** Relative to the project folder, `/`-separated. */
  readonly path: string;
  readonly contents: string;
}

/** In the project folder while renames are under way: [temporary, target] pairs, relative to it. */
export const MIGRATE_JOURNAL = '.sdkgen-migrate-journal.json';

/**
 * A failure while writing the temporaries (a full disk, a read-only file) removes them and leaves
 * the project as it was; only then are they renamed over their targets.
 */
export function writeProjectFiles(root: string, files: readonly ProjectWrite[]): void {
  const staged: [string, string][] = [];
  try {
    for (const file of files) {
      const temp = `${file.path}${TEMP_MARK}${process.pid}`;
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, temp), file.contents);
      staged.push([temp, file.path]);
    }
  } catch (error) {
    for (const [temp] of staged) rmSync(join(root, temp), { force: true });
    throw error;
  }
  const journal = join(root, MIGRATE_JOURNAL);
  writeFileSync(`${journal}${TEMP_MARK}${process.pid}`, JSON.stringify(staged));
  renameSync(`${journal}${TEMP_MARK}${process.pid}`, journal);
  finishInterruptedMigration(root);
}

/** Makes the renames a killed run left in its journal (idempotent); whether there was one. */
export function finishInterruptedMigration(root: string): boolean {
  const journal = join(root, MIGRATE_JOURNAL);
  if (!existsSync(journal)) return false;
  for (const [temp, target] of JSON.parse(readFileSync(journal, 'utf8')) as [string, string][])
    if (existsSync(join(root, temp))) renameSync(join(root, temp), join(root, target));
  rmSync(journal);
  return true;
}
