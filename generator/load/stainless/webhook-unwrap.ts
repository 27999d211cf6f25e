import { isRecord } from '../validate-document.js';
import { type Conversion, jsonPath, type Placement, readKeys } from './context.js';

/**
 * `type: webhook_unwrap`: a method of `client.webhooks` that reads an event from a webhook body,
 * of the union of the spec's `webhooks`. With `webhook_key_opt` it first checks the signature
 * with the secret of that client option (`unwrap`); without, it only parses (`unsafe_unwrap`).
 * `discriminator` names the property that tells the events apart. Written to
 * `x-sdkgen-webhooks: { discriminator, methods: { <method>: { keyOption } } }`.
 */
export function readWebhookUnwrap(
  conversion: Conversion,
  where: string,
  placement: Placement,
  method: Record<string, unknown>,
): void {
  const webhooks = conversion.spec['webhooks'] ?? conversion.spec['x-webhooks'];
  if (!isRecord(webhooks) || Object.keys(webhooks).length === 0) {
    conversion.warning(
      'stainless-webhook-unwrap',
      `\`${where}\` unwraps webhooks, but the spec declares no \`webhooks\`; sdkgen generates \`client.webhooks\` from them, so nothing is generated here.`,
      placement.container,
      placement.key,
      'Declare the events under `webhooks` (OpenAPI 3.1) or `x-webhooks`.',
    );
    return;
  }
  if (placement.resource !== 'webhooks')
    conversion.warning(
      'stainless-webhook-unwrap',
      `\`${where}\` is \`client.${placement.resource}.${placement.method}\`; sdkgen generates the webhook methods on \`client.webhooks\`, so it is \`client.webhooks.${placement.method}\` instead.`,
      placement.container,
      placement.key,
    );
  const settings: Record<string, unknown> = {};
  let discriminator: string | undefined;
  const text = (key: string, use: (value: string) => void) => (value: unknown) => {
    if (typeof value === 'string' && value !== '') use(value);
    else conversion.error('stainless-invalid', `\`${where}.${key}\` must be a name.`, method, key);
  };
  readKeys(conversion, method, where, {
    type: () => {},
    discriminator: text('discriminator', (value) => {
      discriminator = value;
    }),
    webhook_key_opt: text('webhook_key_opt', (value) => {
      settings['keyOption'] = conversion.camel(value);
    }),
  });
  conversion.webhookUnwrap ??= { container: placement.container, key: placement.key };
  conversion.act(
    {
      target: '$',
      update: {
        'x-sdkgen-webhooks': {
          ...(discriminator === undefined ? {} : { discriminator }),
          methods: { [placement.method]: settings },
        },
      },
    },
    placement.container,
    placement.key,
  );
}

/**
 * The events an unwrap method answers, named as Stainless names them once every `models` entry
 * is read: a declared model keeps its name (ImageKit's `FileCreateEvent`), any other event
 * schema is `<Webhook>WebhookEvent` after its key in the spec's `webhooks` (Grid 0.6.0:
 * `test-webhook` → `TestWebhookWebhookEvent`, `kyc-status` → `KYCStatusWebhookEvent`), its
 * schema's own name (`TestWebhookRequest`) unused. A schema an operation or another schema
 * refers to keeps its name, and an inline event schema is left to the model.
 */
export function nameWebhookEvents(conversion: Conversion): void {
  const origin = conversion.webhookUnwrap;
  const webhooks = conversion.spec['webhooks'] ?? conversion.spec['x-webhooks'];
  if (origin === undefined || !isRecord(webhooks)) return;
  const named = new Set<string>();
  for (const [key, item] of Object.entries(webhooks)) {
    if (!isRecord(item)) continue;
    for (const operation of Object.values(item)) {
      const schema = eventSchema(operation);
      if (schema === undefined || conversion.modelNames.has(schema) || named.has(schema)) continue;
      // A schema the API answers or takes elsewhere is known by its own name there.
      if (referencedOutsideWebhooks(conversion.spec, schema)) continue;
      named.add(schema);
      conversion.act(
        {
          target: jsonPath('components', 'schemas', schema),
          update: { 'x-sdkgen-name': `${conversion.pascal(key)}WebhookEvent` },
        },
        origin.container,
        origin.key,
      );
    }
  }
}

/**
 * Whether an operation or another component refers to the schema by a `$ref`: then it is no
 * event alone. A discriminator's mapping (Grid's `BaseWebhook` lists its kinds) is no such use.
 */
function referencedOutsideWebhooks(spec: Record<string, unknown>, schema: string): boolean {
  const ref = `"$ref":${JSON.stringify(`#/components/schemas/${schema}`)}`;
  const components = isRecord(spec['components']) ? spec['components'] : {};
  const schemas = isRecord(components['schemas']) ? components['schemas'] : {};
  const others = { ...components, schemas: Object.fromEntries(Object.entries(schemas).filter(([n]) => n !== schema)) };
  return JSON.stringify(spec['paths'] ?? {}).includes(ref) || JSON.stringify(others).includes(ref);
}

/** The component schema a webhook operation's JSON body refers to: `IncomingPaymentWebhook`. */
function eventSchema(operation: unknown): string | undefined {
  if (!isRecord(operation) || !isRecord(operation['requestBody'])) return undefined;
  const content = operation['requestBody']['content'];
  const json = isRecord(content) ? content['application/json'] : undefined;
  const ref = isRecord(json) && isRecord(json['schema']) ? json['schema']['$ref'] : undefined;
  return typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1] : undefined;
}
