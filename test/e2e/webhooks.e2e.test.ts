/**
 * `client.webhooks` of a generated package, as a user's endpoint runs it: a webhook signed as
 * the API signs it (Standard Webhooks, here by node:crypto, independently of the client's Web
 * Crypto code) is verified and read; a forged, altered or replayed one is refused.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

interface Package {
  default: new (
    options: Record<string, unknown>,
  ) => { webhooks: { unwrap(body: string, headers: unknown, secret?: string): Promise<unknown> } };
  InvalidWebhookSignatureError: new (...args: never[]) => Error;
}

const dir = mkdtempSync(join(tmpdir(), 'sdkgen-webhooks-'));
let pkg: Package;
beforeAll(async () => {
  const generation = generate({ spec: 'test/fixtures/helpdesk/openapi.yaml', out: dir, cwd: ROOT });
  writeOutput(dir, planOutput(dir, generation.files));
  pkg = (await import(pathToFileURL(join(dir, 'dist/index.js')).href)) as Package;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = `whsec_${Buffer.from('a helpdesk signing key').toString('base64')}`;

/** The headers the API sends with `body`: Standard Webhooks, signed with `secret`. */
function signed(body: string, secret = SECRET, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const id = 'msg_2Lh9qDw';
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${signature}` };
}

const event = JSON.stringify({
  id: 'evt_1',
  type: 'ticket.closed',
  created_at: 1764900000,
  data: { id: 'tkt_001', subject: 'Printer on fire', status: 'closed', priority: 'high', created_at: 1764800000 },
});

describe('client.webhooks', () => {
  it('verifies a signed webhook with the client’s secret and returns its event', async () => {
    const client = new pkg.default({ webhookSecret: SECRET });
    await expect(client.webhooks.unwrap(event, new Headers(signed(event)))).resolves.toEqual(JSON.parse(event));
  });

  it('reads the secret from HELPDESK_WEBHOOK_SECRET when the client has none', async () => {
    vi.stubEnv('HELPDESK_WEBHOOK_SECRET', SECRET);
    try {
      await expect(new pkg.default({}).webhooks.unwrap(event, signed(event))).resolves.toMatchObject({
        type: 'ticket.closed',
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each([
    ['signed with another secret', event, signed(event, `whsec_${Buffer.from('another key').toString('base64')}`)],
    ['altered after signing', event.replace('high', 'low'), signed(event)],
    ['replayed an hour later', event, signed(event, SECRET, Math.floor(Date.now() / 1000) - 3600)],
    ['without its signature', event, { 'webhook-id': 'msg_1', 'webhook-timestamp': '1' }],
  ])('refuses a webhook %s', async (_what, body, headers) => {
    const client = new pkg.default({ webhookSecret: SECRET });
    await expect(client.webhooks.unwrap(body, headers)).rejects.toBeInstanceOf(pkg.InvalidWebhookSignatureError);
  });
});
