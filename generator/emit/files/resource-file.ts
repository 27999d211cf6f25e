import {
  type ClassDeclarationStructure,
  type CodeBlockWriter,
  type OptionalKind,
  type PropertyDeclarationStructure,
  StructureKind,
} from 'ts-morph';
import type { ApiModel, ResourceModel } from '../../model/model.js';
import { jsDoc } from '../doc-comments.js';
import type { SchemaLookup } from '../examples.js';
import { ImportSet } from '../imports.js';
import { operationFunction, operationMethod, paramsInterface, partsWriter } from '../operation-method.js';
import type { OutputFile } from '../output-file.js';
import type { PageAlias } from '../page-aliases.js';
import { coreFile, resourceFile } from '../paths.js';
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
  const imports = new ImportSet(file);
  imports.value('APIResource', coreFile('resource'));
  const context = {
    imports,
    lookup,
    resourcePath: resource.path,
    clientExpression: 'this._client',
    defaultAuth,
    coreClassName,
  };
  const functions = resource.operations.map((operation) => operationFunction(operation, context));
  const classStructure: OptionalKind<ClassDeclarationStructure> = {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    extends: 'APIResource',
    docs: jsDoc(
      `\`client.${resource.path.join('.')}\`${resource.operations.length === 0 ? ': groups the resources below it.' : '.'}`,
    ),
    properties: childProperties(resource, imports, 'this._client'),
    methods: resource.operations.map((operation) => operationMethod(operation, context)),
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
  return printModule(file, [banner, ...imports.structures(), classStructure, ...params, ...pageTypes, ...functions]);
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
