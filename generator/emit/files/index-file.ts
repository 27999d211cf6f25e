import type { ExportDeclarationStructure, OptionalKind } from 'ts-morph';
import type { ApiModel, ResourceModel } from '../../model/model.js';
import { RUNTIME_EXPORTS, RUNTIME_PAGE, runtimePageExport } from '../../model/reserved-names.js';
import type { OutputFile } from '../output-file.js';
import type { PageAlias } from '../page-aliases.js';
import { coreFile, FILES, moduleSpecifier, resourceFile } from '../paths.js';
import { StructureKind } from '../print/structure-kind.js';
import { printModule } from '../print-module.js';
import { TYPED_ERRORS } from './errors-file.js';
import { allResources } from './resource-file.js';

/** `src/index.ts`: the client (named and default), errors, promises, pages, and every model and params type. */
export function emitIndexFile(
  model: ApiModel,
  banner: string,
  aliases: ReadonlyMap<ResourceModel, readonly PageAlias[]> = new Map(),
): OutputFile {
  const from = (file: string): string => moduleSpecifier(FILES.index, file);
  // The runtime's `Page` is exported as `AbstractPage` where a declared page class takes `Page`.
  const pageBase = runtimePageExport(model.pageClasses);
  const exportsOf = (
    file: string,
    values: readonly string[],
    types: readonly string[],
  ): OptionalKind<ExportDeclarationStructure> => ({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: from(file),
    isTypeOnly: values.length === 0,
    namedExports: [
      ...values.map((name) =>
        file === coreFile('pagination') && name === RUNTIME_PAGE && pageBase !== RUNTIME_PAGE
          ? { name, alias: pageBase }
          : { name },
      ),
      ...types.map((name) => ({ name: values.length === 0 ? name : `type ${name}` })),
    ],
  });
  const client = model.client.className;
  const statements: (string | OptionalKind<ExportDeclarationStructure>)[] = [
    banner,
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: from(FILES.client),
      namedExports: [
        { name: client },
        { name: client, alias: 'default' },
        { name: model.client.coreClassName },
        { name: 'type ClientOptions' },
      ],
    },
    // The error classes of a status come typed with the bodies the spec declares (src/errors.ts).
    ...RUNTIME_EXPORTS.map((m) =>
      exportsOf(
        coreFile(m.module),
        m.values.filter((v) => !TYPED_ERRORS.includes(v)),
        m.types,
      ),
    ),
    exportsOf(FILES.errors, TYPED_ERRORS, []),
  ];
  // The base error class under the name the package's users import it by (`ImageKitError`).
  const { errorClass } = model.client;
  if (errorClass !== undefined)
    statements.push({
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: from(coreFile('errors')),
      namedExports: [{ name: 'SDKError', alias: errorClass }],
    });
  if (model.pageClasses.length > 0)
    statements.push(
      exportsOf(
        FILES.pagination,
        model.pageClasses.map((p) => p.name),
        model.pageClasses.flatMap((p) => [p.params?.name, p.response?.name].filter((n) => n !== undefined)),
      ),
    );
  if (model.schemas.length > 0)
    statements.push(
      exportsOf(
        FILES.models,
        [],
        model.schemas.map((s) => s.name),
      ),
    );
  for (const resource of [model.root, ...allResources(model)]) {
    const file = resource.path.length === 0 ? FILES.client : resourceFile(resource);
    const functions = resource.operations.map((o) => o.functionName);
    const params = [
      ...resource.operations.map((o) => o.paramsTypeName).filter((n): n is string => n !== undefined),
      ...(aliases.get(resource) ?? []).map((alias) => alias.name),
    ];
    if (functions.length > 0 || params.length > 0) statements.push(exportsOf(file, functions, params));
  }
  return printModule(FILES.index, statements);
}
