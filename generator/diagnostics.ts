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

/**
 * A diagnostic with its text as printed (location, quoted line, hint): plain data, so that it
 * crosses from the worker thread that read the spec, and the CLI can still group by `code`.
 */
export interface FormattedDiagnostic extends Diagnostic {
  readonly formatted: string;
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

  /** Each diagnostic with its formatted text, for the CLI to print as the run's verbosity says. */
  get formattedDiagnostics(): FormattedDiagnostic[] {
    return this.diagnostics.map((d, i) => ({ ...d, formatted: this.formatted[i] ?? d.message }));
  }
}

/** Collects diagnostics across a stage, so one run reports them all. */
export class DiagnosticBag {
  readonly #items: Diagnostic[] = [];
  readonly #scopes: (SourceLocation | (() => SourceLocation))[] = [];

  error(code: string, message: string, location?: SourceLocation, hint?: string): void {
    this.#items.push({ code, severity: 'error', message, location: location ?? this.#scope(), hint });
  }

  warning(code: string, message: string, location?: SourceLocation, hint?: string): void {
    this.#items.push({ code, severity: 'warning', message, location: location ?? this.#scope(), hint });
  }

  #scope(): SourceLocation | undefined {
    const scope = this.#scopes.at(-1);
    return typeof scope === 'function' ? scope() : scope;
  }

  /**
   * Runs `work` with `location` (an operation's, a schema's) as the place of any diagnostic
   * it reports without one: a problem is always shown somewhere near where it is. A function
   * is called only when a diagnostic needs the place: finding a position in the spec's text
   * for each of Graph's 11,422 operations and their parameters cost more than half a second.
   */
  within<T>(location: SourceLocation | (() => SourceLocation), work: () => T): T {
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

export function formatDiagnostics(diagnostics: readonly Diagnostic[], sourceText: SourceText): FormattedDiagnostic[] {
  return diagnostics.map((d) => ({ ...d, formatted: formatDiagnostic(d, sourceText) }));
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

/**
 * The line starts of the last text indexed: a big spec's hundreds of warnings all quote the
 * same file, and splitting 20 MB into lines for each of them was a tenth of Graph's run. The
 * spec file's locator (load/line-index.ts) indexes the same text to place those warnings: it
 * asks here too, so that a run splits a file into lines once (openai.yaml's 87,000: ~15 ms cold).
 */
let indexed: { readonly text: string; readonly starts: readonly number[] } | undefined;

/** The offset each line of `text` starts at (the first is 0). */
export function lineStarts(text: string): readonly number[] {
  if (indexed?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    indexed = { text, starts };
  }
  return indexed.starts;
}

/**
 * Lets go of the text last indexed: once a spec's warnings are formatted nothing asks again, and
 * Graph's (20 MB, UTF-16 in memory) would otherwise stay live through the emit: 41 MB.
 */
export function forgetLineStarts(): void {
  indexed = undefined;
}

/** Line `number` (1-based) of `text`, without its line break (`\n` or `\r\n`). */
export function lineOf(text: string, number: number): string | undefined {
  const starts = lineStarts(text);
  const start = starts[number - 1];
  if (start === undefined) return undefined;
  const next = starts[number];
  const end = next === undefined ? text.length : next - 1;
  return text.slice(start, next !== undefined && end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
}
