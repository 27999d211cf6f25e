/**
 * The three-way merge of a generated file (issue 32): `base` is the pristine output of the last
 * run, `ours` the file on disk (with the user's edits), `theirs` the new output.
 */
export interface MergeInput {
  /** Relative path in the output folder, with `/`: tells a structural resolver what language it reads. */
  readonly path: string;
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
}

/** A region where both sides changed the same lines of the base differently. Lines have no `\n`. */
export interface ConflictHunk {
  readonly path: string;
  /** 1-based line in `ours` where the region starts (for `file:line` messages). */
  readonly oursLine: number;
  /** 1-based line in `theirs` where the region starts. */
  readonly theirsLine: number;
  readonly base: readonly string[];
  readonly ours: readonly string[];
  readonly theirs: readonly string[];
  /** A few lines of `ours` before the region, which a structural resolver may read for context. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/**
 * Settles a conflict hunk when it understands the lines (TypeScript export lists, import blocks,
 * class members, resource registries): returns the merged lines, or undefined to leave it a conflict.
 */
export type HunkResolver = (hunk: ConflictHunk) => readonly string[] | undefined;

export interface MergeResult {
  /** The merged text; with conflicts, `ours` sides in place and git-style markers only if asked for. */
  readonly text: string;
  readonly conflicts: readonly ConflictHunk[];
}
