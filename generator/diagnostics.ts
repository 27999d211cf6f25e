/** Where something is in a spec file; line and column are 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type Severity = 'error' | 'warning';

/** One finding about the input, with a stable `code` that tools and docs can refer to. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: SourceLocation | undefined;
  readonly hint?: string | undefined;
}

/** Looks up the text of a file named in a location, to quote the offending line. */
export type SourceText = (file: string) => string | undefined;

/** The input cannot be turned into a client; carries every error found, not only the first. */
export class SpecError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  /** Each diagnostic formatted, in the same order: `--quiet` prints the errors alone. */
  readonly formatted: readonly string[];

  /** `source`: where to quote each diagnostic's line from, or the diagnostics already formatted. */
  constructor(diagnostics: readonly Diagnostic[], source: SourceText | readonly string[] = () => undefined) {
    const formatted = typeof source === 'function' ? diagnostics.map((d) => formatDiagnostic(d, source)) : source;
    super(formatted.join('\n\n'));
    this.name = 'SpecError';
    this.diagnostics = diagnostics;
    this.formatted = formatted;
  }

  /** The errors alone, formatted (what a `--quiet` run prints). */
  get errorsOnly(): string {
    return this.formatted.filter((_, i) => this.diagnostics[i]?.severity !== 'warning').join('\n\n');
  }
}

/** Collects diagnostics across a stage, so one run reports them all. */
export class DiagnosticBag {
  readonly #items: Diagnostic[] = [];
  readonly #scopes: SourceLocation[] = [];

  error(code: string, message: string, location?: SourceLocation, hint?: string): void {
    this.#items.push({ code, severity: 'error', message, location: location ?? this.#scopes.at(-1), hint });
  }

  warning(code: string, message: string, location?: SourceLocation, hint?: string): void {
    this.#items.push({ code, severity: 'warning', message, location: location ?? this.#scopes.at(-1), hint });
  }

  /**
   * Runs `work` with `location` (an operation's, a schema's) as the place of any diagnostic
   * it reports without one: a problem is always shown somewhere near where it is.
   */
  within<T>(location: SourceLocation, work: () => T): T {
    this.#scopes.push(location);
    try {
      return work();
    } finally {
      this.#scopes.pop();
    }
  }

  addAll(diagnostics: readonly Diagnostic[]): void {
    this.#items.push(...diagnostics);
  }

  get all(): readonly Diagnostic[] {
    return this.#items;
  }

  get hasErrors(): boolean {
    return this.#items.some((d) => d.severity === 'error');
  }

  /** Throws a `SpecError` with every diagnostic if any of them is an error. */
  throwIfErrors(sourceText?: SourceText): void {
    if (this.hasErrors) throw new SpecError(sortDiagnostics(this.#items), sourceText);
  }
}

/** Orders by file and position, so output is stable whatever order the stages found them in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0);
  });
}

/**
 * `file:line:col error code: message`, then the line quoted with a caret under the column:
 * the format editors and CI annotations recognize.
 */
export function formatDiagnostic(diagnostic: Diagnostic, sourceText: SourceText): string {
  const { location } = diagnostic;
  const where = location === undefined ? '' : `${location.file}:${location.line}:${location.column}: `;
  const lines = [`${where}${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`];
  const excerpt = location === undefined ? undefined : codeExcerpt(sourceText(location.file), location);
  if (excerpt !== undefined) lines.push(excerpt);
  if (diagnostic.hint !== undefined) lines.push(`  hint: ${diagnostic.hint}`);
  return lines.join('\n');
}

/** How much of a long line an excerpt shows, and how far before the column it starts. */
const EXCERPT_WIDTH = 120;
const EXCERPT_LEAD = 50;

/**
 * Where each line of the text last quoted from starts: a run's warnings mostly quote one file, a
 * big one. Offsets, not the split lines: `--watch` quotes a new 3 MB text after each edit.
 */
let quoted: { readonly text: string; readonly starts: readonly number[] } | undefined;

/** Line `n` (1-based) of `text` as `text.split(/\r?\n/)` gives it. */
function lineOf(text: string, n: number): string | undefined {
  if (quoted?.text !== text) {
    const starts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    quoted = { text, starts };
  }
  const start = quoted.starts[n - 1];
  if (start === undefined) return undefined;
  const next = quoted.starts[n];
  if (next === undefined) return text.slice(start);
  return text.slice(start, text.charCodeAt(next - 2) === 13 && next - 2 >= start ? next - 2 : next - 1);
}

function codeExcerpt(text: string | undefined, location: SourceLocation): string | undefined {
  if (text === undefined) return undefined;
  const line = lineOf(text, location.line);
  if (line === undefined) return undefined;
  const gutter = String(location.line);
  const column = Math.max(0, Math.min(location.column - 1, line.length));
  // A long line (a minified JSON spec is one) is shown as a window around the column.
  const start =
    line.length <= EXCERPT_WIDTH ? 0 : Math.max(0, Math.min(column - EXCERPT_LEAD, line.length - EXCERPT_WIDTH));
  const end = Math.min(line.length, start + EXCERPT_WIDTH);
  const before = start > 0 ? '…' : '';
  const shown = `${before}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
  const caret = `${' '.repeat(gutter.length)} | ${' '.repeat(before.length + column - start)}^`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced, so that a quoted line cannot drive the terminal.
  return `${gutter} | ${shown.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?')}\n${caret}`;
}
