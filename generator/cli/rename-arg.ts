/**
 * `--rename`, alone, names every name afresh; `--rename <target>` (repeatable) only the entries of
 * the names lock a target matches. parseArgs has no option whose value may be left out, so a bare
 * `--rename` (the last argument, or one followed by another option) is read as `--rename=*`.
 */
const ALL = '*';

export function withBareRename(argv: readonly string[]): string[] {
  return argv.map((arg, index) => {
    const next = argv[index + 1];
    return arg === '--rename' && (next === undefined || next.startsWith('-')) ? `--rename=${ALL}` : arg;
  });
}

/** What the model is told: every name (`true`), the targets, or nothing to rename. */
export function renameTargets(values: readonly string[] | undefined): true | readonly string[] | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.includes(ALL) ? true : values;
}
