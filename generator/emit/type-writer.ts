import type { CodeBlockWriter } from 'ts-morph';
import type { PropertyModel, TypeModel } from '../model/model.js';
import { docLines, fieldTags } from './doc-comments.js';
import { propertyKey, valueLiteral } from './literals.js';

/**
 * The members of TypeScript's `Object` interface. An optional property of such a name typed
 * `string` alone would make `{}` unassignable (its `toString` is a function), and would lie:
 * where the field is absent, reading it gives the inherited member.
 */
const OBJECT_INTERFACE_MEMBERS: ReadonlySet<string> = new Set([
  'constructor',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
]);

/** Writes a `TypeModel` as a TypeScript type; object types span lines with their members' docs. */
export function writeType(writer: CodeBlockWriter, type: TypeModel): void {
  switch (type.kind) {
    case 'primitive':
      // A file or bytes: whatever an upload may be made of (`Uploadable`, from the runtime).
      writer.write(type.name === 'Blob' ? 'Uploadable' : type.name);
      return;
    case 'literal':
      writer.write(valueLiteral(type.value));
      return;
    case 'ref':
      writer.write(type.name);
      return;
    case 'array':
      if (needsParens(type.items)) {
        writer.write('Array<');
        writeType(writer, type.items);
        writer.write('>');
      } else {
        writeType(writer, type.items);
        writer.write('[]');
      }
      return;
    case 'union':
      if (type.members.length === 0) writer.write('never');
      writeJoined(writer, type.members, ' | ', () => false);
      return;
    case 'intersection':
      writeJoined(writer, type.members, ' & ', (m) => m.kind === 'union');
      return;
    case 'object':
      writeObject(writer, type.properties, type.additional);
      return;
    case 'omit':
      writer.write('Omit<');
      writeType(writer, type.type);
      writer.write(`, ${type.keys.map((k) => valueLiteral(k)).join(' | ')}>`);
      return;
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

/** The members of an interface: each property with its docs, then the index signature if any. */
export function writeMembers(
  writer: CodeBlockWriter,
  properties: readonly PropertyModel[],
  additional: TypeModel | undefined,
): void {
  for (const property of properties) {
    for (const line of docLines(property.docs.description, fieldTags(property.docs))) writer.writeLine(line);
    writer.write(
      `${property.readOnly ? 'readonly ' : ''}${propertyKey(property.name)}${property.required ? '' : '?'}: `,
    );
    writeType(writer, property.type);
    // Absent, `toString` is still there, inherited: saying so keeps every object literal assignable.
    if (!property.required && OBJECT_INTERFACE_MEMBERS.has(property.name))
      writer.write(` | Object[${valueLiteral(property.name)}]`);
    writer.write(';').newLine();
  }
  if (additional !== undefined) {
    writer.write('[key: string]: ');
    // Declared properties must fit the index signature too.
    writeType(writer, properties.length === 0 ? additional : { kind: 'primitive', name: 'unknown' });
    writer.write(';').newLine();
  }
}

function writeObject(
  writer: CodeBlockWriter,
  properties: readonly PropertyModel[],
  additional: TypeModel | undefined,
): void {
  if (properties.length === 0) {
    writer.write('{ [key: string]: ');
    writeType(writer, additional ?? { kind: 'primitive', name: 'unknown' });
    writer.write(' }');
    return;
  }
  // inlineBlock, not indent(): it keeps members one level in even where the type continues a line.
  writer.inlineBlock(() => writeMembers(writer, properties, additional));
}

function writeJoined(
  writer: CodeBlockWriter,
  members: readonly TypeModel[],
  separator: string,
  parens: (m: TypeModel) => boolean,
): void {
  members.forEach((member, index) => {
    if (index > 0) writer.write(separator);
    const wrap = parens(member);
    if (wrap) writer.write('(');
    writeType(writer, member);
    if (wrap) writer.write(')');
  });
}

function needsParens(type: TypeModel): boolean {
  return type.kind === 'union' || type.kind === 'intersection';
}

/** Whether a type has a file or bytes in it (not through a named type): its module imports `Uploadable`. */
export function mentionsUpload(type: TypeModel): boolean {
  switch (type.kind) {
    case 'primitive':
      return type.name === 'Blob';
    case 'literal':
    case 'ref':
      return false;
    case 'array':
      return mentionsUpload(type.items);
    case 'union':
    case 'intersection':
      return type.members.some(mentionsUpload);
    case 'object':
      return (
        type.properties.some((p) => mentionsUpload(p.type)) ||
        (type.additional !== undefined && mentionsUpload(type.additional))
      );
    case 'omit':
      return mentionsUpload(type.type);
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

/** Names of the named types a type refers to, for computing imports. */
export function referencedNames(type: TypeModel, into: Set<string> = new Set()): Set<string> {
  switch (type.kind) {
    case 'ref':
      into.add(type.name);
      break;
    case 'array':
      referencedNames(type.items, into);
      break;
    case 'union':
    case 'intersection':
      for (const member of type.members) referencedNames(member, into);
      break;
    case 'object':
      for (const property of type.properties) referencedNames(property.type, into);
      if (type.additional !== undefined) referencedNames(type.additional, into);
      break;
    case 'omit':
      referencedNames(type.type, into);
      break;
    case 'primitive':
    case 'literal':
      break;
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
  return into;
}
