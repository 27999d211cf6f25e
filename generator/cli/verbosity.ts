import { UsageError } from './args.js';

/**
 * How much a command says about the spec's diagnostics: `quiet` errors alone; `normal` every
 * error, and warnings grouped by code once a code repeats; `verbose` every diagnostic in full.
 */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** `--quiet` and `--verbose`, the same on every command that prints diagnostics. */
export const VERBOSITY_OPTIONS = {
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

/** The verbosity the flags ask for; both at once is wrong usage. */
export function verbosityOf(values: {
  readonly quiet?: boolean | undefined;
  readonly verbose?: boolean | undefined;
}): Verbosity {
  if (values.quiet === true && values.verbose === true)
    throw new UsageError('--quiet and --verbose do not go together: choose how much to print');
  if (values.quiet === true) return 'quiet';
  return values.verbose === true ? 'verbose' : 'normal';
}

/** The help lines of the two flags, for the commands whose `--quiet` hides only warnings. */
export const QUIET_HELP = '  --quiet             print errors alone, no warnings';
export const VERBOSE_HELP = `  --verbose           print every warning in full; without it, a code with more than three
                      warnings prints the first in full, the next three a line each, and a count`;
