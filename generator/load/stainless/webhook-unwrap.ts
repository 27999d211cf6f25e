import { isRecord } from '../validate-document.js';
import { type Conversion, type Placement, readKeys } from './context.js';

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
