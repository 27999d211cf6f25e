/**
 * The scalars of yaml-scan.ts: quoted and block scalars, read by character codes from the
 * text. Each reader takes the text, where the scalar starts and the indentation of the node
 * that holds it, returns the scalar's value and sets `at.end` to where it ends; whatever it is
 * unsure of throws `ScanFallback`, which hands the whole text to js-yaml's events (yaml-events.ts).
 */

/** A construct the scanner leaves to the readers it falls back on. */
export class ScanFallback extends Error {}

/** Where a scalar reader stopped: the scanner's one mutable cursor, so no result object per scalar. */
export interface ScanEnd {
  end: number;
}

export const NL = 10;
export const SPACE = 32;
export const TAB = 9;
export const HASH = 35;
const SINGLE = 39;
const DOUBLE = 34;
const BACKSLASH = 92;

/** Double-quoted escapes with a single-character meaning (YAML 1.2, 5.7). */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Throws the fallback: the caller's text is one the scanner does not take on. */
export function fallback(why: string): never {
  throw new ScanFallback(why);
}

/**
 * A single- or double-quoted scalar starting at the quote `start`. A scalar over several lines
 * is folded as YAML folds flow scalars (a line break is a space, each empty line a `\n`); its
 * lines after the first must be indented deeper than `indent`. `oneLine`: a key or a flow
 * collection's item, which may not span lines here.
 */
export function readQuoted(text: string, start: number, indent: number, oneLine: boolean, at: ScanEnd): string {
  const quote = text.charCodeAt(start);
  let value = '';
  let from = start + 1;
  let p = from;
  for (;;) {
    if (p >= text.length) fallback('unterminated quoted scalar');
    const c = text.charCodeAt(p);
    if (c === quote) {
      if (quote === SINGLE && text.charCodeAt(p + 1) === SINGLE) {
        value += text.slice(from, p + 1);
        p += 2;
        from = p;
        continue;
      }
      at.end = p + 1;
      return value + text.slice(from, p);
    }
    if (c === BACKSLASH && quote === DOUBLE) {
      value += text.slice(from, p);
      if (text.charCodeAt(p + 1) === NL) {
        // An escaped line break joins the lines with nothing between.
        if (oneLine) fallback('quoted scalar over several lines');
        p = foldQuotedBreak(text, p + 1, indent, () => {}, true);
        from = p;
        continue;
      }
      p = readEscape(text, p, (escaped) => {
        value += escaped;
      });
      from = p;
      continue;
    }
    if (c === NL) {
      if (oneLine) fallback('quoted scalar over several lines');
      value += trimLineEnd(text.slice(from, p));
      p = foldQuotedBreak(text, p, indent, (folded) => {
        value += folded;
      });
      from = p;
      continue;
    }
    p++;
  }
}

/** Reads the escape at the backslash `p`, gives its text to `add`, returns where the scalar goes on. */
function readEscape(text: string, p: number, add: (text: string) => void): number {
  const name = text.charAt(p + 1);
  const simple = SIMPLE_ESCAPES[name];
  if (simple !== undefined) {
    add(simple);
    return p + 2;
  }
  const length = HEX_ESCAPE_LENGTH[name];
  if (length === undefined) fallback(`escape \\${name}`); // an escaped line break, or an error
  const digits = text.slice(p + 2, p + 2 + length);
  if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== length) fallback('bad hex escape');
  const code = Number.parseInt(digits, 16);
  if (code > 0x10ffff) fallback('escape beyond Unicode');
  add(String.fromCodePoint(code));
  return p + 2 + length;
}

/**
 * Folds the line break at `p` inside a quoted scalar: the next line's leading spaces go, and the
 * break is a space, or a `\n` per empty line after it (`escaped`: nothing, as after a backslash).
 * Returns where the scalar's text goes on.
 */
function foldQuotedBreak(
  text: string,
  p: number,
  indent: number,
  add: (text: string) => void,
  escaped = false,
): number {
  let empty = 0;
  for (;;) {
    p++; // past the line break
    let column = 0;
    while (text.charCodeAt(p + column) === SPACE) column++;
    const c = text.charCodeAt(p + column);
    if (c === TAB) fallback('tab in a quoted scalar’s line start');
    if (c === NL) {
      if (escaped) fallback('empty line after an escaped line break');
      empty++;
      p += column;
      continue;
    }
    if (column <= indent || Number.isNaN(c)) fallback('quoted scalar’s line not indented');
    if (column === 0 && isDocumentMarker(text, p)) fallback('document marker in a quoted scalar');
    add(empty === 0 ? ' ' : '\n'.repeat(empty));
    return p + column;
  }
}

/** `---` or `...` at the start of a line, followed by a space, a line break or the end. */
export function isDocumentMarker(text: string, lineStart: number): boolean {
  const marker = text.slice(lineStart, lineStart + 3);
  return (marker === '---' || marker === '...') && isBlankOrEnd(text.charCodeAt(lineStart + 3));
}

/** A space, a line break or the end of the text (`NaN` from charCodeAt). */
export function isBlankOrEnd(c: number): boolean {
  return c === SPACE || c === NL || Number.isNaN(c);
}

function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === SPACE) end--;
  if (end > 0 && line.charCodeAt(end - 1) === TAB) fallback('tab at a quoted line’s end');
  return line.slice(0, end);
}

/**
 * A literal (`|`) or folded (`>`) block scalar whose header starts at `start`, in a node
 * indented by `indent`; `at.end` is the start of the first line after it. Takes chomping
 * indicators; leaves explicit indentation indicators, blank lines before the first line of
 * content deeper than it, and a text ending inside the scalar to the fallback.
 */
export function readBlockScalar(text: string, start: number, indent: number, at: ScanEnd): string {
  const folded = text.charCodeAt(start) === 62; // '>'
  let p = start + 1;
  let chomp: '-' | '+' | '' = '';
  const c = text.charAt(p);
  if (c === '-' || c === '+') {
    chomp = c;
    p++;
  }
  if (/[0-9+-]/.test(text.charAt(p))) fallback('block scalar indentation indicator');
  p = skipHeaderRest(text, p);
  // Lines before the first with content are empty lines, each a `\n`.
  let leading = 0;
  let column = 0;
  let lineStart = p;
  for (;;) {
    column = 0;
    while (text.charCodeAt(lineStart + column) === SPACE) column++;
    const next = text.charCodeAt(lineStart + column);
    if (next !== NL) break;
    leading++;
    lineStart += column + 1;
  }
  const content = column;
  const first = text.charCodeAt(lineStart + content);
  if (Number.isNaN(first) || content <= indent) {
    // No content: the scalar is empty, and the lines after it belong to what follows.
    at.end = lineStart;
    if (chomp !== '+') return '';
    if (Number.isNaN(first) && column > 0) fallback('text ends in spaces inside a block scalar');
    return '\n'.repeat(leading);
  }
  if (hasDeepBlankLine(text, p, lineStart, content)) fallback('leading blank line deeper than the content');
  let value = '\n'.repeat(leading);
  let empty = 0;
  let firstLine = true;
  let lastSpaced = false;
  for (;;) {
    // `lineStart` starts a line of content at column `content`.
    const lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) fallback('text ends inside a block scalar');
    const body = text.slice(lineStart + content, lineEnd);
    const c0 = body.charCodeAt(0);
    const spaced = c0 === SPACE || c0 === TAB;
    if (firstLine) value += body;
    // Folding joins two lines of text only; a line indented deeper keeps its line breaks.
    else if (folded && !spaced && !lastSpaced) value += empty === 0 ? ` ${body}` : '\n'.repeat(empty) + body;
    else value += '\n'.repeat(empty + 1) + body;
    firstLine = false;
    lastSpaced = spaced;
    empty = 0;
    // The next line: content, empty, or the end of the scalar.
    lineStart = lineEnd + 1;
    for (;;) {
      let spaces = 0;
      while (text.charCodeAt(lineStart + spaces) === SPACE) spaces++;
      const n = text.charCodeAt(lineStart + spaces);
      // A line of spaces deeper than the content is a line of content: those spaces.
      if (n === NL && spaces <= content) {
        empty++;
        lineStart += spaces + 1;
        continue;
      }
      if (Number.isNaN(n) && spaces > 0) fallback('text ends in spaces inside a block scalar');
      if (!Number.isNaN(n) && spaces >= content) break; // another line of content
      // The scalar ends: the lines of spaces and breaks just read are its trailing empty lines.
      at.end = lineStart;
      if (chomp === '-') return value;
      if (chomp === '+') return `${value}\n${'\n'.repeat(empty)}`;
      return `${value}\n`;
    }
  }
}

/** After a block scalar's indicators: spaces, an optional comment, the line break; returns the next line's start. */
function skipHeaderRest(text: string, p: number): number {
  const spaces = p;
  while (text.charCodeAt(p) === SPACE) p++;
  const c = text.charCodeAt(p);
  if (c === HASH && p > spaces) p = text.indexOf('\n', p);
  else if (c !== NL) fallback('block scalar header');
  if (p === -1) fallback('text ends at a block scalar header');
  return p + 1;
}

/** Whether a blank line between `from` and `to` (the first content line) has more spaces than `content`. */
function hasDeepBlankLine(text: string, from: number, to: number, content: number): boolean {
  let spaces = 0;
  for (let p = from; p < to; p++) {
    if (text.charCodeAt(p) === NL) {
      if (spaces > content) return true;
      spaces = 0;
    } else spaces++;
  }
  return false;
}
