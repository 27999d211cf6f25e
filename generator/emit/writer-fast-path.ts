import CodeBlockWriter from 'code-block-writer';

/**
 * code-block-writer's own bookkeeping (13.0.3, the version ts-morph 28 uses): every character
 * written is looked up in a `Set` to track strings, comments and regular expressions (it decides
 * where indentation goes), every write splits its text on newlines and allocates a one-character
 * string to ask whether the last character was a newline. Our printer (print/) writes each
 * module's text once, into one writer; this bookkeeping is still a tenth of the emit's CPU (bench/profile.md, "Printer of our own").
 *
 * `installWriterFastPath` replaces those three methods on the class with versions that compute
 * exactly the same state and text with less work: a table lookup instead of the `Set`, an
 * `indexOf` loop instead of `split(/\r?\n/)` and `forEach`, char codes instead of strings. Same
 * state in, same state and text out, so every module prints byte-identically
 * (test/emit/writer-fast-path.test.ts compares them with the library's own, on random programs).
 * ts-morph's copy of the class (CommonJS) is left alone.
 */
interface WriterInternals {
  _stringCharStack: number[];
  _currentCommentChar: number | undefined;
  _isInRegEx: boolean;
  _length: number;
  _texts: string[];
  isInString(): boolean;
  isInComment(): boolean;
  _getLastCharCodeWithOffset(offset: number): number | undefined;
  _writeIndentation(): void;
  _baseWriteNewline(): void;
  _internalWrite(text: string): void;
  _updateInternalState(text: string): void;
  _writeIndentingNewLines(text: string): void;
  isLastNewLine(): boolean;
}

const BACK_SLASH = 92;
const FORWARD_SLASH = 47;
const NEW_LINE = 10;
const CARRIAGE_RETURN = 13;
const ASTERISK = 42;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACK_TICK = 96;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const DOLLAR_SIGN = 36;
/** code-block-writer's `CommentChar` enum. */
const LINE_COMMENT = 0;
const STAR_COMMENT = 1;

/** The characters that can change the writer's state: code-block-writer's `isCharToHandle`. */
const HANDLED = new Uint8Array(128);
for (const code of [
  BACK_SLASH,
  FORWARD_SLASH,
  NEW_LINE,
  CARRIAGE_RETURN,
  ASTERISK,
  DOUBLE_QUOTE,
  SINGLE_QUOTE,
  BACK_TICK,
  OPEN_BRACE,
  CLOSE_BRACE,
])
  HANDLED[code] = 1;

/** code-block-writer's `isRegExStart`. */
const isRegExStart = (current: number, past: number | undefined, pastPast: number | undefined): boolean =>
  past === FORWARD_SLASH &&
  current !== FORWARD_SLASH &&
  current !== ASTERISK &&
  pastPast !== ASTERISK &&
  pastPast !== FORWARD_SLASH;

/** code-block-writer's `isInString`: a quote or backtick open, and not inside a template's `${}`. */
const inString = (stack: readonly number[]): boolean => stack.length > 0 && stack[stack.length - 1] !== OPEN_BRACE;

/**
 * code-block-writer's `_updateInternalState`, step for step, with its `isInString()` and
 * `isInComment()` read inline, skipping the characters it skips with a table lookup.
 */
function updateInternalState(this: WriterInternals, str: string): void {
  const stack = this._stringCharStack;
  for (let i = 0; i < str.length; i++) {
    const currentChar = str.charCodeAt(i);
    if (currentChar > 127 || HANDLED[currentChar] === 0) continue;
    const pastChar = i === 0 ? this._getLastCharCodeWithOffset(0) : str.charCodeAt(i - 1);
    const pastPastChar =
      i === 0
        ? this._getLastCharCodeWithOffset(1)
        : i === 1
          ? this._getLastCharCodeWithOffset(0)
          : str.charCodeAt(i - 2);
    if (this._isInRegEx) {
      if ((pastChar === FORWARD_SLASH && pastPastChar !== BACK_SLASH) || pastChar === NEW_LINE) this._isInRegEx = false;
      else continue;
    } else if (
      !inString(stack) &&
      this._currentCommentChar === undefined &&
      isRegExStart(currentChar, pastChar, pastPastChar)
    ) {
      this._isInRegEx = true;
      continue;
    }
    if (!inString(stack)) {
      if (this._currentCommentChar == null && pastChar === FORWARD_SLASH && currentChar === FORWARD_SLASH)
        this._currentCommentChar = LINE_COMMENT;
      else if (this._currentCommentChar == null && pastChar === FORWARD_SLASH && currentChar === ASTERISK)
        this._currentCommentChar = STAR_COMMENT;
      else if (this._currentCommentChar === STAR_COMMENT && pastChar === ASTERISK && currentChar === FORWARD_SLASH)
        this._currentCommentChar = undefined;
    }
    if (this._currentCommentChar !== undefined) continue;
    const lastStringChar = stack.length === 0 ? undefined : stack[stack.length - 1];
    if (
      pastChar !== BACK_SLASH &&
      (currentChar === DOUBLE_QUOTE || currentChar === SINGLE_QUOTE || currentChar === BACK_TICK)
    ) {
      if (lastStringChar === currentChar) stack.pop();
      else if (lastStringChar === OPEN_BRACE || lastStringChar === undefined) stack.push(currentChar);
    } else if (
      pastPastChar !== BACK_SLASH &&
      pastChar === DOLLAR_SIGN &&
      currentChar === OPEN_BRACE &&
      lastStringChar === BACK_TICK
    )
      stack.push(currentChar);
    else if (currentChar === CLOSE_BRACE && lastStringChar === OPEN_BRACE) stack.pop();
  }
}

/** code-block-writer's `isLastNewLine`, without making a string of the last character. */
function isLastNewLine(this: WriterInternals): boolean {
  const last = this._getLastCharCodeWithOffset(0);
  return last === NEW_LINE || last === CARRIAGE_RETURN;
}

/** code-block-writer's `writeIndividual`. */
function writeIndividual(writer: WriterInternals, s: string): void {
  if (!inString(writer._stringCharStack) && (writer._length === 0 || writer.isLastNewLine()))
    writer._writeIndentation();
  writer._updateInternalState(s);
  writer._internalWrite(s);
}

/**
 * code-block-writer's `_writeIndentingNewLines`: the pieces between `\r?\n`s, each written with
 * its indentation, a newline before every piece but the first, empty pieces not written.
 */
function writeIndentingNewLines(this: WriterInternals, text: string): void {
  if (!text) {
    writeIndividual(this, '');
    return;
  }
  let start = 0;
  for (;;) {
    const newLine = text.indexOf('\n', start);
    if (newLine === -1) {
      if (start < text.length) writeIndividual(this, start === 0 ? text : text.slice(start));
      return;
    }
    const end = newLine > start && text.charCodeAt(newLine - 1) === CARRIAGE_RETURN ? newLine - 1 : newLine;
    if (end > start) writeIndividual(this, text.slice(start, end));
    this._baseWriteNewline();
    start = newLine + 1;
  }
}

/** On the writer prototype once the fast path is in: a module loaded twice in one process installs it once. */
const INSTALLED = Symbol.for('sdkgen.writer-fast-path');

/**
 * Puts the fast path on code-block-writer's class (the copy our printer writes with, print/writer.ts).
 * Leaves the library as it is if its internals are not the ones this file copies. Says whether
 * the fast path is in effect.
 */
export function installWriterFastPath(writerClass: typeof CodeBlockWriter = CodeBlockWriter): boolean {
  const proto = writerClass.prototype as unknown as WriterInternals & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return true;
  const expected =
    typeof proto._updateInternalState === 'function' &&
    typeof proto._writeIndentingNewLines === 'function' &&
    typeof proto._getLastCharCodeWithOffset === 'function' &&
    typeof proto._writeIndentation === 'function' &&
    typeof proto._baseWriteNewline === 'function' &&
    typeof proto._internalWrite === 'function';
  if (!expected) return false;
  proto._updateInternalState = updateInternalState;
  proto._writeIndentingNewLines = writeIndentingNewLines;
  proto.isLastNewLine = isLastNewLine;
  proto[INSTALLED] = true;
  return true;
}
