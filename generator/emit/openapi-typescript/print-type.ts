// Prints the openapi-typescript IR as TypeScript's printer prints openapi-typescript 7.13's nodes
// (4-space indent, `;` after members, tuples one element a line, parentheses only where needed),
// so the text users diff against their old file stays the same.
import type { TsDeclaration, TsHelperName, TsMember, TsType } from '../../model/openapi-typescript/ts-type.js';

const INDENT = '    ';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z_$0-9]*$/;

/** A string literal as TypeScript prints a synthesized one: double quotes, non-ASCII as `\uXXXX`. */
export function quoteString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** A property name: bare when an identifier or a canonical non-negative number, else quoted. */
export function propertyName(name: string): string {
  if (IDENTIFIER.test(name)) return name;
  if (String(Number(name)) === name && !name.startsWith('-')) return name;
  return quoteString(name);
}

function literalText(value: string | number | boolean | null): string {
  // 7.13 prints string literals through JSON.stringify (its UTF-8 workaround): no `\u` escapes.
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** JSDoc lines as a comment block at `indent` (one line: `/** x *\/`), followed by a newline. */
export function printDocs(docs: readonly string[] | undefined, indent: number): string {
  if (docs === undefined || docs.length === 0) return '';
  const pad = INDENT.repeat(indent);
  const safe = docs.map((line) => line.replace(/\*\//g, '*\\/'));
  if (safe.length === 1) return `${breakAtCarriageReturns(`${pad}/** ${safe[0]} */`, pad)}\n`;
  // TypeScript's printer trims each comment line's trailing whitespace: so do we.
  const lines = safe.map((line) => `${pad} * ${line}`.trimEnd());
  return `${breakAtCarriageReturns(`${pad}/**\n${lines.join('\n')}\n${pad} */`, pad)}\n`;
}

/**
 * A lone carriage return in a description (vtex's Profile System has `\n\r\n\r>`) is a line break
 * to TypeScript's printer, which 7.13's comments go through: the text after it starts a line of
 * its own at the comment's indentation, with no `*`. The printer trims a line's trailing
 * whitespace, but writes a blank line's indentation.
 */
function breakAtCarriageReturns(comment: string, pad: string): string {
  if (!comment.includes('\r')) return comment;
  return comment
    .split('\n')
    .map((line) => {
      const [first = '', ...rest] = line.split('\r');
      const after = rest.map((part) => `${pad}${part.trim() === '' ? part : part.trimEnd()}`);
      return [first.trimEnd(), ...after].join('\n');
    })
    .join('\n');
}

function printMember(member: TsMember, indent: number): string {
  const pad = INDENT.repeat(indent);
  const modifier = member.readonly ? 'readonly ' : '';
  const question = member.optional ? '?' : '';
  return `${printDocs(member.docs, indent)}${pad}${modifier}${propertyName(member.name)}${question}: ${printType(member.type, indent)};`;
}

function printObject(type: Extract<TsType, { kind: 'object' }>, indent: number): string {
  const lines = type.members.map((member) => printMember(member, indent + 1));
  if (type.index !== undefined) {
    const { index } = type;
    const keyType = index.keyType === undefined ? 'string' : printType(index.keyType, indent + 1);
    const modifier = index.readonly ? 'readonly ' : '';
    lines.push(
      `${INDENT.repeat(indent + 1)}${modifier}[${index.key}: ${keyType}]: ${printType(index.type, indent + 1)};`,
    );
  }
  if (lines.length === 0) return '{}';
  return `{\n${lines.join('\n')}\n${INDENT.repeat(indent)}}`;
}

/** A union or intersection inside another, or inside `T[]`, takes parentheses. */
function needsParens(type: TsType, inArray: boolean): boolean {
  if (type.kind === 'union' || type.kind === 'intersection') return true;
  return inArray && (type.kind === 'array' || type.kind === 'tuple') && type.readonly === true;
}

function printOperand(type: TsType, indent: number, inArray: boolean): string {
  const text = printType(type, indent);
  return needsParens(type, inArray) ? `(${text})` : text;
}

function printTuple(type: Extract<TsType, { kind: 'tuple' }>, indent: number): string {
  const pad = INDENT.repeat(indent + 1);
  const items = type.items.map((item) => `${pad}${printType(item, indent + 1)}`);
  if (type.rest !== undefined) items.push(`${pad}...${printOperand(type.rest, indent + 1, true)}[]`);
  const text =
    items.length === 0 ? `[\n${INDENT.repeat(indent)}]` : `[\n${items.join(',\n')}\n${INDENT.repeat(indent)}]`;
  return type.readonly === true ? `readonly ${text}` : text;
}

/** `type` as TypeScript text; `indent` is the nesting level of the line it starts on (4 spaces each). */
export function printType(type: TsType, indent: number): string {
  switch (type.kind) {
    case 'keyword':
      return type.name;
    case 'literal':
      return literalText(type.value);
    case 'indexed': {
      const object = type.base === undefined ? type.root : printType(type.base, indent);
      const keys = type.keys.map((key) => `[${JSON.stringify(key)}]`).join('');
      return `${object}${keys}${type.index === undefined ? '' : `[${printType(type.index, indent)}]`}`;
    }
    case 'named':
      return type.args === undefined || type.args.length === 0
        ? type.name
        : `${type.name}<${type.args.map((arg) => printType(arg, indent)).join(', ')}>`;
    case 'array': {
      const text = `${printOperand(type.items, indent, true)}[]`;
      return type.readonly === true ? `readonly ${text}` : text;
    }
    case 'tuple':
      return printTuple(type, indent);
    case 'object':
      return printObject(type, indent);
    case 'union':
      return type.members.map((member) => printOperand(member, indent, false)).join(' | ');
    case 'intersection':
      return type.members.map((member) => printOperand(member, indent, false)).join(' & ');
    case 'template':
      return `\`${type.parts.map(escapeTemplate).join(TEMPLATE_HOLE)}\``;
    default:
      return assertNever(type);
  }
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a template literal type's hole
const TEMPLATE_HOLE = '${string}';
const escapeTemplate = (text: string): string => text.replace(/[\\`]/g, '\\$&').replace(/\$\{/g, '\\${');

function assertNever(value: never): never {
  throw new Error(`unexpected TsType ${JSON.stringify(value)}`);
}

const HELPERS: Readonly<Record<TsHelperName, string>> = {
  WithRequired: 'type WithRequired<T, K extends keyof T> = T & {\n    [P in K]-?: T[P];\n};',
  FlattenedDeepRequired:
    'type FlattenedDeepRequired<T> = {\n    [K in keyof T]-?: FlattenedDeepRequired<T[K] extends unknown[] | undefined | null ? Extract<T[K], unknown[]>[number] : T[K]>;\n};',
  ReadonlyArray:
    'type ReadonlyArray<T> = [\n    Exclude<T, undefined>\n] extends [\n    unknown[]\n] ? Readonly<Exclude<T, undefined>> : Readonly<Exclude<T, undefined>[]>;',
};

function enumValue(value: string | number): string {
  return typeof value === 'number' ? String(value) : quoteString(value);
}

/** A top-level declaration (enum, alias, const or helper), as 7.13 prints it at the file's end. */
export function printDeclaration(declaration: TsDeclaration): string {
  switch (declaration.kind) {
    case 'enum': {
      const members = declaration.members.map((member) => {
        const comment = member.description === undefined ? '' : `${INDENT}// ${member.description}\n`;
        const name = IDENTIFIER.test(member.name) ? member.name : quoteString(member.name);
        return `${comment}${INDENT}${name} = ${enumValue(member.value)}`;
      });
      const body = members.length === 0 ? '{\n}' : `{\n${members.join(',\n')}\n}`;
      return `${printDocs(declaration.docs, 0)}export enum ${declaration.name} ${body}`;
    }
    case 'alias':
      return `${printDocs(declaration.docs, 0)}export type ${declaration.name} = ${printType(declaration.type, 0)};`;
    case 'const':
      return `export const ${declaration.name}: ${printType(declaration.type, 0)} = ${declaration.valueText};`;
    case 'helper':
      return HELPERS[declaration.name];
    default:
      return assertNever(declaration);
  }
}
