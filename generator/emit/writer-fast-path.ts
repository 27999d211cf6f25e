import { createRequire } from 'node:module';
import { CodeBlockWriter } from 'ts-morph';

/**
 * code-block-writer's own bookkeeping, as ts-morph 28 ships it (code-block-writer 13.0.3): every
 * character written is looked up in a `Set` to track strings, comments and regular expressions
 * (it decides where indentation goes), every write splits its text on newlines and allocates a
 * one-character string to ask whether the last character was a newline. ts-morph's structure
 * printer writes each nested text twice (into a child writer, then the child's text into the
 * parent): Graph's 35 M characters of TypeScript are 54 M characters scanned. On a big spec this
 * bookkeeping was most of the printer's time (bench/profile.md, "Printer").
 *
 * `installWriterFastPath` replaces those three methods and the constructor (`constructWriter`) of
 * the class ts-morph instantiates with versions that compute exactly the same state and text with
 * less work: a table lookup instead of the `Set`, an `indexOf` loop instead of `split(/\r?\n/)`
 * and `forEach`, char codes instead of strings, plain fields instead of `defineProperty`. Same
 * state in, same state and text out, so every module prints byte-identically
 * (test/emit/writer-fast-path.test.ts compares them with the library's own, on random programs).
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

/**
 * code-block-writer's constructor, with plain assignments: its own defines its fifteen fields with
 * `Object.defineProperty`, ~5 µs a writer, and ts-morph makes a writer for every nested text
 * (8,655 for openai.yaml, 324,294 for Graph). Same fields in the same order, same options.
 */
function constructWriter(
  this: Record<string, unknown>,
  opts: ConstructorParameters<typeof CodeBlockWriter>[0] = {},
): void {
  this._indentationText = undefined;
  this._newLine = undefined;
  this._useTabs = undefined;
  this._quoteChar = undefined;
  this._indentNumberOfSpaces = undefined;
  this._currentIndentation = 0;
  this._queuedIndentation = undefined;
  this._queuedOnlyIfNotBlock = undefined;
  this._length = 0;
  this._newLineOnNextWrite = false;
  this._currentCommentChar = undefined;
  this._stringCharStack = [];
  this._isInRegEx = false;
  this._isOnFirstLineOfBlock = true;
  this._texts = [];
  this._newLine = opts.newLine || '\n';
  this._useTabs = opts.useTabs || false;
  this._indentNumberOfSpaces = opts.indentNumberOfSpaces || 4;
  this._indentationText = this._useTabs ? '\t' : ' '.repeat(this._indentNumberOfSpaces as number);
  this._quoteChar = opts.useSingleQuote ? "'" : '"';
}

/** The fields a writer has after its constructor ran, in order: what `constructWriter` must match. */
const FIELDS =
  '_indentationText,_newLine,_useTabs,_quoteChar,_indentNumberOfSpaces,_currentIndentation,_queuedIndentation,' +
  '_queuedOnlyIfNotBlock,_length,_newLineOnNextWrite,_currentCommentChar,_stringCharStack,_isInRegEx,' +
  '_isOnFirstLineOfBlock,_texts';

/** On the writer prototype once the fast path is in: a module loaded twice in one process installs it once. */
const INSTALLED = Symbol.for('sdkgen.writer-fast-path');

/**
 * Puts the fast path on the code-block-writer module ts-morph uses (resolved from ts-morph, so the
 * very instance it requires). ts-morph reads the module's `default` export at every `new`, so
 * the constructor is swapped there; the new one shares the class's prototype, so writers stay
 * `instanceof CodeBlockWriter`. Leaves the library as it is if its internals are not the ones
 * this file copies. Says whether the fast path is in effect.
 */
export function installWriterFastPath(): boolean {
  const writerModule = createRequire(createRequire(import.meta.url).resolve('ts-morph'))('code-block-writer') as {
    default: typeof CodeBlockWriter;
  };
  const original = writerModule.default;
  const proto = original.prototype as unknown as WriterInternals & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return true;
  if (original !== CodeBlockWriter) return false;
  const probe = new original({ indentNumberOfSpaces: 2, useSingleQuote: true });
  const expected =
    Object.keys(probe).join(',') === FIELDS &&
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
  constructWriter.prototype = original.prototype;
  writerModule.default = constructWriter as unknown as typeof CodeBlockWriter;
  proto[INSTALLED] = true;
  return true;
}
