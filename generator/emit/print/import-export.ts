import type {
  ExportDeclarationStructure,
  ExportSpecifierStructure,
  ImportDeclarationStructure,
  ImportSpecifierStructure,
  OptionalKind,
} from 'ts-morph';
import { checkProperties, UnsupportedStructureError } from './unsupported-structure.js';
import { type CodeBlockWriter, isBlank } from './writer.js';

const IMPORT_PROPERTIES = new Set([
  'kind',
  'isTypeOnly',
  'defaultImport',
  'namespaceImport',
  'namedImports',
  'moduleSpecifier',
]);
const EXPORT_PROPERTIES = new Set(['kind', 'isTypeOnly', 'namespaceExport', 'namedExports', 'moduleSpecifier']);
const SPECIFIER_PROPERTIES = new Set(['kind', 'name', 'alias', 'isTypeOnly']);

type Specifier = string | OptionalKind<ImportSpecifierStructure> | OptionalKind<ExportSpecifierStructure>;

/** ts-morph's `ImportDeclarationStructurePrinter`. */
export function printImport(writer: CodeBlockWriter, structure: OptionalKind<ImportDeclarationStructure>): void {
  const where = `import from '${structure.moduleSpecifier}'`;
  checkProperties(structure, IMPORT_PROPERTIES, 'an import', where);
  const named = structure.namedImports;
  const hasNamed = named != null && typeof named !== 'function' && named.length > 0;
  if (typeof named === 'function') throw new UnsupportedStructureError('named imports as a writer function', where);
  if (hasNamed && structure.namespaceImport != null)
    throw new UnsupportedStructureError('an import with both a namespace import and named imports', where);
  writer.closeComment();
  let text = structure.isTypeOnly ? 'import type' : 'import';
  if (structure.defaultImport != null)
    text += ` ${structure.defaultImport}${hasNamed || structure.namespaceImport != null ? ',' : ''}`;
  if (structure.namespaceImport != null) text += ` * as ${structure.namespaceImport}`;
  if (hasNamed) text += ` ${braces(named, where)}`;
  if (structure.defaultImport != null || hasNamed || structure.namespaceImport != null) text += ' from';
  writer.write(`${text} `);
  writer.quote(structure.moduleSpecifier);
  writer.write(';');
}

/** ts-morph's `ExportDeclarationStructurePrinter`. */
export function printExport(writer: CodeBlockWriter, structure: OptionalKind<ExportDeclarationStructure>): void {
  const where = `export from '${structure.moduleSpecifier ?? ''}'`;
  checkProperties(structure, EXPORT_PROPERTIES, 'an export', where);
  const named = structure.namedExports;
  if (typeof named === 'function') throw new UnsupportedStructureError('named exports as a writer function', where);
  const hasModuleSpecifier = structure.moduleSpecifier != null && structure.moduleSpecifier.length > 0;
  const hasNamed = named != null && named.length > 0;
  if (hasNamed && structure.namespaceExport != null)
    throw new UnsupportedStructureError('an export with both a namespace export and named exports', where);
  writer.closeComment();
  let text = structure.isTypeOnly ? 'export type' : 'export';
  if (hasNamed) text += ` ${braces(named, where)}`;
  else if (structure.namespaceExport != null)
    text += isBlank(structure.namespaceExport) ? ' *' : ` * as ${structure.namespaceExport}`;
  else if (!hasModuleSpecifier) text += ' { }';
  else text += ' *';
  if (hasModuleSpecifier) {
    writer.write(`${text} from `);
    writer.quote(structure.moduleSpecifier as string);
  } else writer.write(text);
  writer.write(';');
}

/**
 * Words apart by single spaces (`X`, `type X`): text that ts-morph's writers copied as it is, with
 * nothing its comma placement would have looked past (white space at the end, quotes, comments).
 */
const PLAIN = /^[^\s'"`/\\{},]+(?: [^\s'"`/\\{},]+)*$/;

/**
 * `{ a, type b as c }`: ts-morph's `printTextsWithBraces`, which printed each specifier into a
 * writer of its own and put commas after all but the last: for identifiers, the same text joined.
 */
function braces(specifiers: readonly Specifier[], location: string): string {
  const texts = specifiers.map((specifier) => {
    if (typeof specifier === 'string') return word(specifier, location);
    checkProperties(specifier, SPECIFIER_PROPERTIES, 'an import or export specifier', location);
    const alias = isBlank(specifier.alias) ? '' : ` as ${word(specifier.alias as string, location)}`;
    return `${specifier.isTypeOnly ? 'type ' : ''}${word(specifier.name, location)}${alias}`;
  });
  return `{ ${texts.join(', ')} }`;
}

function word(name: string, location: string): string {
  if (!PLAIN.test(name)) throw new UnsupportedStructureError(`the specifier name ${JSON.stringify(name)}`, location);
  return name;
}
