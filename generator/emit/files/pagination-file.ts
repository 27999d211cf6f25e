import type { CodeBlockWriter, WriterFunction } from 'ts-morph';
import type { ApiModel, PageClassModel, PropertyModel } from '../../model/model.js';
import { RUNTIME_PAGE, runtimePageExport } from '../../model/reserved-names.js';
import type { PageScheme } from '../../runtime/pagination.js';
import { interfaceDeclaration } from '../declarations.js';
import { jsDoc } from '../doc-comments.js';
import { ImportSet } from '../imports.js';
import { propertyKey, valueLiteral } from '../literals.js';
import type { OutputFile } from '../output-file.js';
import { coreFile, FILES } from '../paths.js';
import { StructureKind } from '../print/structure-kind.js';
import { printModule } from '../print-module.js';
import { referencedNames, writeType } from '../type-writer.js';

/** What every page has from `Page`: an items field of one of these names is not copied, so not declared. */
const PAGE_MEMBERS: ReadonlySet<string> = new Set([
  'constructor',
  'getPaginatedItems',
  'hasNextPage',
  'getNextPage',
  'iterPages',
  '__proto__',
]);

/** `src/pagination.ts`: the client's named page classes, each a runtime `Page` with its scheme. */
export function emitPaginationFile(model: ApiModel, banner: string): OutputFile {
  const imports = new ImportSet(FILES.pagination);
  // A declared class named `Page` extends the runtime's base under the name the package exports it by.
  const base = runtimePageExport(model.pageClasses);
  if (model.pageClasses.length > 0) {
    imports.value(base === RUNTIME_PAGE ? base : `${RUNTIME_PAGE} as ${base}`, coreFile('pagination'));
    imports.type('PageScheme', coreFile('pagination'));
    imports.type('PageWalk', coreFile('pagination'));
    for (const walk of new Set(model.pageClasses.map((pageClass) => walkOf(pageClass.scheme))))
      imports.value(walk, coreFile('pagination'));
    if (model.pageClasses.some((pageClass) => pageClass.fieldDefaults !== undefined))
      imports.type('PageFieldDefaults', coreFile('pagination'));
  }
  const classes = model.pageClasses.map((pageClass) => ({
    kind: StructureKind.Class,
    name: pageClass.name,
    isExported: true,
    typeParameters: ['Item'],
    extends: `${base}<Item>`,
    docs: jsDoc(pageClass.description ?? `A page of a list, walked with the ${pageClass.scheme.type} scheme.`),
    properties: [
      {
        name: 'scheme',
        isStatic: true,
        isReadonly: true,
        type: 'PageScheme',
        initializer: valueLiteral(pageClass.scheme),
      },
      // Each class names its scheme's walk, so that a bundle holds only the walks of its lists' schemes.
      { name: 'walk', isStatic: true, isReadonly: true, type: 'PageWalk', initializer: walkOf(pageClass.scheme) },
      // What the page holds for a declared field its body lacks (Stainless's `body.nextCursor || ''`).
      ...(pageClass.fieldDefaults === undefined
        ? []
        : [
            {
              name: 'fieldDefaults',
              isStatic: true,
              isReadonly: true,
              type: 'PageFieldDefaults',
              initializer: valueLiteral(Object.fromEntries(pageClass.fieldDefaults.map((f) => [f.name, f.value]))),
            },
          ]),
      // The items' field, which the page copies from the response like every envelope field (a
      // bare array's too): typed on the class, so that `page.data` exists even without an envelope.
      // `declare`: a class field would be set to undefined after the constructor copied it.
      ...(PAGE_MEMBERS.has(pageClass.scheme.items)
        ? []
        : [
            {
              name: propertyKey(pageClass.scheme.items),
              hasDeclareKeyword: true,
              isReadonly: true,
              type: 'Item[]',
              docs: jsDoc(`The items of this page (the response's \`${pageClass.scheme.items}\`).`),
            },
          ]),
      ...defaultedFields(pageClass, imports),
    ],
  }));
  const pageTypes = model.pageClasses.flatMap((pageClass) => pageTypeDeclarations(pageClass, imports));
  return printModule(FILES.pagination, [
    banner,
    ...imports.structures(),
    ...classes,
    ...pageTypes,
    ...(classes.length === 0 ? ['export {};'] : []),
  ]);
}

/** The fields the page fills when the body lacks them, typed as always there (the items' field is declared already). */
function defaultedFields(pageClass: PageClassModel, imports: ImportSet) {
  const fields = (pageClass.fieldDefaults ?? []).filter(
    (field) => field.name !== pageClass.scheme.items && !PAGE_MEMBERS.has(field.name),
  );
  const named = new Set<string>();
  for (const field of fields) referencedNames(field.type, named);
  for (const name of named) imports.type(name, FILES.models);
  return fields.map((field) => ({
    name: propertyKey(field.name),
    hasDeclareKeyword: true,
    isReadonly: true,
    type: (writer: CodeBlockWriter) => writeType(writer, field.type),
    docs: jsDoc(`The response's \`${field.name}\`, or ${valueLiteral(field.value)} where it has none.`),
  }));
}

/**
 * `<Class>Params` and `<Class>Response<Item>`, where the class declares its fields (a Stainless
 * scheme's): the published SDK exports them, and a caller may import them.
 */
function pageTypeDeclarations(pageClass: PageClassModel, imports: ImportSet): WriterFunction[] {
  const declarations: WriterFunction[] = [];
  const { params, response } = pageClass;
  if (params !== undefined)
    declarations.push(
      interfaceDeclaration(params.name, undefined, [], importing(params.properties, imports), undefined),
    );
  if (response !== undefined) {
    // The items field holds the page's items, whatever the declared schema says of them (`items: {}`).
    const properties = response.properties.map((property) =>
      property.name === pageClass.scheme.items
        ? { ...property, type: { kind: 'array' as const, items: { kind: 'ref' as const, name: 'Item' } } }
        : property,
    );
    declarations.push(
      interfaceDeclaration(`${response.name}<Item>`, undefined, [], importing(properties, imports), undefined),
    );
  }
  return declarations;
}

/** The properties, after importing the schemas their types name from the models module. */
function importing(properties: readonly PropertyModel[], imports: ImportSet): readonly PropertyModel[] {
  const named = new Set<string>();
  for (const property of properties) referencedNames(property.type, named);
  named.delete('Item');
  for (const name of named) imports.type(name, FILES.models);
  return properties;
}

/** The runtime's walk of a scheme (core/pagination). */
function walkOf(scheme: PageScheme): string {
  switch (scheme.type) {
    case 'cursor':
      return 'cursorWalk';
    case 'item-id':
      return 'itemIdWalk';
    case 'page-number':
      return 'pageNumberWalk';
    case 'offset':
      return 'offsetWalk';
    case 'next-url':
      return 'nextURLWalk';
    case 'link-header':
      return 'linkHeaderWalk';
    case 'single':
      return 'singleWalk';
    default:
      return assertNever(scheme);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown pagination scheme: ${JSON.stringify(value)}`);
}
