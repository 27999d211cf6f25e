import type {
  ClassDeclarationStructure,
  ConstructorDeclarationOverloadStructure,
  ConstructorDeclarationStructure,
  MethodDeclarationOverloadStructure,
  MethodDeclarationStructure,
  OptionalKind,
  PropertyDeclarationStructure,
} from 'ts-morph';
import { printDocs } from './js-doc.js';
import {
  HEADER_PROPERTIES,
  IMPLEMENTATION_PROPERTIES,
  MODIFIER_PROPERTIES,
  modifiers,
  overloadWithDefaults,
  printInitializer,
  printModifiers,
  printParameters,
  printTyped,
  printTypeParameters,
} from './signature.js';
import { printBody } from './statements.js';
import { checkProperties } from './unsupported-structure.js';
import { type CodeBlockWriter, isBlank, nestedText } from './writer.js';

/** What the header of a constructor or of a method reads, in an overload or the implementation. */
type ConstructorHeader = Omit<OptionalKind<ConstructorDeclarationOverloadStructure>, 'kind'>;
type MethodHeader = Omit<OptionalKind<MethodDeclarationOverloadStructure>, 'kind'>;

const CLASS_PROPERTIES = new Set<string>([
  'kind',
  'name',
  'docs',
  'typeParameters',
  'extends',
  'implements',
  'properties',
  'ctors',
  'methods',
  ...MODIFIER_PROPERTIES,
]);
const PROPERTY_PROPERTIES = new Set<string>([
  'kind',
  'name',
  'docs',
  'hasQuestionToken',
  'hasExclamationToken',
  'type',
  'initializer',
  ...MODIFIER_PROPERTIES,
]);
const IMPLEMENTATION = new Set<string>(IMPLEMENTATION_PROPERTIES);
const OVERLOAD = new Set<string>(HEADER_PROPERTIES);
/** What a method's overload takes from the implementation when it leaves it unset. */
const METHOD_OVERLOAD_DEFAULTS = ['scope', 'isStatic', 'isAbstract', 'hasQuestionToken'] as const;

/** ts-morph's `ClassDeclarationStructurePrinter` (not ambient unless `declare`). */
export function printClass(writer: CodeBlockWriter, structure: OptionalKind<ClassDeclarationStructure>): void {
  const where = `class ${structure.name ?? '(anonymous)'}`;
  checkProperties(structure, CLASS_PROPERTIES, 'a class', where);
  const isAmbient = structure.hasDeclareKeyword === true;
  writer.closeComment();
  printDocs(writer, structure.docs, where);
  printModifiers(writer, structure);
  writer.write(isBlank(structure.name) ? 'class' : `class ${structure.name}`);
  printTypeParameters(writer, structure.typeParameters, where);
  writer.space();
  writer.hangingIndent(() => {
    if (structure.extends != null) {
      const text = nestedText(writer, structure.extends);
      if (!isBlank(text)) writer.write(`extends ${text} `);
    }
    if (structure.implements != null) {
      const text =
        typeof structure.implements === 'string' || typeof structure.implements === 'function'
          ? nestedText(writer, structure.implements)
          : structure.implements.map((i) => nestedText(writer, i)).join(', ');
      if (!isBlank(text)) writer.write(`implements ${text} `);
    }
  });
  writer.inlineBlock(() => {
    const properties = structure.properties ?? [];
    for (let i = 0; i < properties.length; i++) {
      if (i > 0) writer.newLine();
      printProperty(writer, properties[i] as OptionalKind<PropertyDeclarationStructure>, where);
    }
    for (const ctor of structure.ctors ?? []) {
      memberSeparator(writer, isAmbient);
      printConstructor(writer, ctor, isAmbient, where);
    }
    const methods = structure.methods ?? [];
    if (methods.length > 0) {
      memberSeparator(writer, isAmbient);
      for (let i = 0; i < methods.length; i++) {
        if (i > 0) {
          if (isAmbient) writer.newLine();
          else writer.blankLine();
        }
        printMethod(writer, methods[i] as OptionalKind<MethodDeclarationStructure>, isAmbient, where);
      }
    }
  });
}

/** A blank line between a class's groups of members (one line in an ambient class), none at the top. */
function memberSeparator(writer: CodeBlockWriter, isAmbient: boolean): void {
  if (writer.isAtStartOfFirstLineOfBlock()) return;
  if (isAmbient) writer.newLine();
  else writer.blankLine();
}

function printProperty(
  writer: CodeBlockWriter,
  property: OptionalKind<PropertyDeclarationStructure>,
  location: string,
): void {
  const where = `${location} › property ${property.name}`;
  checkProperties(property, PROPERTY_PROPERTIES, 'a property', where);
  writer.closeComment();
  printDocs(writer, property.docs, where);
  const mark = property.hasQuestionToken ? '?' : property.hasExclamationToken ? '!' : '';
  writer.write(`${modifiers(property)}${property.name}${mark}`);
  printTyped(writer, ':', property.type);
  printInitializer(writer, property.initializer);
  writer.write(';');
}

function printConstructor(
  writer: CodeBlockWriter,
  ctor: OptionalKind<ConstructorDeclarationStructure>,
  isAmbient: boolean,
  location: string,
): void {
  const where = `${location} › constructor`;
  checkProperties(ctor, IMPLEMENTATION, 'a constructor', where);
  writer.closeComment();
  for (const overload of ctor.overloads ?? []) {
    checkProperties(overload, OVERLOAD, 'a constructor overload', where);
    printConstructorHeader(writer, overloadWithDefaults(overload as ConstructorHeader, ctor, ['scope']), where);
    writer.write(';');
    writer.newLine();
  }
  printConstructorHeader(writer, ctor, where);
  if (isAmbient) writer.write(';');
  else {
    writer.space();
    printBody(writer, ctor.statements, where);
  }
}

function printConstructorHeader(writer: CodeBlockWriter, ctor: ConstructorHeader, location: string): void {
  printDocs(writer, ctor.docs, location);
  writer.write(`${modifiers(ctor)}constructor`);
  printTypeParameters(writer, ctor.typeParameters, location);
  printParameters(writer, ctor.parameters, location);
}

/** ts-morph's `MethodDeclarationStructurePrinter`: the overloads, then the implementation. */
export function printMethod(
  writer: CodeBlockWriter,
  method: OptionalKind<MethodDeclarationStructure>,
  isAmbient: boolean,
  location: string,
): void {
  const where = `${location} › method ${method.name}`;
  checkProperties(method, IMPLEMENTATION, 'a method', where);
  writer.closeComment();
  for (const overload of method.overloads ?? []) {
    checkProperties(overload, OVERLOAD, 'a method overload', where);
    const withDefaults = overloadWithDefaults(overload as MethodHeader, method, METHOD_OVERLOAD_DEFAULTS);
    printMethodHeader(writer, method.name, withDefaults, where);
    writer.write(';');
    writer.newLine();
  }
  printMethodHeader(writer, method.name, method, where);
  if (isAmbient || method.isAbstract) writer.write(';');
  else {
    writer.spaceIfLastNot();
    printBody(writer, method.statements, where);
  }
}

function printMethodHeader(writer: CodeBlockWriter, name: string, method: MethodHeader, location: string): void {
  printDocs(writer, method.docs, location);
  writer.write(`${modifiers(method)}${method.isGenerator ? '*' : ''}${name}${method.hasQuestionToken ? '?' : ''}`);
  printTypeParameters(writer, method.typeParameters, location);
  printParameters(writer, method.parameters, location);
  printTyped(writer, ':', method.returnType);
}
