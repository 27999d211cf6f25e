/**
 * Webhook verification, against the published test vectors: Standard Webhooks' own (the
 * scheme OpenAI uses) and GitHub's `X-Hub-Signature-256` example, then every way a webhook
 * must be refused: another secret, a changed body, a replay, a missing header.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SDKError } from '../../generator/runtime/errors.js';
import {
  InvalidWebhookSignatureError,
  parseWebhookEvent,
  verifyStandardWebhook,
  type WebhookSignature,
  Webhooks,
} from '../../generator/runtime/webhooks.js';

const STANDARD: WebhookSignature = { type: 'standard-webhooks' };
// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const headers = (overrides: Record<string, string> = {}): Record<string, string> => ({
  'webhook-id': VECTOR.id,
  'webhook-timestamp': String(VECTOR.timestamp),
  'webhook-signature': VECTOR.signature,
  ...overrides,
});

const webhooks = <Event = unknown>(
  signature: WebhookSignature = STANDARD,
  secret?: string,
  secretEnv?: string,
): Webhooks<Event> => new Webhooks<Event>({ signature, secret, secretEnv });

describe('Standard Webhooks', () => {
  beforeEach(() => {
    // The vector's time, so that its timestamp is fresh; only Date is faked.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(VECTOR.timestamp * 1000 + 10_000);
  });
  afterEach(() => vi.useRealTimers());

  it('accepts the published vector and returns the parsed event', async () => {
    const event = await webhooks<{ test: number }>().unwrap(VECTOR.body, headers(), VECTOR.secret);
    expect(event).toEqual({ test: 2432232314 });
  });

  it('takes the secret from the client, else from its environment variable', async () => {
    await expect(webhooks(STANDARD, VECTOR.secret).unwrap(VECTOR.body, headers())).resolves.toEqual({
      test: 2432232314,
    });
    vi.stubEnv('SDKGEN_TEST_WEBHOOK_SECRET', VECTOR.secret);
    try {
      await expect(
        webhooks(STANDARD, undefined, 'SDKGEN_TEST_WEBHOOK_SECRET').unwrap(VECTOR.body, headers()),
      ).resolves.toBeDefined();
    } finally {
      vi.unstubAllEnvs();
    }
    await expect(webhooks(STANDARD, undefined, 'SDKGEN_TEST_NEVER_SET').unwrap(VECTOR.body, headers())).rejects.toThrow(
      new SDKError(
        'No webhook secret: pass one, or set the `webhookSecret` client option or the SDKGEN_TEST_NEVER_SET environment variable.',
      ),
    );
  });

  it('accepts any of several signatures (a secret being rotated), and a Headers object', async () => {
    const rotated = headers({ 'webhook-signature': `v1,bm90IGl0 ${VECTOR.signature}` });
    await expect(webhooks().verifySignature(VECTOR.body, new Headers(rotated), VECTOR.secret)).resolves.toBeUndefined();
  });

  it.each([
    ['another secret', VECTOR.body, headers(), 'whsec_c2VjcmV0LW5vdC10aGUtb25l'],
    ['a changed body', '{"test": 2432232315}', headers(), VECTOR.secret],
    ['a changed id', VECTOR.body, headers({ 'webhook-id': 'msg_other' }), VECTOR.secret],
    [
      'a signature of another version',
      VECTOR.body,
      headers({ 'webhook-signature': VECTOR.signature.replace('v1,', 'v2,') }),
      VECTOR.secret,
    ],
  ])('refuses %s', async (_what, body, given, secret) => {
    await expect(webhooks().unwrap(body, given, secret)).rejects.toThrow(InvalidWebhookSignatureError);
  });

  it('refuses a replay older than the tolerance, and a timestamp from the future', async () => {
    vi.setSystemTime((VECTOR.timestamp + 301) * 1000);
    await expect(webhooks().unwrap(VECTOR.body, headers(), VECTOR.secret)).rejects.toThrow(/too old \(301 s/);
    // A wider tolerance, for a receiver that queues webhooks.
    await expect(webhooks().unwrap(VECTOR.body, headers(), VECTOR.secret, 600)).resolves.toBeDefined();
    vi.setSystemTime((VECTOR.timestamp - 400) * 1000);
    await expect(webhooks().unwrap(VECTOR.body, headers(), VECTOR.secret)).rejects.toThrow(/in the future/);
  });

  it('refuses a webhook without its headers, and says which', async () => {
    await expect(webhooks().unwrap(VECTOR.body, {}, VECTOR.secret)).rejects.toThrow(
      'The webhook has no webhook-id, webhook-timestamp or webhook-signature header.',
    );
  });

  it('takes the body as bytes too (a server’s raw Buffer), and refuses a parsed one, which cannot be verified', async () => {
    const bytes = new TextEncoder().encode(VECTOR.body);
    await expect(webhooks().unwrap(bytes, headers(), VECTOR.secret)).resolves.toEqual({ test: 2432232314 });
    await expect(webhooks().unwrap({ test: 1 } as never, headers(), VECTOR.secret)).rejects.toThrow(/not parsed/);
    await expect(webhooks().unwrap(new Uint8Array([0xff, 0xfe]), headers(), VECTOR.secret)).rejects.toThrow(
      InvalidWebhookSignatureError,
    );
  });
});

describe('verifyStandardWebhook: Stainless’s synchronous unwrap', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(VECTOR.timestamp * 1000 + 10_000);
  });
  afterEach(() => vi.useRealTimers());

  // Signed as the API behind a Stainless SDK signs: the secret's text, `whsec_` and all, is the key
  // (the published SDKs give `standardwebhooks` `toBase64(key)`, which it decodes to those bytes).
  const signedAsPublished = createHmac('sha256', Buffer.from(VECTOR.secret, 'utf8'))
    .update(`${VECTOR.id}.${VECTOR.timestamp}.${VECTOR.body}`)
    .digest('base64');
  const published = (overrides: Record<string, string> = {}) =>
    headers({ 'webhook-signature': `v1,${signedAsPublished}`, ...overrides });

  it('accepts what the published SDK accepts, without a promise, and refuses another secret, body or time', () => {
    expect(verifyStandardWebhook(VECTOR.body, published(), VECTOR.secret, 'webhookSecret')).toBeUndefined();
    // The Standard Webhooks vector signs with the bytes the `whsec_` secret encodes: not this key.
    expect(() => verifyStandardWebhook(VECTOR.body, headers(), VECTOR.secret, 'webhookSecret')).toThrow(
      InvalidWebhookSignatureError,
    );
    const other = `whsec_${Buffer.from('another key').toString('base64')}`;
    expect(() => verifyStandardWebhook(VECTOR.body, published(), other, 'webhookSecret')).toThrow(
      InvalidWebhookSignatureError,
    );
    expect(() => verifyStandardWebhook('{"test": 1}', published(), VECTOR.secret, 'webhookSecret')).toThrow(
      'The webhook signature does not match: it was not signed with this secret.',
    );
    expect(() =>
      verifyStandardWebhook(VECTOR.body, published({ 'webhook-timestamp': '5' }), VECTOR.secret, 'webhookSecret'),
    ).toThrow(/too old/);
  });

  it('says which client option the secret comes from when there is none', () => {
    expect(() => verifyStandardWebhook(VECTOR.body, headers(), null, 'webhookSecret')).toThrow(
      new SDKError('No webhook secret: pass `key`, or set the `webhookSecret` client option.'),
    );
  });
});

describe('parseWebhookEvent', () => {
  it('returns the event, and refuses a body that is no JSON or has no string discriminator', () => {
    expect(parseWebhookEvent('{"type":"file.created","id":"e1"}', 'type')).toEqual({ type: 'file.created', id: 'e1' });
    expect(parseWebhookEvent('[1]')).toEqual([1]);
    expect(() => parseWebhookEvent('not json', 'type')).toThrow(/not JSON/);
    expect(() => parseWebhookEvent('{"kind":"file.created"}', 'type')).toThrow(
      "The webhook's body is not an event: it has no `type` string.",
    );
  });
});

describe("an API's own HMAC scheme (x-sdkgen-webhooks)", () => {
  const github: WebhookSignature = {
    type: 'hmac',
    header: 'x-hub-signature-256',
    prefix: 'sha256=',
    encoding: 'hex',
    algorithm: 'SHA-256',
    payload: '{body}',
  };

  it("accepts GitHub's published example, and refuses it with another secret", async () => {
    // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    const given = { 'X-Hub-Signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17' };
    await expect(webhooks(github).verifySignature('Hello, World!', given, "It's a Secret to Everybody")).resolves.toBe(
      undefined,
    );
    await expect(webhooks(github).verifySignature('Hello, World!', given, 'another')).rejects.toThrow(
      InvalidWebhookSignatureError,
    );
    await expect(
      webhooks(github).verifySignature('Hello, World!', { 'x-hub-signature-256': 'md5=00' }, 'x'),
    ).rejects.toThrow('The x-hub-signature-256 header does not start with "sha256=".');
  });

  it('signs a payload made of the timestamp and the body, and checks the timestamp', async () => {
    const slack: WebhookSignature = {
      type: 'hmac',
      header: 'x-slack-signature',
      prefix: 'v0=',
      encoding: 'hex',
      algorithm: 'SHA-256',
      payload: 'v0:{timestamp}:{body}',
      timestampHeader: 'x-slack-request-timestamp',
    };
    const now = Math.floor(Date.now() / 1000);
    const body = 'token=abc&text=hi';
    const sign = (timestamp: number): Record<string, string> => ({
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': `v0=${createHmac('sha256', 'slack-secret').update(`v0:${timestamp}:${body}`).digest('hex')}`,
    });
    await expect(webhooks(slack).verifySignature(body, sign(now), 'slack-secret')).resolves.toBeUndefined();
    await expect(webhooks(slack).verifySignature(body, sign(now - 3600), 'slack-secret')).rejects.toThrow(/too old/);
  });
});
