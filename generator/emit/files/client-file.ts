import { type CodeBlockWriter, StructureKind } from 'ts-morph';
import type { ApiModel } from '../../model/model.js';
import { jsDoc } from '../doc-comments.js';
import type { SchemaLookup } from '../examples.js';
import { ImportSet } from '../imports.js';
import { propertyKey, quote, valueLiteral } from '../literals.js';
import { operationFunction, operationMethod, paramsInterface } from '../operation-method.js';
import type { OutputFile } from '../output-file.js';
import { coreFile, FILES } from '../paths.js';
import { printModule } from '../print-module.js';
import { childProperties } from './resource-file.js';

/** `src/client.ts`: the client class, its options (credentials included) and the top-level resources. */
export function emitClientFile(model: ApiModel, lookup: SchemaLookup, banner: string): OutputFile {
  const { client, root } = model;
  const imports = new ImportSet(FILES.client);
  imports.value('BaseClient', coreFile('client'));
  imports.type('ClientOptions', coreFile('types'), 'BaseClientOptions');
  const credentialOptions = client.auth.map((auth) => ({
    name: auth.runtime.option,
    hasQuestionToken: true,
    type: 'string | undefined',
    docs: jsDoc(
      [auth.description, credentialDefault(auth.runtime.env)].filter((line) => line !== undefined).join('\n\n'),
    ),
  }));
  const config = [
    `baseURL: ${quote(client.baseURL)},`,
    `auth: ${valueLiteral(client.auth.map((a) => a.runtime))},`,
    `logEnv: ${quote(client.logEnv)},`,
    `defaultAuth: [${client.defaultAuth.map(quote).join(', ')}],`,
    ...(client.idempotencyHeader === undefined ? [] : [`idempotencyHeader: ${quote(client.idempotencyHeader)},`]),
    `credentials: ${client.auth.length === 0 ? '{}' : `{ ${client.auth.map((a) => `${propertyKey(a.runtime.option)}: options.${a.runtime.option}`).join(', ')} }`},`,
  ];
  const optionsInterface = {
    kind: StructureKind.Interface as const,
    name: 'ClientOptions',
    isExported: true,
    extends: ['BaseClientOptions'],
    docs: jsDoc(`Options of {@link ${client.className}}.`),
    properties: credentialOptions,
  };
  const coreStructure = {
    kind: StructureKind.Class as const,
    name: client.coreClassName,
    isExported: true,
    extends: 'BaseClient',
    docs: jsDoc(
      `${client.title}: the client without its resource tree. Pair it with the standalone operation functions (they take any client), so that a bundle keeps only the operations it calls; {@link ${client.className}} is this client with every resource.`,
    ),
    ctors: [
      {
        parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
        statements: (writer: CodeBlockWriter) => {
          writer
            .write('super(options, ')
            .inlineBlock(() => {
              for (const line of config) writer.writeLine(line);
            })
            .write(');');
        },
      },
    ],
  };
  const context = {
    imports,
    lookup,
    resourcePath: [],
    clientExpression: 'this',
    defaultAuth: client.defaultAuth,
    coreClassName: client.coreClassName,
  };
  const classStructure = {
    kind: StructureKind.Class as const,
    name: client.className,
    isExported: true,
    extends: client.coreClassName,
    docs: jsDoc([client.title, client.description].filter((t) => t !== undefined).join('\n\n')),
    properties: childProperties(root, imports, 'this'),
    methods: root.operations.map((operation) => operationMethod(operation, context)),
  };
  const functions = root.operations.map((operation) => operationFunction(operation, context));
  const params = root.operations
    .map((operation) => paramsInterface(operation, client.className, imports))
    .filter((p) => p !== undefined);
  return printModule(FILES.client, [
    banner,
    ...imports.structures(),
    optionsInterface,
    coreStructure,
    classStructure,
    ...params,
    ...functions,
  ]);
}

function credentialDefault(env: string | undefined): string {
  return env === undefined ? 'Required for calls that need it.' : `Defaults to \`process.env['${env}']\`.`;
}
