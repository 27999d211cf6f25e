import { HTTP_METHODS } from '../load/validate-document.js';
import { EXT, readWebhooksExtension } from './extensions.js';
import type { ClientOptionModel, ResourceModel, TypeModel, WebhookEventModel, WebhooksModel } from './model.js';
import { pascalCase, toIdentifier } from './names.js';
import { readRequestBody } from './operations.js';
import type { SchemaConverter } from './schemas.js';
import { deref, isRecord, locate, type SpecContext, stringField } from './spec-context.js';
import { readWebhookMethods, webhookMethod } from './webhook-methods.js';

/** What `readWebhooks` finds before the resource tree is known: all but the client's property. */
export type WebhooksDraft = Omit<WebhooksModel, 'property'>;

/**
 * The events of OpenAPI 3.1's `webhooks` (or `x-webhooks`, as 3.0 specs write it): each
 * operation's request body is an event's payload, named where the spec left it inline, and
 * their union is the type `client.webhooks.unwrap()` returns. `undefined` when there are none.
 */
export function readWebhooks(
  ctx: SpecContext,
  schemas: SchemaConverter,
  doc: Record<string, unknown>,
  envPrefix: string,
  options: readonly ClientOptionModel[] = [],
): WebhooksDraft | undefined {
  const key = doc['webhooks'] !== undefined ? 'webhooks' : 'x-webhooks';
  const raw = doc[key];
  const ext = readWebhooksExtension(ctx, doc);
  const declared = readWebhookMethods(ctx, doc, options);
  if (ext.signature?.type === 'hmac' && declared.methods?.some((m) => m.keyOption !== undefined))
    ctx.diagnostics.error(
      'extension-invalid',
      "A webhook method with a `keyOption` verifies Standard Webhooks signatures, as Stainless's do; this API's `signature` is its own HMAC.",
      locate(ctx, doc, EXT.webhooks),
    );
  if (!isRecord(raw) || Object.keys(raw).length === 0) {
    if (doc[EXT.webhooks] !== undefined)
      ctx.diagnostics.warning(
        'webhooks-missing',
        `\`${EXT.webhooks}\` says how webhooks are signed, but the spec declares none under \`webhooks\`.`,
        locate(ctx, doc, EXT.webhooks),
      );
    return undefined;
  }
  const events: WebhookEventModel[] = [];
  for (const [name, item] of Object.entries(raw)) {
    const { value: pathItem, file } = deref(ctx, item, ctx.spec.root);
    if (!isRecord(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isRecord(operation) || operation['requestBody'] === undefined) continue;
      const body = readRequestBody(ctx, schemas, operation, file);
      if (body === undefined) continue;
      const location = locate(ctx, raw, name);
      const docs = {
        summary: stringField(ctx, operation, 'summary'),
        description: stringField(ctx, operation, 'description') ?? body.description,
      };
      const type = named(schemas, name, body.type, docs, location);
      events.push({ name, type, docs, location });
    }
  }
  if (events.length === 0) return undefined;
  const members = unique(events.map((e) => e.type));
  const union: TypeModel = members.length === 1 ? (members[0] as TypeModel) : { kind: 'union', members };
  const common = {
    events,
    signature: ext.signature ?? { type: 'standard-webhooks' as const },
    secretEnv: ext.secretEnv ?? `${envPrefix}_WEBHOOK_SECRET`,
    ...(declared.discriminator === undefined ? {} : { discriminator: declared.discriminator }),
  };
  if (declared.methods !== undefined && declared.methods.length > 0) {
    // Stainless names the events' union after each method that returns it.
    const methods = declared.methods.map((method) => {
      const named = schemas.hoist(
        method.eventTypeNames,
        union,
        { description: `Any event the API sends to a webhook endpoint: what \`webhooks.${method.name}()\` returns.` },
        locate(ctx, doc, key),
      );
      return webhookMethod(method, named.kind === 'ref' ? named.name : (method.eventTypeNames[0] as string));
    });
    return { ...common, eventType: (methods[0] as { eventType: string }).eventType, methods };
  }
  const eventType = schemas.hoist(
    ['WebhookEvent', 'UnwrapWebhookEvent', 'WebhookEventUnion'],
    union,
    { description: `Any event the API sends to a webhook endpoint: what \`webhooks.unwrap()\` returns.` },
    locate(ctx, doc, key),
  );
  return { ...common, eventType: eventType.kind === 'ref' ? eventType.name : 'WebhookEvent' };
}

/** The client's property for webhooks: `webhooks`, unless a resource or method of the client has that name. */
export function withWebhooksProperty(draft: WebhooksDraft | undefined, root: ResourceModel): WebhooksModel | undefined {
  if (draft === undefined) return undefined;
  const taken = new Set([...root.children.map((c) => c.name), ...root.operations.map((o) => o.name)]);
  const property = ['webhooks', 'webhookEvents', 'webhookEvent'].find((name) => !taken.has(name)) ?? 'sdkWebhooks';
  return { property, ...draft };
}

/** An event's payload as a named type: a spec's inline schema is named after the event. */
function named(
  schemas: SchemaConverter,
  event: string,
  type: TypeModel,
  docs: WebhookEventModel['docs'],
  location: WebhookEventModel['location'],
): TypeModel {
  if (type.kind === 'ref') return type;
  const base = toIdentifier(pascalCase(event), 'Event');
  const about = [docs.summary?.replace(/\.$/, ''), docs.description].filter((t) => t !== undefined).join('. ');
  const description = `The \`${event}\` webhook${about === '' ? '.' : `: ${about}`}`;
  return schemas.hoist([`${base}WebhookEvent`, `${base}Event`], type, { description }, location);
}

function unique(types: readonly TypeModel[]): TypeModel[] {
  const seen = new Set<string>();
  return types.filter((t) => {
    const key = JSON.stringify(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
