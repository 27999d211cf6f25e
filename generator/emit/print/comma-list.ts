import { UnsupportedStructureError } from './unsupported-structure.js';
import { type CodeBlockWriter, isWhitespaceCode } from './writer.js';

/**
 * ts-morph's `printTextWithSeparator` for the lists it separates with commas (parameters, type
 * parameters): each item printed, a separator between, then a comma put after every item but the
 * last, before the item's trailing white space and comments (found, in ts-morph, with
 * TypeScript's scanner; here by `commaPosition`).
 */
export function printCommaList<T>(
  writer: CodeBlockWriter,
  items: readonly T[],
  printItem: (item: T) => void,
  location: string,
): void {
  const positions: (number | false)[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) writer.spaceIfLastNot();
    const start = writer.getLength();
    printItem(items[i] as T);
    const pos = commaPosition(textSince(writer, start), location);
    positions.push(pos === -1 ? false : pos + start);
  }
  let foundLast = false;
  for (let i = positions.length - 1; i >= 0; i--) {
    const pos = positions[i] as number | false;
    if (pos === false) continue;
    if (!foundLast) foundLast = true;
    else writer.unsafeInsert(pos, ',');
  }
}

/** What the writer wrote from `start` on (an item of a list: short). */
function textSince(writer: CodeBlockWriter, start: number): string {
  const codes: number[] = [];
  writer.iterateLastCharCodes((code, index) => {
    if (index < start) return true;
    codes.push(code);
    return undefined;
  });
  return String.fromCharCode(...codes.reverse());
}

enum Code {
  Tab = 9,
  NewLine = 10,
  CarriageReturn = 13,
  Space = 32,
  DoubleQuote = 34,
  Dollar = 36,
  SingleQuote = 39,
  Asterisk = 42,
  Comma = 44,
  Slash = 47,
  BackSlash = 92,
  BackTick = 96,
  OpenBrace = 123,
  CloseBrace = 125,
}

/**
 * Where ts-morph's `getAppendCommaPos` puts a list item's comma: after its last token (before
 * trailing white space and comments), or nowhere (-1) for an item with no token or one that ends
 * in a comma. Follows strings, template literals and comments; a `/` that starts neither comment
 * (a division or a regular expression, which only a parser tells apart) is refused rather than
 * guessed, as are white space characters beyond ASCII, which TypeScript's scanner and ours could
 * count differently.
 */
export function commaPosition(text: string, location: string): number {
  let end = -1;
  /** The open `${` of template literals, and the braces opened inside them (a `}` closes the innermost). */
  const nesting: ('expression' | 'brace')[] = [];
  let i = 0;
  const refuse = (what: string): never => {
    throw new UnsupportedStructureError(`a list item with ${what} (${JSON.stringify(text)})`, location);
  };
  /** Reads a template literal's text from `i` up to its end or its next `${`. */
  const templateText = (): void => {
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === Code.BackSlash) i++;
      else if (code === Code.BackTick) {
        i++;
        end = i;
        return;
      } else if (code === Code.Dollar && text.charCodeAt(i + 1) === Code.OpenBrace) {
        nesting.push('expression');
        i += 2;
        end = i;
        return;
      }
    }
    refuse('an unterminated template literal');
  };
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === Code.Space || code === Code.Tab || code === Code.NewLine || code === Code.CarriageReturn) {
      i++;
    } else if (code > 127 && (isWhitespaceCode(code) || /\s|\u0085|\u200b/.test(text.charAt(i)))) {
      refuse('white space beyond ASCII');
    } else if (code === Code.Slash) {
      const next = text.charCodeAt(i + 1);
      if (next === Code.Slash) {
        const lineEnd = text.indexOf('\n', i);
        i = lineEnd === -1 ? text.length : lineEnd;
      } else if (next === Code.Asterisk) {
        const close = text.indexOf('*/', i + 2);
        if (close === -1) refuse('an unterminated comment');
        i = close + 2;
      } else refuse('a `/` outside strings and comments');
    } else if (code === Code.DoubleQuote || code === Code.SingleQuote) {
      let j = i + 1;
      for (; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (c === Code.BackSlash) j++;
        else if (c === code) break;
        else if (c === Code.NewLine || c === Code.CarriageReturn) refuse('a string broken by a line break');
      }
      if (j >= text.length) refuse('an unterminated string');
      i = j + 1;
      end = i;
    } else if (code === Code.BackTick) {
      i++;
      templateText();
    } else if (code === Code.CloseBrace && nesting.at(-1) === 'expression') {
      nesting.pop();
      i++;
      templateText();
    } else {
      if (code === Code.CloseBrace && nesting.length > 0) nesting.pop();
      if (code === Code.OpenBrace && nesting.length > 0) nesting.push('brace');
      i++;
      end = i;
    }
  }
  if (nesting.length > 0) refuse('an unterminated template literal');
  return end === -1 || text.charCodeAt(end - 1) === Code.Comma ? -1 : end;
}
