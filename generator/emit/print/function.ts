import type { FunctionDeclarationOverloadStructure, FunctionDeclarationStructure, OptionalKind } from 'ts-morph';
import { printDocs } from './js-doc.js';
import {
  HEADER_PROPERTIES,
  IMPLEMENTATION_PROPERTIES,
  modifiers,
  overloadWithDefaults,
  printParameters,
  printTyped,
  printTypeParameters,
} from './signature.js';
import { printBody } from './statements.js';
import { checkProperties } from './unsupported-structure.js';
import { type CodeBlockWriter, isBlank } from './writer.js';

/** What a function's header reads, in an overload or the implementation. */
type Header = Omit<OptionalKind<FunctionDeclarationOverloadStructure>, 'kind'>;

const IMPLEMENTATION = new Set<string>(IMPLEMENTATION_PROPERTIES);
const OVERLOAD = new Set<string>(HEADER_PROPERTIES);

/** ts-morph's `FunctionDeclarationStructurePrinter` (not ambient): the overloads, then the implementation. */
export function printFunction(writer: CodeBlockWriter, structure: OptionalKind<FunctionDeclarationStructure>): void {
  const where = `function ${structure.name ?? '(anonymous)'}`;
  checkProperties(structure, IMPLEMENTATION, 'a function', where);
  writer.closeComment();
  for (const overload of structure.overloads ?? []) {
    checkProperties(overload, OVERLOAD, 'a function overload', where);
    const withDefaults = overloadWithDefaults(overload as Header, structure, [
      'hasDeclareKeyword',
      'isExported',
      'isDefaultExport',
    ]);
    printHeader(writer, structure.name, withDefaults, where);
    writer.write(';');
    writer.newLine();
  }
  printHeader(writer, structure.name, structure, where);
  if (structure.hasDeclareKeyword) writer.write(';');
  else {
    writer.space();
    printBody(writer, structure.statements, where);
  }
}

function printHeader(writer: CodeBlockWriter, name: string | undefined, structure: Header, location: string): void {
  printDocs(writer, structure.docs, location);
  writer.write(`${modifiers(structure)}function${structure.isGenerator ? '*' : ''}${isBlank(name) ? '' : ` ${name}`}`);
  printTypeParameters(writer, structure.typeParameters, location);
  printParameters(writer, structure.parameters, location);
  printTyped(writer, ':', structure.returnType);
}
