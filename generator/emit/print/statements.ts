import type { StatementStructures, WriterFunction } from 'ts-morph';
import { UnsupportedStructureError } from './unsupported-structure.js';
import { type CodeBlockWriter, lastNonWhitespaceIsCloseBrace, printTextOrWriter } from './writer.js';

export type Statement = string | WriterFunction | StatementStructures;
export type Statements = string | WriterFunction | readonly Statement[];

/**
 * ts-morph's `StatementStructurePrinter.printTexts`: a statement after a block (`}`) gets a blank
 * line before it, any other one a line break unless it is the first line of its block.
 */
export function printStatements(
  writer: CodeBlockWriter,
  statements: Statements | undefined,
  printStructure: (structure: StatementStructures) => void,
): void {
  if (statements == null) return;
  if (typeof statements === 'string' || typeof statements === 'function') {
    printTextOrWriter(writer, statements);
    return;
  }
  for (const statement of statements) {
    if (lastNonWhitespaceIsCloseBrace(writer)) writer.blankLineIfLastNot();
    else if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLineIfLastNot();
    if (typeof statement === 'string' || typeof statement === 'function' || statement == null)
      printTextOrWriter(writer, statement);
    else printStructure(statement);
  }
}

/** A function's or method's body: its statements inside braces, text and writer functions only. */
export function printBody(writer: CodeBlockWriter, statements: Statements | undefined, location: string): void {
  writer.inlineBlock(() =>
    printStatements(writer, statements, (structure) => {
      throw new UnsupportedStructureError(`a statement structure (kind ${structure.kind}) in a body`, location);
    }),
  );
}

/** ts-morph's `ensureBlankLine` before a class, interface or function statement. */
export function blankLineBefore(writer: CodeBlockWriter): void {
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
}
