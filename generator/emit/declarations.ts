import type { WriterFunction } from 'ts-morph';
import type { FieldDocs, PropertyModel, TypeModel } from '../model/model.js';
import { type DocTag, describe, docLines, fieldTags } from './doc-comments.js';
import { writeMembers, writeType } from './type-writer.js';

/**
 * Type declarations are written by writer functions rather than ts-morph structures:
 * ts-morph prints a structure's type inside a hanging indent, which pushes the members
 * of nested object types one level too far.
 */
export function interfaceDeclaration(
  name: string,
  description: string | undefined,
  tags: readonly DocTag[],
  properties: readonly PropertyModel[],
  additional: TypeModel | undefined,
  extendsText?: string,
): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot();
    for (const line of docLines(description, tags)) writer.writeLine(line);
    writer.write(`export interface ${name}${extendsText === undefined ? '' : ` extends ${extendsText}`} `);
    writer.inlineBlock(() => writeMembers(writer, properties, additional));
  };
}

export function typeAliasDeclaration(
  name: string,
  description: string | undefined,
  tags: readonly DocTag[],
  type: TypeModel,
): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot();
    for (const line of docLines(description, tags)) writer.writeLine(line);
    writer.write(`export type ${name} = `);
    writeType(writer, type);
    writer.write(';');
  };
}

/** The declaration of a named schema: an interface for an object with properties, else an alias. */
export function schemaDeclaration(name: string, docs: FieldDocs, type: TypeModel): WriterFunction {
  const description = describe(docs);
  const tags = fieldTags(docs);
  if (type.kind === 'object' && type.properties.length > 0) {
    // Interfaces, not aliases: they show by name in editors and error messages.
    return interfaceDeclaration(name, description, tags, type.properties, type.additional);
  }
  return typeAliasDeclaration(name, description, tags, type);
}
