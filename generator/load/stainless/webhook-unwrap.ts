import { isRecord } from '../validate-document.js';
import type { Conversion, Placement } from './context.js';

/**
 * `type: webhook_unwrap`: sdkgen makes `client.webhooks.unwrap()` from the spec's `webhooks`
 * (signature checked as `x-sdkgen-webhooks` says), so the method is there when the spec has
 * webhooks and the config puts it where sdkgen does; otherwise it is said why it is not.
 */
export function readWebhookUnwrap(conversion: Conversion, where: string, placement: Placement): void {
  const webhooks = conversion.spec['webhooks'] ?? conversion.spec['x-webhooks'];
  const hasWebhooks = isRecord(webhooks) && Object.keys(webhooks).length > 0;
  const call = `${placement.resource}.${placement.method}`;
  if (hasWebhooks && call === 'webhooks.unwrap') return;
  conversion.warning(
    'stainless-webhook-unwrap',
    hasWebhooks
      ? `\`${where}\` is \`client.${call}\`; sdkgen generates the webhook unwrap method as \`client.webhooks.unwrap()\` from the spec's \`webhooks\`, so it is there instead.`
      : `\`${where}\` unwraps webhooks, but the spec declares no \`webhooks\`; sdkgen generates \`client.webhooks.unwrap()\` from them, so nothing is generated here.`,
    placement.container,
    placement.key,
    hasWebhooks ? undefined : 'Declare the events under `webhooks` (OpenAPI 3.1) or `x-webhooks`.',
  );
}
