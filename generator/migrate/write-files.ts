/** Writes a migration's files all or nothing: each beside its target first, then renamed in. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TEMP_MARK } from '../write/ownership.js';

export interface ProjectWrite {
  /** Relative to the project folder, `/`-separated. */
  readonly path: string;
  readonly contents: string;
}

/**
 * A failure while writing the temporaries (a full disk, a read-only file) removes them and leaves
 * the project as it was; only then are they renamed over their targets, which cannot fail halfway
 * for want of space, as a rename within a folder allocates nothing.
 */
export function writeProjectFiles(root: string, files: readonly ProjectWrite[]): void {
  const staged: [string, string][] = [];
  try {
    for (const file of files) {
      const target = join(root, file.path);
      const temp = `${target}${TEMP_MARK}${process.pid}`;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(temp, file.contents);
      staged.push([temp, target]);
    }
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of staged) renameSync(temp, target);
}
