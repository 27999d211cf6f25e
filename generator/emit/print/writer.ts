import CodeBlockWriter from 'code-block-writer';
import type { CodeBlockWriter as StructureWriter, WriterFunction } from 'ts-morph';

export { CodeBlockWriter };

/** How every module is printed: two spaces, single quotes, LF (the options ts-morph's printStructure gave its writer). */
export const WRITER_OPTIONS = { indentNumberOfSpaces: 2, useTabs: false, newLine: '\n', useSingleQuote: true } as const;

export const newWriter = (): CodeBlockWriter => new CodeBlockWriter(WRITER_OPTIONS);

/** The text or writer function of a structure's property (a type, an initializer, a statement). */
export type TextOrWriter = string | WriterFunction;

/**
 * Runs an emitter's writer function on our writer. The emitters type it as ts-morph's
 * `CodeBlockWriter`, which ts-morph declares as a copy of code-block-writer's class: the same
 * class at run time (ts-morph's printer made code-block-writer's writers too).
 */
export const runWriter = (writer: CodeBlockWriter, write: WriterFunction): void =>
  write(writer as unknown as StructureWriter);

/** ts-morph's `printTextOrWriterFunc`. */
export function printTextOrWriter(writer: CodeBlockWriter, text: TextOrWriter | undefined): void {
  if (typeof text === 'string') writer.write(text);
  else if (text != null) runWriter(writer, text);
}

/**
 * The text ts-morph's `getText` makes of a nested text: it wrote it into a fresh writer and took
 * that writer's text. A fresh writer is at indentation 0, so a string comes out as it went in but
 * for its `\r\n`s (the writer writes `\n`): no writer is needed for it. A writer function is run
 * on a fresh writer, as ts-morph did, since what it writes may depend on the writer's state.
 */
export function nestedText(writer: CodeBlockWriter, text: TextOrWriter | undefined): string {
  if (typeof text === 'string') return text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text;
  if (text == null) return '';
  const child = new CodeBlockWriter(writer.getOptions());
  runWriter(child, text);
  return child.toString();
}

/** The characters ts-morph's `StringUtils.isWhitespace` counts as white space. */
const WHITESPACE = new Set(
  [' ', '\f', '\n', '\r', '\t', '\v', '\u00A0', '\u2028', '\u2029'].map((c) => c.charCodeAt(0)),
);

export const isWhitespaceCode = (code: number): boolean => WHITESPACE.has(code);

/** ts-morph's `StringUtils.isNullOrWhitespace`. */
export function isBlank(text: string | undefined): boolean {
  if (typeof text !== 'string') return true;
  for (let i = 0; i < text.length; i++) if (!WHITESPACE.has(text.charCodeAt(i))) return false;
  return true;
}

/** ts-morph's `isLastNonWhitespaceCharCloseBrace`: a block just ended, so a blank line comes next. */
export function lastNonWhitespaceIsCloseBrace(writer: CodeBlockWriter): boolean {
  return (
    writer.iterateLastCharCodes((code) => {
      if (code === 125) return true;
      return WHITESPACE.has(code) ? undefined : false;
    }) ?? false
  );
}
