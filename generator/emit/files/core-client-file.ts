import type { CodeBlockWriter } from 'ts-morph';
import { credentialOptions } from '../../model/client.js';
import type { ApiModel } from '../../model/model.js';
import type { AuthScheme } from '../../runtime/types.js';
import { jsDoc } from '../doc-comments.js';
import { ImportSet } from '../imports.js';
import { propertyKey, quote, valueLiteral } from '../literals.js';
import type { OutputFile } from '../output-file.js';
import { coreFile, FILES } from '../paths.js';
import { StructureKind } from '../print/structure-kind.js';
import { printModule } from '../print-module.js';
import { bodyLoaderConfig } from './body-loaders.js';
import { settingsConfig, settingsOptions } from './client-settings.js';

/**
 * `src/core-client.ts`: the client's options and the client without its resource tree. A module
 * of its own, importing no resource, so that an app constructing one resource from it
 * (`new Groups(new OpenAICore())`) type-checks and bundles that resource alone, however big the API.
 */
export function emitCoreClientFile(model: ApiModel, banner: string): OutputFile {
  const { client } = model;
  const imports = new ImportSet(FILES.coreClient);
  imports.value('BaseClient', coreFile('client'));
  imports.type('ClientOptions', coreFile('types'), 'BaseClientOptions');
  if (client.auth.length > 0) imports.type('Credential', coreFile('types'));
  // The token grant's class only where the API declares one, so that other clients' bundles leave it out.
  const clientCredentials = client.auth.some((a) => a.runtime.type === 'oauth2' && a.runtime.tokenUrl !== undefined);
  if (clientCredentials) imports.value('clientCredentialsGrant', coreFile('oauth'));
  // core/settings only where the API declares environments or settings, for the same reason.
  const settings = (client.environments ?? []).length > 0 || (client.options ?? []).length > 0;
  if (settings) imports.value('settingReader', coreFile('settings'));
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
    ...(settings ? ['settingReader,'] : []),
    ...bodyLoaderConfig(model),
  ];
  // The secret of spec-declared webhooks (client-file.ts gives the full client their `webhooks`).
  const webhooks = model.webhooks?.methods === undefined ? model.webhooks : undefined;
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
    kind: StructureKind.Interface,
    name: 'ClientOptions',
    isExported: true,
    extends: ['BaseClientOptions'],
    docs: jsDoc(`Options of {@link ${client.className}}.`),
    properties: [...optionProperties, ...settingsOptions(client), ...webhookOptions],
  };
  const coreStructure = {
    kind: StructureKind.Class,
    name: client.coreClassName,
    isExported: true,
    extends: 'BaseClient',
    docs: jsDoc(
      `${client.title}: the client without its resource tree. Construct one resource with it (\`new Resource(client)\`, from the resource's module), or pair it with the standalone operation functions (they take any client), so that an app type-checks and bundles only what it uses; {@link ${client.className}} is this client with every resource.`,
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
  return printModule(FILES.coreClient, [banner, ...imports.structures(), optionsInterface, coreStructure]);
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
