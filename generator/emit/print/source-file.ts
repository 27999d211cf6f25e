import type { StatementStructures } from 'ts-morph';
import { printClass } from './class.js';
import { printFunction } from './function.js';
import { printExport, printImport } from './import-export.js';
import { printInterface } from './interface.js';
import { blankLineBefore, printStatements, type Statements } from './statements.js';
import { StructureKind } from './structure-kind.js';
import { UnsupportedStructureError } from './unsupported-structure.js';
import { type CodeBlockWriter, newWriter } from './writer.js';

/**
 * The text of a module from its statements: what ts-morph's `printStructure` printed for a
 * `SourceFile` structure, byte for byte (test/emit/print-identity.test.ts), on one writer with
 * no TypeScript loaded. Prints the kinds of structure the emitters build; any other kind, or a
 * property it does not print, throws an `UnsupportedStructureError`.
 */
export function printSourceFile(statements: Statements | undefined): string {
  const writer = newWriter();
  writer.closeComment();
  printStatements(writer, statements, (structure) => printStatement(writer, structure));
  writer.conditionalNewLine(!writer.isAtStartOfFirstLineOfBlock() && !writer.isLastNewLine());
  return writer.toString();
}

function printStatement(writer: CodeBlockWriter, structure: StatementStructures): void {
  switch (structure.kind) {
    case StructureKind.Class:
      blankLineBefore(writer);
      printClass(writer, structure);
      return;
    case StructureKind.Function:
      blankLineBefore(writer);
      printFunction(writer, structure);
      return;
    case StructureKind.Interface:
      blankLineBefore(writer);
      printInterface(writer, structure);
      return;
    case StructureKind.ImportDeclaration:
      printImport(writer, structure);
      return;
    case StructureKind.ExportDeclaration:
      printExport(writer, structure);
      return;
    // No emitter builds these: printing them as ts-morph does is not worth its code until one does.
    case StructureKind.Enum:
    case StructureKind.Module:
    case StructureKind.TypeAlias:
    case StructureKind.VariableStatement:
    case StructureKind.ExportAssignment:
      throw new UnsupportedStructureError(`a statement of kind ${structure.kind}`, '');
    default: {
      const unknown: never = structure;
      throw new UnsupportedStructureError(`a statement of kind ${(unknown as { kind: unknown }).kind}`, '');
    }
  }
}
