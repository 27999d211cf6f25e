/**
 * The webhooks a spec declares: OpenAPI 3.1's `webhooks` (and 3.0's `x-webhooks`) give the
 * events and their union, `x-sdkgen-webhooks` says how they are signed, strictly checked.
 */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const event = (type: string): string =>
  `    post:\n      summary: ${type}\n      requestBody:\n        content:\n          application/json:\n            schema:\n              type: object\n              required: [type]\n              properties:\n                type: { type: string, enum: [${type}] }\n      responses:\n        "200": { description: ok }\n`;

function model(yaml: string) {
  return buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': yaml }) }));
}

function errors(yaml: string): string[] {
  try {
    model(yaml);
    return [];
  } catch (error) {
    return ((error as { diagnostics?: { message: string }[] }).diagnostics ?? [error as Error]).map((d) => d.message);
  }
}

describe('webhooks', () => {
  it('are the events of `webhooks`: a named payload each, their union what unwrap returns', () => {
    const { model: m } = model(
      openapi(
        `paths: {}\nwebhooks:\n  order_paid:\n${event('order.paid')}  order_refunded:\n${event('order.refunded')}`,
      ),
    );
    expect(m.webhooks).toMatchObject({
      property: 'webhooks',
      eventType: 'WebhookEvent',
      events: [
        { name: 'order_paid', type: { kind: 'ref', name: 'OrderPaidWebhookEvent' }, docs: { summary: 'order.paid' } },
        { name: 'order_refunded', type: { kind: 'ref', name: 'OrderRefundedWebhookEvent' } },
      ],
      signature: { type: 'standard-webhooks' },
      secretEnv: 'TEST_WEBHOOK_SECRET',
    });
    expect(m.schemas.find((s) => s.name === 'WebhookEvent')?.type).toEqual({
      kind: 'union',
      members: [
        { kind: 'ref', name: 'OrderPaidWebhookEvent' },
        { kind: 'ref', name: 'OrderRefundedWebhookEvent' },
      ],
    });
  });

  it('are read from `x-webhooks` in a 3.0 spec, and named around a resource called webhooks', () => {
    const yaml = openapi(
      `paths:\n  /webhooks:\n    get:\n      operationId: listWebhooks\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: { type: array, items: { type: string } }\nx-webhooks:\n  ping:\n${event('ping')}`,
    ).replace('openapi: 3.1.0', 'openapi: 3.0.3');
    const { model: m } = model(yaml);
    expect(m.root.children.map((c) => c.name)).toContain('webhooks');
    expect(m.webhooks?.property).toBe('webhookEvents');
    // One event: its payload is the union.
    expect(m.webhooks?.eventType).toBe('WebhookEvent');
    expect(m.schemas.find((s) => s.name === 'WebhookEvent')?.type).toEqual({ kind: 'ref', name: 'PingWebhookEvent' });
  });

  it('take an HMAC scheme of the API’s own from x-sdkgen-webhooks', () => {
    const { model: m } = model(
      openapi(
        `paths: {}\nx-sdkgen-webhooks:\n  secretEnv: SHOP_SIGNING_KEY\n  signature:\n    header: X-Shop-Signature\n    prefix: "sha256="\n    encoding: hex\n    algorithm: sha256\n    payload: "{timestamp}.{body}"\n    timestampHeader: X-Shop-Timestamp\nwebhooks:\n  ping:\n${event('ping')}`,
      ),
    );
    expect(m.webhooks?.signature).toEqual({
      type: 'hmac',
      header: 'x-shop-signature',
      prefix: 'sha256=',
      encoding: 'hex',
      algorithm: 'SHA-256',
      payload: '{timestamp}.{body}',
      timestampHeader: 'x-shop-timestamp',
    });
    expect(m.webhooks?.secretEnv).toBe('SHOP_SIGNING_KEY');
  });

  it('refuse a misspelled or incomplete x-sdkgen-webhooks, naming what is wrong', () => {
    const spec = (ext: string): string =>
      openapi(`paths: {}\nx-sdkgen-webhooks:\n${ext}\nwebhooks:\n  ping:\n${event('ping')}`);
    expect(errors(spec('  signatrue: standard-webhooks'))).toEqual([
      'Unknown key "signatrue"; expected one of: signature, secretEnv, discriminator, methods.',
    ]);
    expect(errors(spec('  signature:\n    header: x-sig\n    encoding: hex'))).toEqual([
      '`signature` needs `algorithm`.',
    ]);
    expect(errors(spec('  signature:\n    header: x-sig\n    encoding: base32\n    algorithm: md5'))).toEqual([
      '`encoding` must be hex or base64, not "base32".',
      '`algorithm` must be sha1, sha256 or sha512, not "md5".',
    ]);
    expect(
      errors(
        spec('  signature:\n    header: x-sig\n    encoding: hex\n    algorithm: sha1\n    payload: "{timestamp}"'),
      ),
    ).toEqual(['`payload` must include {body}.']);
  });

  it('with methods (a Stainless config’s webhook_unwrap), name the union after each method, which verifies with its keyOption', () => {
    const { model: m } = model(
      openapi(
        [
          'paths: {}',
          'x-sdkgen-client:',
          '  options:',
          '    webhookSecret: { type: string, env: SHOP_WEBHOOK_SECRET, nullable: true }',
          'x-sdkgen-webhooks:',
          '  discriminator: type',
          '  methods:',
          '    unwrap: { keyOption: webhookSecret }',
          '    unsafeUnwrap: {}',
          `webhooks:\n  order_paid:\n${event('order.paid')}  order_refunded:\n${event('order.refunded')}`,
        ].join('\n'),
      ),
    );
    expect(m.webhooks).toMatchObject({
      eventType: 'UnwrapWebhookEvent',
      discriminator: 'type',
      methods: [
        { name: 'unwrap', eventType: 'UnwrapWebhookEvent', keyOption: 'webhookSecret' },
        { name: 'unsafeUnwrap', eventType: 'UnsafeUnwrapWebhookEvent' },
      ],
    });
    // Stainless's names only: no `WebhookEvent` beside them.
    expect(m.schemas.map((s) => s.name)).toEqual([
      'OrderPaidWebhookEvent',
      'OrderRefundedWebhookEvent',
      'UnwrapWebhookEvent',
      'UnsafeUnwrapWebhookEvent',
    ]);
  });

  it('refuse a webhook method whose keyOption is no string option of the client', () => {
    const spec = (methods: string): string =>
      openapi(`paths: {}\nx-sdkgen-webhooks:\n  methods:\n${methods}\nwebhooks:\n  ping:\n${event('ping')}`);
    expect(errors(spec('    unwrap: { keyOption: webhookSecret }'))).toEqual([
      '`keyOption` names the client option the secret is in, but "webhookSecret" is no string option of `x-sdkgen-client.options`.',
    ]);
    expect(errors(spec('    unwrap: { key: webhookSecret }'))).toEqual([
      'Unknown key "key"; expected one of: keyOption.',
    ]);
  });

  it('warn when x-sdkgen-webhooks has no webhooks to sign', () => {
    const { model: m, diagnostics } = model(openapi('paths: {}\nx-sdkgen-webhooks:\n  signature: standard-webhooks'));
    expect(m.webhooks).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toContain('webhooks-missing');
  });
});
