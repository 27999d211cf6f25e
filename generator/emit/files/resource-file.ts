import type { ClassDeclarationStructure, CodeBlockWriter, OptionalKind, PropertyDeclarationStructure } from 'ts-morph';
import type { ApiModel, ResourceModel } from '../../model/model.js';
import { jsDoc } from '../doc-comments.js';
import type { SchemaLookup } from '../examples.js';
import { ImportSet } from '../imports.js';
import { lookupByModuleNames, moduleTypeNames, withModuleTypeNames } from '../module-type-names.js';
import { operationFunction, operationMethod, paramsInterface, partsWriter } from '../operation-method.js';
import type { OutputFile } from '../output-file.js';
import type { PageAlias } from '../page-aliases.js';
import { coreFile, FILES, resourceFile } from '../paths.js';
import { StructureKind } from '../print/structure-kind.js';
import { printModule } from '../print-module.js';

/** One file per resource: its class (child resources as properties, operations as methods) and its params types. */
export function emitResourceFile(
  resource: ResourceModel,
  lookup: SchemaLookup,
  banner: string,
  defaultAuth: readonly string[],
  coreClassName: string,
  aliases: readonly PageAlias[] = [],
): OutputFile {
  const file = resourceFile(resource);
  const plain = plainTypeNames(resource, lookup, defaultAuth, coreClassName);
  const imports = new ImportSet(file, new Set(plain.values()));
  imports.value('APIResource', coreFile('resource'));
  const context = {
    imports,
    lookup: lookupByModuleNames(lookup, plain),
    resourcePath: resource.path,
    clientExpression: 'this._client',
    defaultAuth,
    coreClassName,
  };
  const operations = resource.operations.map((operation) => withModuleTypeNames(operation, plain));
  const functions = operations.map((operation) => operationFunction(operation, context));
  const classStructure: OptionalKind<ClassDeclarationStructure> = {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: 'APIResource',
    docs: jsDoc(
      `\`client.${resource.path.join('.')}\`${resource.operations.length === 0 ? ': groups the resources below it.' : '.'}`,
    ),
    properties: childProperties(resource, imports, 'this._client'),
    methods: operations.map((operation) => operationMethod(operation, context)),
  };
  const params = resource.operations
    .map((operation) => paramsInterface(operation, resource.className, imports))
    .filter((p) => p !== undefined);
  // Written after the methods' imports are planned: they name only types those import.
  const pageTypes = aliases.map((alias) => (writer: CodeBlockWriter) => {
    writer.blankLineIfLastNot();
    writer.writeLine(`/** The page of \`${alias.call}()\`, by the name Stainless-generated SDKs export it under. */`);
    writer.write(`export type ${alias.name} = `);
    partsWriter(alias.parts)(writer);
    writer.write(';').newLine();
  });
  const ownParams = new Set(resource.operations.map((operation) => operation.paramsTypeName));
  const plainTypes = [...plain].map(([flat, name]) => {
    if (!ownParams.has(flat)) imports.type(flat, FILES.models);
    return `/** \`${flat}\` under the name this resource's module gives it, as a Stainless-generated SDK's module does. */\nexport type ${name} = ${flat};`;
  });
  return printModule(file, [
    banner,
    ...imports.structures(),
    classStructure,
    ...params,
    ...plainTypes,
    ...pageTypes,
    ...functions,
  ]);
}

/**
 * The plain names the module gives its methods' types (module-type-names.ts), but for those it
 * imports for other types: what its methods import, planned once without them.
 */
function plainTypeNames(
  resource: ResourceModel,
  lookup: SchemaLookup,
  defaultAuth: readonly string[],
  coreClassName: string,
): ReadonlyMap<string, string> {
  if (resource.operations.every((operation) => operation.moduleTypeNames === undefined)) return new Map();
  const imports = new ImportSet(resourceFile(resource));
  const context = {
    imports,
    lookup,
    resourcePath: resource.path,
    clientExpression: 'this._client',
    defaultAuth,
    coreClassName,
  };
  for (const operation of resource.operations) operationFunction(operation, context);
  const own = new Set(resource.operations.map((operation) => operation.functionName));
  const taken = new Set([...imports.names(), ...own, resource.className]);
  return moduleTypeNames(resource.operations, taken);
}

/** `readonly groups: Groups = new Groups(client)` for each child resource. */
export function childProperties(
  resource: ResourceModel,
  imports: ImportSet,
  clientExpression: string,
): OptionalKind<PropertyDeclarationStructure>[] {
  return resource.children.map((child) => {
    imports.value(child.className, resourceFile(child));
    return {
      name: child.name,
      isReadonly: true,
      type: child.className,
      initializer: `new ${child.className}(${clientExpression})`,
      docs: jsDoc(`\`client.${child.path.join('.')}\``),
    };
  });
}

export function allResources(model: ApiModel): ResourceModel[] {
  const out: ResourceModel[] = [];
  const visit = (resource: ResourceModel): void => {
    if (resource.path.length > 0) out.push(resource);
    resource.children.forEach(visit);
  };
  visit(model.root);
  return out;
}
