import type { ClassDeclarationStructure, CodeBlockWriter, OptionalKind } from 'ts-morph';
import type { WebhookMethodModel, WebhooksModel } from '../../model/model.js';
import { jsDoc } from '../doc-comments.js';
import { ImportSet } from '../imports.js';
import { quote } from '../literals.js';
import type { OutputFile } from '../output-file.js';
import { coreFile, FILES } from '../paths.js';
import { StructureKind } from '../print/structure-kind.js';
import { printModule } from '../print-module.js';

/**
 * `src/webhooks.ts`, for the unwrap methods a Stainless config declares: `client.webhooks` is a
 * resource whose methods are Stainless's, each returning its event type synchronously:
 * `unwrap(body, { headers, key })` verifies with `key` or the secret option first,
 * `unsafeUnwrap(body)` only parses. Without declared methods the client has the runtime's
 * `Webhooks` (`await unwrap(body, headers)`) and this file is not written.
 */
export function emitWebhooksFile(
  webhooks: WebhooksModel,
  methods: readonly WebhookMethodModel[],
  banner: string,
): OutputFile {
  const imports = new ImportSet(FILES.webhooks);
  imports.value('APIResource', coreFile('resource'));
  imports.value('parseWebhookEvent', coreFile('webhooks'));
  if (methods.some((m) => m.keyOption !== undefined)) imports.value('verifyStandardWebhook', coreFile('webhooks'));
  for (const method of methods) imports.type(method.eventType, FILES.models);
  const discriminator = webhooks.discriminator === undefined ? '' : `, ${quote(webhooks.discriminator)}`;
  const parse = (method: WebhookMethodModel) => (writer: CodeBlockWriter) => {
    if (method.keyOption !== undefined)
      writer.writeLine(
        `verifyStandardWebhook(body, headers, key ?? this._client.settingOf(${quote(method.keyOption)}), ${quote(method.keyOption)});`,
      );
    writer.writeLine(`return parseWebhookEvent<${method.eventType}>(body${discriminator});`);
  };
  const classStructure: OptionalKind<ClassDeclarationStructure> = {
    kind: StructureKind.Class,
    name: 'Webhooks',
    isExported: true,
    extends: 'APIResource',
    docs: jsDoc(`\`client.${webhooks.property}\`: reads the events the API sends to a webhook endpoint.`),
    methods: methods.map((method) => ({
      name: method.name,
      parameters: [
        { name: 'body', type: 'string' },
        ...(method.keyOption === undefined
          ? []
          : [{ name: '{ headers, key }', type: '{ headers: Record<string, string>; key?: string }' }]),
      ],
      returnType: method.eventType,
      docs: jsDoc(
        method.keyOption === undefined
          ? 'Returns the event a webhook body holds without checking its signature: only for a body verified already.'
          : `Checks the webhook's Standard Webhooks signature with \`key\`, else the \`${method.keyOption}\` client option, then returns its event. Pass the body as received: a body parsed and serialized again no longer has its signature.`,
        method.keyOption === undefined
          ? []
          : [
              {
                tagName: 'throws',
                text: '{InvalidWebhookSignatureError} when the signature is missing, wrong or too old.',
              },
            ],
      ),
      statements: parse(method),
    })),
  };
  return printModule(FILES.webhooks, [banner, ...imports.structures(), classStructure]);
}
