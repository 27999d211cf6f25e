import type { FormattedDiagnostic, SpecError } from '../diagnostics.js';
import { plural } from '../plural.js';
import type { CliIO } from './io.js';
import { type Paint, paintDiagnostics, painter } from './terminal.js';
import type { Verbosity } from './verbosity.js';

/** A code with more warnings than this is printed as a group: Graph has 179 name clashes of one pattern. */
const GROUP_ABOVE = 3;
/** How many of a group's other warnings are listed, one line each, after the first in full. */
const ALSO_LISTED = 3;
/** How much of a listed warning's message its one line shows. */
const ALSO_MESSAGE_WIDTH = 160;

export interface ReportOptions {
  readonly verbosity: Verbosity;
  /** What starts a group's line: `sdkgen`, `sdkgen plan`. */
  readonly command: string;
  readonly paint?: Paint | undefined;
}

/**
 * Prints diagnostics as the verbosity says. Errors are always printed in full, each with its
 * location and quoted line; warnings not at all when quiet (as `eslint --quiet`), each in full
 * when verbose, and otherwise in full unless their code has more than a few, which are grouped:
 * the first in full, the next few one line each, and a count of the rest. Order is kept: a
 * group stands where its code first appears.
 */
export function printDiagnostics(
  diagnostics: readonly FormattedDiagnostic[],
  io: Pick<CliIO, 'err'>,
  options: ReportOptions,
): void {
  const paint = options.paint ?? painter(false);
  const shown = options.verbosity === 'quiet' ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const groups = options.verbosity === 'normal' ? warningGroups(shown) : new Map<string, FormattedDiagnostic[]>();
  for (const diagnostic of shown) {
    const group = diagnostic.severity === 'warning' ? groups.get(diagnostic.code) : undefined;
    if (group === undefined) io.err(paintDiagnostics(diagnostic.formatted, paint));
    else if (group[0] === diagnostic) printGroup(group, io, options.command, paint);
  }
}

/** A SpecError's diagnostics (its errors, and the warnings found beside them) as `printDiagnostics` prints them. */
export function printSpecError(error: SpecError, io: Pick<CliIO, 'err'>, options: ReportOptions): void {
  printDiagnostics(error.formattedDiagnostics, io, options);
}

/** The warnings of each code that has more than a few, in the order found. */
function warningGroups(diagnostics: readonly FormattedDiagnostic[]): Map<string, FormattedDiagnostic[]> {
  const byCode = new Map<string, FormattedDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== 'warning') continue;
    const group = byCode.get(diagnostic.code) ?? [];
    group.push(diagnostic);
    byCode.set(diagnostic.code, group);
  }
  for (const [code, group] of byCode) if (group.length <= GROUP_ABOVE) byCode.delete(code);
  return byCode;
}

function printGroup(
  group: readonly FormattedDiagnostic[],
  io: Pick<CliIO, 'err'>,
  command: string,
  paint: Paint,
): void {
  const [first, ...others] = group;
  if (first === undefined) return;
  const what = `${first.code} warning`;
  io.err(paint.bold(`${command}: ${plural(group.length, what)}, the first in full (--verbose prints every one):`));
  io.err(paintDiagnostics(first.formatted, paint));
  for (const other of others.slice(0, ALSO_LISTED)) io.err(paint.dim(`  also ${oneLine(other)}`));
  const rest = others.length - ALSO_LISTED;
  if (rest > 0) io.err(paint.dim(`  …and ${plural(rest, `more ${what}`)}.`));
}

/** `file:line:col: message`, the message cut to one short line. */
function oneLine(diagnostic: FormattedDiagnostic): string {
  const { location } = diagnostic;
  const where = location === undefined ? '' : `${location.file}:${location.line}:${location.column}: `;
  const message = diagnostic.message.replace(/\s+/g, ' ');
  return `${where}${message.length > ALSO_MESSAGE_WIDTH ? `${message.slice(0, ALSO_MESSAGE_WIDTH - 1)}…` : message}`;
}
