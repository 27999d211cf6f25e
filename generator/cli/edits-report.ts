import type { ConflictHunk } from '../write/merge/types.js';
import type { EditedOutput } from '../write/merge-edits.js';
import { plural } from './args.js';
import type { CliIO } from './io.js';

/** How many lines of each side a conflict shows before saying how many more there are. */
const SHOWN_LINES = 12;

/**
 * Each conflict as `file:line` (its line in the file on disk) with both sides: the user's edit
 * and what the new output has there.
 */
export function printConflicts(conflicts: readonly ConflictHunk[], out: string, io: CliIO): void {
  for (const hunk of conflicts) {
    io.err(`  ${out}/${hunk.path}:${hunk.oursLine}`);
    io.err('    your edit:');
    for (const line of shown(hunk.ours)) io.err(`      ${line}`);
    io.err(`    the new output (its line ${hunk.theirsLine}):`);
    for (const line of shown(hunk.theirs)) io.err(`      ${line}`);
  }
}

function shown(lines: readonly string[]): readonly string[] {
  if (lines.length === 0) return ['(no lines: removed)'];
  const head = lines.slice(0, SHOWN_LINES).map((line) => `| ${line}`);
  return lines.length > SHOWN_LINES ? [...head, `… and ${plural(lines.length - SHOWN_LINES, 'more line')}`] : head;
}

/**
 * What stops a run from writing: conflicting edits (unless markers are asked for), edits in files
 * the new output drops, and changes that cannot be told from edits without a pristine copy
 * (those two unless --force). Prints them; returns whether there were any.
 */
export function printBlockers(
  edits: EditedOutput,
  options: { readonly out: string; readonly markers: boolean; readonly force: boolean; readonly check: boolean },
  io: CliIO,
): boolean {
  const { out } = options;
  let blocked = false;
  const nothing = options.check ? '' : '; nothing was written';
  if (edits.conflicts.length > 0 && (options.check || !options.markers)) {
    blocked = true;
    const files = new Set(edits.conflicts.map((hunk) => hunk.path)).size;
    io.err(
      `sdkgen: your edits and the new output change the same lines differently, in ${plural(edits.conflicts.length, 'place')} in ${plural(files, 'file')}${nothing}:`,
    );
    printConflicts(edits.conflicts, out, io);
    io.err(
      'sdkgen: change your edit or the spec so that they no longer touch the same lines (or move your code to src/lib/), or run with --conflicts=markers to write both sides into the files between git-style markers and settle them there.',
    );
  }
  if (edits.losses.length > 0 && (options.check || !options.force)) {
    blocked = true;
    const one = edits.losses.length === 1;
    io.err(`sdkgen: the new output no longer has ${plural(edits.losses.length, 'file')} you edited${nothing}:`);
    for (const path of edits.losses) io.err(`  ${out}/${path}`);
    io.err(
      `sdkgen: deleting ${one ? 'it' : 'them'} would lose your edits. Move the code you want to keep (to src/lib/, which sdkgen never touches), then delete ${one ? 'the file' : 'the files'} or run with --force to delete ${one ? 'it' : 'them'}.`,
    );
  }
  if (edits.unsettled.length > 0 && options.check) {
    blocked = true;
    io.err(`sdkgen: ${out}/ still holds conflict markers from an earlier --conflicts=markers run:`);
    for (const place of edits.unsettled) io.err(`  ${out}/${place}`);
  }
  if (edits.unmergeable.length > 0 && !options.check && !options.force) {
    blocked = true;
    io.err(
      `sdkgen: ${plural(edits.unmergeable.length, 'generated file')} differ from the new output, and ${out}/ has no .sdkgen-pristine (an older sdkgen wrote it) to tell your edits from the generator's changes${nothing}:`,
    );
    for (const path of edits.unmergeable.slice(0, 10)) io.err(`  ${out}/${path}`);
    if (edits.unmergeable.length > 10) io.err(`  and ${edits.unmergeable.length - 10} more`);
    io.err(
      'sdkgen: run with --force to replace them with the new output (commit first if they hold edits of yours); every run from then on keeps your edits.',
    );
  }
  return blocked;
}
