import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure } from 'ts-morph';
import { printDocs } from './js-doc.js';
import {
  MODIFIER_PROPERTIES,
  modifiers,
  printInitializer,
  printModifiers,
  printTyped,
  printTypeParameters,
} from './signature.js';
import { checkProperties } from './unsupported-structure.js';
import { type CodeBlockWriter, isBlank, nestedText } from './writer.js';

const INTERFACE_PROPERTIES = new Set<string>([
  'kind',
  'name',
  'docs',
  'typeParameters',
  'extends',
  'properties',
  ...MODIFIER_PROPERTIES,
]);
const SIGNATURE_PROPERTIES = new Set<string>([
  'kind',
  'name',
  'docs',
  'hasQuestionToken',
  'type',
  'initializer',
  ...MODIFIER_PROPERTIES,
]);

/** ts-morph's `InterfaceDeclarationStructurePrinter`, for interfaces of properties. */
export function printInterface(writer: CodeBlockWriter, structure: OptionalKind<InterfaceDeclarationStructure>): void {
  const where = `interface ${structure.name}`;
  checkProperties(structure, INTERFACE_PROPERTIES, 'an interface', where);
  writer.closeComment();
  printDocs(writer, structure.docs, where);
  printModifiers(writer, structure);
  writer.write(`interface ${structure.name}`);
  printTypeParameters(writer, structure.typeParameters, where);
  writer.space();
  if (structure.extends != null) {
    const text =
      typeof structure.extends === 'string' || typeof structure.extends === 'function'
        ? nestedText(writer, structure.extends)
        : structure.extends.map((e) => nestedText(writer, e)).join(', ');
    if (!isBlank(text)) writer.hangingIndent(() => writer.write(`extends ${text} `));
  }
  writer.inlineBlock(() => {
    const properties = structure.properties ?? [];
    if (properties.length > 0 && !writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
    for (let i = 0; i < properties.length; i++) {
      if (i > 0) writer.newLine();
      printPropertySignature(writer, properties[i] as OptionalKind<PropertySignatureStructure>, where);
    }
  });
}

function printPropertySignature(
  writer: CodeBlockWriter,
  property: OptionalKind<PropertySignatureStructure>,
  location: string,
): void {
  const where = `${location} › property ${property.name}`;
  checkProperties(property, SIGNATURE_PROPERTIES, 'a property signature', where);
  writer.closeComment();
  printDocs(writer, property.docs, where);
  writer.write(`${modifiers(property)}${property.name}${property.hasQuestionToken ? '?' : ''}`);
  printTyped(writer, ':', property.type);
  printInitializer(writer, property.initializer);
  writer.write(';');
}
