import { EXT, knownKeys, stringValue } from './extensions.js';
import type { ClientOptionModel, WebhookMethodModel } from './model.js';
import { isIdentifier, pascalCase } from './names.js';
import { isRecord, locate, locateValue, type SpecContext } from './spec-context.js';

/** A method of `x-sdkgen-webhooks.methods` before its event type is named. */
export interface WebhookMethodDraft {
  readonly name: string;
  /** The names its event type may take: `UnwrapWebhookEvent`. */
  readonly eventTypeNames: readonly string[];
  readonly keyOption?: string | undefined;
}

/**
 * `x-sdkgen-webhooks.discriminator` and `.methods` (docs/extensions.md): the unwrap methods of a
 * Stainless config (`unwrap: { keyOption: webhookSecret }` verifies with that client option's
 * secret, `unsafeUnwrap: {}` only parses), each returning the union of the events under its
 * own name, as Stainless names it: `<Method>WebhookEvent`.
 */
export function readWebhookMethods(
  ctx: SpecContext,
  doc: Record<string, unknown>,
  options: readonly ClientOptionModel[],
): { readonly discriminator?: string | undefined; readonly methods?: readonly WebhookMethodDraft[] | undefined } {
  const ext = doc[EXT.webhooks];
  if (!isRecord(ext)) return {};
  const discriminator = stringValue(ctx, ext, 'discriminator');
  const raw = ext['methods'];
  if (raw === undefined) return { discriminator };
  if (!isRecord(raw) || Object.keys(raw).length === 0) {
    ctx.diagnostics.error(
      'extension-invalid',
      '`methods` must be a mapping of method names to `{ keyOption }` (or `{}` for one that only parses).',
      locateValue(ctx, ext, 'methods'),
    );
    return { discriminator };
  }
  const methods: WebhookMethodDraft[] = [];
  for (const [name, settings] of Object.entries(raw)) {
    const value = settings ?? {};
    if (!isIdentifier(name) || !isRecord(value) || !knownKeys(ctx, value, ['keyOption'])) {
      if (!isIdentifier(name) || !isRecord(value))
        ctx.diagnostics.error(
          'extension-invalid',
          `Webhook method "${name}" must be a method name with \`{ keyOption }\` or \`{}\`.`,
          locate(ctx, raw, name),
        );
      continue;
    }
    const keyOption = stringValue(ctx, value, 'keyOption');
    if (keyOption !== undefined && !options.some((option) => option.name === keyOption && option.type === 'string')) {
      ctx.diagnostics.error(
        'extension-invalid',
        `\`keyOption\` names the client option the secret is in, but "${keyOption}" is no string option of \`x-sdkgen-client.options\`.`,
        locateValue(ctx, value, 'keyOption'),
      );
      continue;
    }
    const base = pascalCase(name);
    methods.push({ name, eventTypeNames: [`${base}WebhookEvent`, `${base}WebhookEventUnion`], keyOption });
  }
  return { discriminator, methods };
}

/** The model of a method once its event type has its name. */
export function webhookMethod(draft: WebhookMethodDraft, eventType: string): WebhookMethodModel {
  return {
    name: draft.name,
    eventType,
    ...(draft.keyOption === undefined ? {} : { keyOption: draft.keyOption }),
  };
}
