// The client settings of `x-sdkgen-client` (environments, retry defaults, extra options, query
// format, pathArguments: last) in a client generated from the stainless-client fixture (Linq's
// shape), against a real server on 127.0.0.1: what Stainless-generated clients send, sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.js';
import { startMockServer } from '../../generator/mock/mock-server.js';
import { modelSpec } from '../../generator/model-spec.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

interface Client {
  readonly baseURL: string;
  readonly maxRetries: number;
  readonly chats: {
    retrieve(chatID: string): Promise<unknown>;
    readonly messages: {
      list(chatID: string, params?: Record<string, unknown>): Promise<unknown>;
      retrieve(messageID: string, params: Record<string, unknown>): Promise<unknown>;
      delete(messageID: string, params: Record<string, unknown>): Promise<unknown>;
    };
    readonly participants: {
      update(handle: string, body: Record<string, unknown>): Promise<unknown>;
    };
  };
}
type ClientClass = new (options?: Record<string, unknown>) => Client;

let LinqAPIV3: ClientClass;
const out = mkdtempSync(join(tmpdir(), 'sdkgen-settings-'));

beforeAll(async () => {
  const { files } = generate({ spec: 'test/fixtures/stainless-client/openapi.yaml', out, cwd: ROOT });
  writeOutput(out, planOutput(out, files));
  LinqAPIV3 = ((await import(pathToFileURL(join(out, 'dist/index.js')).href)) as { default: ClientClass }).default;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  delete process.env['LINQ_ORG_ID'];
});

/** A server on 127.0.0.1 that records each request and answers with `answer`. */
async function serve(
  answer: (res: ServerResponse, count: number) => void = ok,
): Promise<{ baseURL: string; sent: Sent[] }> {
  const sent: Sent[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      sent.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      answer(res, sent.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent };
}

function ok(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"id":"x","data":[],"next_cursor":null}');
}

describe('environments', () => {
  it('defaults to the first, and `environment` picks another', () => {
    expect(new LinqAPIV3({ apiKey: 'k' }).baseURL).toBe('https://api.linqapp.com/api/partner');
    expect(new LinqAPIV3({ apiKey: 'k', environment: 'sandbox' }).baseURL).toBe(
      'https://sandbox.linqapp.com/api/partner',
    );
  });

  it('throws on `baseURL` and `environment` together, as Stainless clients do, and on an unknown one', () => {
    expect(() => new LinqAPIV3({ baseURL: 'http://127.0.0.1:1', environment: 'sandbox' })).toThrow(/Ambiguous URL/);
    expect(() => new LinqAPIV3({ environment: 'staging' })).toThrow(
      "Unknown `environment` \"staging\": use one of 'production', 'sandbox'.",
    );
  });
});

describe('errorClass', () => {
  it('exports the base error class under the name Stainless gives it, so `instanceof LinqAPIV3Error` catches every error', async () => {
    const pkg = (await import(pathToFileURL(join(out, 'dist/index.js')).href)) as Record<string, new () => Error>;
    expect(pkg['LinqAPIV3Error']).toBe(pkg['SDKError']);
    const { baseURL } = await serve((res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"no such chat"}');
    });
    const failure = await new LinqAPIV3({ apiKey: 'k', baseURL }).chats.retrieve('chat_1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(pkg['LinqAPIV3Error'] as new () => Error);
    expect(failure).toBeInstanceOf(pkg['NotFoundError'] as new () => Error);
  });
});

describe('pathArguments: last', () => {
  it('sends the path parameter given in params where the path has it', async () => {
    const { baseURL, sent } = await serve();
    const client = new LinqAPIV3({ apiKey: 'k', baseURL });
    await client.chats.messages.retrieve('msg 456', { chat_id: 'chat/123', include: ['a', 'b'] });
    await client.chats.messages.delete('msg_456', { chat_id: 'chat_123' });
    await client.chats.participants.update('+1555', { chat_id: 'chat_123', role: 'admin' });
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /v3/chats/chat%2F123/messages/msg%20456?region=us&include%5B%5D=a&include%5B%5D=b',
      'DELETE /v3/chats/chat_123/messages/msg_456?region=us',
      'PUT /v3/chats/chat_123/participants/%2B1555?region=us',
    ]);
    // The path parameter given among the body's fields is not sent in the body.
    expect(JSON.parse(sent[2]?.body ?? '')).toEqual({ role: 'admin' });
  });
});

describe('the mock of the same spec', () => {
  it('serves the calls of the client, path parameters in params and lists in brackets included', async () => {
    const spec = join(ROOT, 'test/fixtures/stainless-client/openapi.yaml');
    const mock = await startMockServer(modelSpec(spec, '/').model, { port: 0, host: '127.0.0.1', items: 2 });
    try {
      const client = new LinqAPIV3({ apiKey: 'k', baseURL: mock.baseURL });
      const chat = (await client.chats.retrieve('chat_123')) as { id: string };
      const message = (await client.chats.messages.retrieve('msg_456', { chat_id: chat.id, include: ['a', 'b'] })) as {
        id: string;
      };
      expect(message.id).toBe('msg_456');
      await client.chats.messages.list(chat.id, { senders: ['+1', '+2'], filter: { kind: 'sms' } });
    } finally {
      await mock.close();
    }
  });
});

describe('query format (brackets for lists, dots for objects)', () => {
  it('writes lists and objects with no declared style as the API asks', async () => {
    const { baseURL, sent } = await serve();
    const client = new LinqAPIV3({ apiKey: 'k', baseURL, region: 'eu' });
    await client.chats.messages.list('chat_123', { senders: ['+1', '+2'], filter: { kind: 'sms' } });
    expect(decodeURIComponent(sent[0]?.url ?? '')).toBe(
      '/v3/chats/chat_123/messages?region=eu&senders[]=+1&senders[]=+2&filter.kind=sms',
    );
  });
});

describe('options sent on every request', () => {
  it('sends an option in its header, from the option or else its environment variable', async () => {
    const { baseURL, sent } = await serve();
    await new LinqAPIV3({ apiKey: 'k', baseURL, organization: 'org_1' }).chats.retrieve('c');
    process.env['LINQ_ORG_ID'] = 'org_env';
    await new LinqAPIV3({ apiKey: 'k', baseURL }).chats.retrieve('c');
    // `null` sends nothing, even with the variable set.
    await new LinqAPIV3({ apiKey: 'k', baseURL, organization: null }).chats.retrieve('c');
    expect(sent.map((s) => s.headers['linq-organization'])).toEqual(['org_1', 'org_env', undefined]);
  });

  it('sends a query option by its default, and lets defaultHeaders and defaultQuery override', async () => {
    const { baseURL, sent } = await serve();
    await new LinqAPIV3({ apiKey: 'k', baseURL }).chats.retrieve('c');
    await new LinqAPIV3({
      apiKey: 'k',
      baseURL,
      organization: 'org_1',
      defaultHeaders: { 'Linq-Organization': 'org_2' },
      defaultQuery: { region: 'ap' },
    }).chats.retrieve('c');
    expect(sent.map((s) => [s.url, s.headers['linq-organization']])).toEqual([
      ['/v3/chats/c?region=us', undefined],
      ['/v3/chats/c?region=ap', 'org_2'],
    ]);
  });

  it('refuses a value of the wrong kind before sending anything', () => {
    expect(() => new LinqAPIV3({ apiKey: 'k', region: 42 })).toThrow('The `region` option must be a string, got 42.');
  });
});

describe('retry defaults', () => {
  it('retries as many times as the API declares', async () => {
    const { baseURL, sent } = await serve((res) => {
      // The server says when: the test waits for no backoff.
      res.writeHead(500, { 'content-type': 'application/json', 'retry-after-ms': '0' });
      res.end('{}');
    });
    const client = new LinqAPIV3({ apiKey: 'k', baseURL });
    expect(client.maxRetries).toBe(3);
    await expect(client.chats.retrieve('c')).rejects.toThrow();
    expect(sent).toHaveLength(4);
    // The option still wins.
    await expect(new LinqAPIV3({ apiKey: 'k', baseURL, maxRetries: 0 }).chats.retrieve('c')).rejects.toThrow();
    expect(sent).toHaveLength(5);
  });
});
