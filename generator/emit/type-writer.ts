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
  const text = inlineType(type);
  // An empty intersection writes nothing: an empty write would still indent a fresh line.
  if (text !== undefined && text !== '') {
    writer.write(text);
    return;
  }
  switch (type.kind) {
    case 'primitive':
    case 'literal':
    case 'ref':
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
      writer.write(omitKeys(type.keys));
      return;
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The text `writeType` writes for a type on one line, or `undefined` for one holding an object
 * with properties (its members span lines). The writer's cost is per call more than per
 * character (each call splits its text into lines, checks the writer's state and leaves a piece
 * to join), so a one-line type is made here as a string and written at once: the same text, as
 * successive writes without a line break add up to one write of their texts.
 */
export function inlineType(type: TypeModel): string | undefined {
  switch (type.kind) {
    case 'primitive':
      // A file or bytes: whatever an upload may be made of (`Uploadable`, from the runtime).
      return type.name === 'Blob' ? 'Uploadable' : type.name;
    case 'literal':
      return valueLiteral(type.value);
    case 'ref':
      return type.name;
    case 'array': {
      const items = inlineType(type.items);
      if (items === undefined) return undefined;
      return needsParens(type.items) ? `Array<${items}>` : `${items}[]`;
    }
    case 'union':
      return type.members.length === 0 ? 'never' : inlineJoined(type.members, ' | ', () => false);
    case 'intersection':
      return inlineJoined(type.members, ' & ', (m) => m.kind === 'union');
    case 'object': {
      if (type.properties.length > 0) return undefined;
      const additional = inlineType(type.additional ?? { kind: 'primitive', name: 'unknown' });
      return additional === undefined ? undefined : `{ [key: string]: ${additional} }`;
    }
    case 'omit': {
      const inner = inlineType(type.type);
      return inner === undefined ? undefined : `Omit<${inner}${omitKeys(type.keys)}`;
    }
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

const omitKeys = (keys: readonly string[]): string => `, ${keys.map((k) => valueLiteral(k)).join(' | ')}>`;

function inlineJoined(
  members: readonly TypeModel[],
  separator: string,
  parens: (m: TypeModel) => boolean,
): string | undefined {
  let text = '';
  for (const [index, member] of members.entries()) {
    const inner = inlineType(member);
    if (inner === undefined) return undefined;
    text += `${index > 0 ? separator : ''}${parens(member) ? `(${inner})` : inner}`;
  }
  return text;
}

/** The members of an interface: each property with its docs, then the index signature if any. */
export function writeMembers(
  writer: CodeBlockWriter,
  properties: readonly PropertyModel[],
  additional: TypeModel | undefined,
): void {
  for (const property of properties) {
    const docs = docLines(property.docs.description, fieldTags(property.docs));
    // One call for the block: its lines hold no line break of their own (docText).
    if (docs.length > 0) writer.writeLine(docs.join('\n'));
    // Absent, `toString` is still there, inherited: saying so keeps every object literal assignable.
    const inherited =
      !property.required && OBJECT_INTERFACE_MEMBERS.has(property.name)
        ? ` | Object[${valueLiteral(property.name)}]`
        : '';
    writeMember(
      writer,
      `${property.readOnly ? 'readonly ' : ''}${propertyKey(property.name)}${property.required ? '' : '?'}: `,
      property.type,
      inherited,
    );
  }
  // Declared properties must fit the index signature too.
  if (additional !== undefined)
    writeMember(
      writer,
      '[key: string]: ',
      properties.length === 0 ? additional : { kind: 'primitive', name: 'unknown' },
      '',
    );
}

/** `head`, the type, `tail`, `;` and a line break: in one write when the type is on one line. */
function writeMember(writer: CodeBlockWriter, head: string, type: TypeModel, tail: string): void {
  const text = inlineType(type);
  if (text !== undefined) {
    // A write ending in `\n` breaks the line as `newLine()` does.
    writer.write(`${head}${text}${tail};\n`);
    return;
  }
  writer.write(head);
  writeType(writer, type);
  if (tail !== '') writer.write(tail);
  writer.write(';').newLine();
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
