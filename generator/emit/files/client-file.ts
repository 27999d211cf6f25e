import { type CodeBlockWriter, StructureKind } from 'ts-morph';
import type { ApiModel } from '../../model/model.js';
import type { AuthScheme } from '../../runtime/types.js';
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
  if (client.auth.length > 0) imports.type('Credential', coreFile('types'));
  // The token grant's class only where the API declares one, so that other clients' bundles leave it out.
  const clientCredentials = client.auth.some((a) => a.runtime.type === 'oauth2' && a.runtime.tokenUrl !== undefined);
  if (clientCredentials) imports.value('clientCredentialsGrant', coreFile('oauth'));
  const credentialOptions = client.auth.flatMap((auth) =>
    credentialOptionsOf(auth.runtime).map(({ option, env, doc }) => ({
      name: option,
      hasQuestionToken: true,
      type: 'Credential | undefined',
      docs: jsDoc(
        [doc ?? auth.description, credentialDefault(env), PROVIDER_DOC]
          .filter((line) => line !== undefined)
          .join('\n\n'),
      ),
    })),
  );
  const config = [
    `baseURL: ${quote(client.baseURL)},`,
    `auth: ${valueLiteral(client.auth.map((a) => a.runtime))},`,
    `logEnv: ${quote(client.logEnv)},`,
    `defaultAuth: [${client.defaultAuth.map(quote).join(', ')}],`,
    ...(client.idempotencyHeader === undefined ? [] : [`idempotencyHeader: ${quote(client.idempotencyHeader)},`]),
    ...(clientCredentials ? ['clientCredentials: clientCredentialsGrant,'] : []),
    `packageName: ${quote(client.packageName)},`,
    `credentials: ${credentialOptions.length === 0 ? '{}' : `{ ${credentialOptions.map((o) => `${propertyKey(o.name)}: options.${o.name}`).join(', ')} }`},`,
  ];
  const { webhooks } = model;
  if (webhooks !== undefined) {
    imports.value('Webhooks', coreFile('webhooks'));
    imports.type(webhooks.eventType, FILES.models);
  }
  const webhookOptions =
    webhooks === undefined
      ? []
      : [
          {
            name: 'webhookSecret',
            hasQuestionToken: true,
            type: 'string | undefined',
            docs: jsDoc(
              `The secret the API signs webhooks with${webhooks.signature.type === 'standard-webhooks' ? ' (`whsec_…`)' : ''}, for \`client.${webhooks.property}.unwrap()\`. Defaults to \`process.env['${webhooks.secretEnv}']\`.`,
            ),
          },
        ];
  const optionsInterface = {
    kind: StructureKind.Interface as const,
    name: 'ClientOptions',
    isExported: true,
    extends: ['BaseClientOptions'],
    docs: jsDoc(`Options of {@link ${client.className}}.`),
    properties: [...credentialOptions, ...webhookOptions],
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
    properties: [
      ...childProperties(root, imports, 'this'),
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
    optionsInterface,
    coreStructure,
    classStructure,
    ...params,
    ...functions,
  ]);
}

const PROVIDER_DOC =
  'A function that returns it (or a promise of it) is called for each request: for a credential that changes, from a vault or a refresh.';

/** The options a scheme takes: its credential, and for an OAuth2 client-credentials flow the client id and secret. */
function credentialOptionsOf(
  scheme: AuthScheme,
): { readonly option: string; readonly env: string | undefined; readonly doc?: string }[] {
  const token = { option: scheme.option, env: scheme.env };
  if (scheme.type !== 'oauth2' || scheme.clientIdOption === undefined || scheme.clientSecretOption === undefined)
    return [token];
  const grant = `traded for an access token at ${scheme.tokenUrl} (OAuth2 client credentials), which the client keeps until it expires`;
  return [
    {
      ...token,
      doc: `An OAuth2 access token; without one, the client fetches tokens with \`${scheme.clientIdOption}\` and \`${scheme.clientSecretOption}\`.`,
    },
    { option: scheme.clientIdOption, env: scheme.clientIdEnv, doc: `The OAuth2 client id, ${grant}.` },
    { option: scheme.clientSecretOption, env: scheme.clientSecretEnv, doc: `The OAuth2 client secret, ${grant}.` },
  ];
}

function credentialDefault(env: string | undefined): string {
  return env === undefined ? 'Required for calls that need it.' : `Defaults to \`process.env['${env}']\`.`;
}
