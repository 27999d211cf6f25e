import { type CodeBlockWriter, StructureKind } from 'ts-morph';
import { credentialOptions } from '../../model/client.js';
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
import { settingsConfig, settingsOptions } from './client-settings.js';
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
  const optionProperties = client.auth.flatMap((auth) =>
    credentialOptions(auth.runtime).map(({ option, env, role }, i) => ({
      name: option,
      hasQuestionToken: true,
      type: 'Credential | undefined',
      docs: jsDoc(
        // The scheme's description belongs to its first option, after what that option holds.
        [optionDoc(auth.runtime, role), i === 0 ? auth.description : undefined, credentialDefault(env), PROVIDER_DOC]
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
    `credentials: ${optionProperties.length === 0 ? '{}' : `{ ${optionProperties.map((o) => `${propertyKey(o.name)}: options.${o.name}`).join(', ')} }`},`,
    ...settingsConfig(client),
  ];
  // The unwrap methods a Stainless config declares make `client.webhooks` a resource of src/webhooks.ts.
  const declaredWebhooks = model.webhooks?.methods === undefined ? undefined : model.webhooks;
  const webhooks = declaredWebhooks === undefined ? model.webhooks : undefined;
  if (webhooks !== undefined) {
    imports.value('Webhooks', coreFile('webhooks'));
    imports.type(webhooks.eventType, FILES.models);
  }
  if (declaredWebhooks !== undefined) imports.value('Webhooks', FILES.webhooks);
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
    properties: [...optionProperties, ...settingsOptions(client), ...webhookOptions],
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
    optionsInterface,
    coreStructure,
    classStructure,
    ...params,
    ...functions,
  ]);
}

const PROVIDER_DOC =
  'A function that returns it (or a promise of it) is called for each request: for a credential that changes, from a vault or a refresh.';

/** What an option of a scheme with several holds; `undefined` for a scheme's one credential, which its description says. */
function optionDoc(scheme: AuthScheme, role: string | undefined): string | undefined {
  if (scheme.type === 'basic')
    return `${capitalized(role ?? '')}, sent with \`${role === 'the HTTP Basic username' ? scheme.passwordOption : scheme.option}\` as \`Authorization: Basic\`.`;
  if (scheme.type !== 'oauth2' || scheme.clientIdOption === undefined || scheme.clientSecretOption === undefined)
    return undefined;
  if (role === 'an OAuth2 access token')
    return `An OAuth2 access token; without one, the client fetches tokens with \`${scheme.clientIdOption}\` and \`${scheme.clientSecretOption}\`.`;
  return `${capitalized(role ?? '')}, traded for an access token at ${scheme.tokenUrl} (OAuth2 client credentials), which the client keeps until it expires.`;
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function credentialDefault(env: string | undefined): string {
  return env === undefined ? 'Required for calls that need it.' : `Defaults to \`process.env['${env}']\`.`;
}
