/**
 * Stainless's webhook methods (`type: webhook_unwrap` with `discriminator` and `webhook_key_opt`,
 * as ImageKit's config declares them) in a client generated from the stainless-client fixture:
 * a webhook endpoint on 127.0.0.1 built on `client.webhooks.unwrap(body, { headers })` accepts
 * a webhook signed as the API signs it (Standard Webhooks, here by node:crypto) and refuses a
 * forged one with `InvalidWebhookSignatureError`; `unsafeUnwrap` only parses.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

interface Event {
  readonly id: string;
  readonly type: string;
}
interface Client {
  readonly webhooks: {
    unwrap(body: string, args: { headers: Record<string, string>; key?: string }): Event;
    unsafeUnwrap(body: string): Event;
  };
}
interface Package {
  readonly default: new (options: Record<string, unknown>) => Client;
  readonly InvalidWebhookSignatureError: new (...args: never[]) => Error;
  readonly LinqAPIV3Error: new (...args: never[]) => Error;
}

const out = mkdtempSync(join(tmpdir(), 'sdkgen-stainless-webhooks-'));
let pkg: Package;
beforeAll(async () => {
  const { files } = generate({ spec: 'test/fixtures/stainless-client/openapi.yaml', out, cwd: ROOT });
  writeOutput(out, planOutput(out, files));
  pkg = (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as Package;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  vi.unstubAllEnvs();
});

const SECRET = `whsec_${Buffer.from('a linq signing key').toString('base64')}`;
const OTHER = `whsec_${Buffer.from('somebody else').toString('base64')}`;

/** Standard Webhooks headers for `body`, signed with `secret`. */
function signed(body: string, secret = SECRET): Record<string, string> {
  const id = 'msg_2Lh9qDw';
  const timestamp = Math.floor(Date.now() / 1000);
  // As the published SDK verifies (`new Webhook(toBase64(key))`): the secret's text is the key.
  const key = Buffer.from(secret, 'utf8');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
}

const event = JSON.stringify({
  id: 'evt_1',
  type: 'message.received',
  data: { id: 'msg_1', chat_id: 'c', text: 'hi' },
});

/** A user's webhook endpoint: 200 and the event's type when `client.webhooks.unwrap` trusts it, 400 and the error's class when not. */
async function endpoint(client: Client): Promise<string> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const received = client.webhooks.unwrap(Buffer.concat(chunks).toString('utf8'), {
          headers: req.headers as Record<string, string>,
        });
        res.writeHead(200).end(received.type);
      } catch (error) {
        const kind = error instanceof pkg.InvalidWebhookSignatureError ? 'InvalidWebhookSignatureError' : String(error);
        res.writeHead(400).end(kind);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
}

async function deliver(url: string, body: string, headers: Record<string, string>): Promise<[number, string]> {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return [response.status, await response.text()];
}

describe('client.webhooks.unwrap(body, { headers, key })', () => {
  it('returns the event of a webhook signed with the webhookSecret option, synchronously', async () => {
    const url = await endpoint(new pkg.default({ apiKey: 'k', webhookSecret: SECRET }));
    expect(await deliver(url, event, signed(event))).toEqual([200, 'message.received']);
  });

  it('refuses a webhook signed with another secret, or changed on the way, with InvalidWebhookSignatureError', async () => {
    const url = await endpoint(new pkg.default({ apiKey: 'k', webhookSecret: SECRET }));
    expect(await deliver(url, event, signed(event, OTHER))).toEqual([400, 'InvalidWebhookSignatureError']);
    expect(await deliver(url, event.replace('hi', 'bye'), signed(event))).toEqual([
      400,
      'InvalidWebhookSignatureError',
    ]);
  });

  it('takes the secret from `key`, else the option, else LINQ_WEBHOOK_SECRET', () => {
    const headers = signed(event);
    expect(
      new pkg.default({ apiKey: 'k', webhookSecret: OTHER }).webhooks.unwrap(event, { headers, key: SECRET }),
    ).toEqual(JSON.parse(event));
    vi.stubEnv('LINQ_WEBHOOK_SECRET', SECRET);
    expect(new pkg.default({ apiKey: 'k' }).webhooks.unwrap(event, { headers }).type).toBe('message.received');
    vi.stubEnv('LINQ_WEBHOOK_SECRET', '');
    expect(() => new pkg.default({ apiKey: 'k' }).webhooks.unwrap(event, { headers })).toThrow(
      'No webhook secret: pass `key`, or set the `webhookSecret` client option.',
    );
  });

  it('refuses a body that is no event (no `type`, the discriminator) even when signed', () => {
    const body = JSON.stringify({ id: 'evt_2' });
    const client = new pkg.default({ apiKey: 'k', webhookSecret: SECRET });
    const refused = (() => {
      try {
        client.webhooks.unwrap(body, { headers: signed(body) });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(pkg.LinqAPIV3Error);
    expect((refused as Error).message).toBe("The webhook's body is not an event: it has no `type` string.");
  });
});

describe('client.webhooks.unsafeUnwrap(body)', () => {
  it('returns the event without a secret or a signature', () => {
    expect(new pkg.default({ apiKey: 'k' }).webhooks.unsafeUnwrap(event)).toEqual(JSON.parse(event));
  });
});
