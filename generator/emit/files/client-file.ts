import type { CodeBlockWriter } from 'ts-morph';
import type { ApiModel } from '../../model/model.js';
import { jsDoc } from '../doc-comments.js';
import type { SchemaLookup } from '../examples.js';
import { ImportSet } from '../imports.js';
import { quote, valueLiteral } from '../literals.js';
import { operationFunction, operationMethod, paramsInterface } from '../operation-method.js';
import type { OutputFile } from '../output-file.js';
import { coreFile, FILES, moduleSpecifier } from '../paths.js';
import { StructureKind } from '../print/structure-kind.js';
import { printModule } from '../print-module.js';
import { childProperties } from './resource-file.js';

/** `src/client.ts`: the client class with its top-level resources, over the core client of core-client.ts. */
export function emitClientFile(model: ApiModel, lookup: SchemaLookup, banner: string): OutputFile {
  const { client, root } = model;
  const imports = new ImportSet(FILES.client);
  imports.value(client.coreClassName, FILES.coreClient);
  // The unwrap methods a Stainless config declares make `client.webhooks` a resource of src/webhooks.ts.
  const declaredWebhooks = model.webhooks?.methods === undefined ? undefined : model.webhooks;
  const webhooks = declaredWebhooks === undefined ? model.webhooks : undefined;
  if (webhooks !== undefined) {
    imports.value('Webhooks', coreFile('webhooks'));
    imports.type(webhooks.eventType, FILES.models);
  }
  if (declaredWebhooks !== undefined) imports.value('Webhooks', FILES.webhooks);
  if (webhooks !== undefined) imports.type('ClientOptions', FILES.coreClient);
  const context = {
    imports,
    lookup,
    resourcePath: [],
    clientExpression: 'this',
    defaultAuth: client.defaultAuth,
    coreClassName: client.coreClassName,
  };
  const classStructure = {
    kind: StructureKind.Class,
    name: client.className,
    isExported: true,
    extends: client.coreClassName,
    docs: jsDoc([client.title, client.description].filter((t) => t !== undefined).join('\n\n')),
    properties: [
      ...childProperties(root, imports, 'this'),
      ...(declaredWebhooks === undefined
        ? []
        : [
            {
              name: declaredWebhooks.property,
              isReadonly: true,
              type: 'Webhooks',
              initializer: 'new Webhooks(this)',
              docs: jsDoc(
                `Reads the events the API sends to a webhook endpoint: ${(declaredWebhooks.methods ?? []).map((m) => `\`client.${declaredWebhooks.property}.${m.name}()\``).join(', ')}.`,
              ),
            },
          ]),
      ...(webhooks === undefined
        ? []
        : [
            {
              name: webhooks.property,
              isReadonly: true,
              type: `Webhooks<${webhooks.eventType}>`,
              docs: jsDoc(
                `Verifies the webhooks the API sends and reads their events: \`await client.${webhooks.property}.unwrap(body, headers)\` with the raw body.`,
              ),
            },
          ]),
    ],
    ...(webhooks === undefined
      ? {}
      : {
          ctors: [
            {
              parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
              statements: (writer: CodeBlockWriter) => {
                writer.writeLine('super(options);');
                writer.write(`this.${webhooks.property} = new Webhooks<${webhooks.eventType}>(`).inlineBlock(() => {
                  writer.writeLine(`signature: ${valueLiteral(webhooks.signature)},`);
                  writer.writeLine('secret: options.webhookSecret,');
                  writer.writeLine(`secretEnv: ${quote(webhooks.secretEnv)},`);
                });
                writer.write(');');
              },
            },
          ],
        }),
    methods: root.operations.map((operation) => operationMethod(operation, context)),
  };
  const functions = root.operations.map((operation) => operationFunction(operation, context));
  const params = root.operations
    .map((operation) => paramsInterface(operation, client.className, imports))
    .filter((p) => p !== undefined);
  return printModule(FILES.client, [
    banner,
    ...imports.structures(),
    // Where they were declared before core-client.ts held them: imports of this module keep working.
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: moduleSpecifier(FILES.client, FILES.coreClient),
      namedExports: [{ name: client.coreClassName }, { name: 'type ClientOptions' }],
    },
    classStructure,
    ...params,
    ...functions,
  ]);
}
