import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/runtime/client.js';
import {
  APIConnectionError,
  type APIError,
  APIResponseTooLargeError,
  InternalServerError,
  SDKError,
} from '../../generator/runtime/errors.js';
import { mergeHeaders } from '../../generator/runtime/headers.js';
import type { ClientOptions, RequestOptions } from '../../generator/runtime/types.js';
import { watchBody } from '../../generator/runtime/watch-body.js';
import { ROOT } from '../helpers/paths.js';

type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void;

let server: Server | undefined;
let requests: { method: string; headers: IncomingMessage['headers']; raw: string[] }[] = [];

async function serve(handler: Handler): Promise<string> {
  requests = [];
  server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', headers: req.headers, raw: req.rawHeaders });
    handler(req, res, requests.length);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (running === undefined) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const QUICK = { 'retry-after-ms': '1' };

function client(baseURL: string, options: ClientOptions = {}, idempotencyHeader?: string): BaseClient {
  return new BaseClient(options, {
    baseURL,
    auth: [{ type: 'bearer', option: 'apiKey' }],
    credentials: { apiKey: 'sk-test-key' },
    ...(idempotencyHeader === undefined ? {} : { idempotencyHeader }),
  });
}

const call = (c: BaseClient, method: 'get' | 'post' | 'put' | 'patch', options: RequestOptions = {}) =>
  c
    .request<unknown>({ method, path: '/thing', ...(method === 'get' ? {} : { body: { a: 1 } }) }, options)
    .catch((e: unknown) => e);

describe('bodies are data, never prototypes', () => {
  for (const withKey of [true, false]) {
    it(`keeps __proto__ and constructor as own keys of an error body (${withKey ? 'redacted' : 'as parsed'})`, async () => {
      const url = await serve((_req, res) => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "nested": {"__proto__": []}}',
        );
      });
      const c = withKey ? client(url) : new BaseClient({}, { baseURL: url, auth: [], credentials: {} });
      const error = (await call(c, 'get')) as APIError<Record<string, unknown>>;
      const body = error.error as Record<string, unknown>;
      expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
      expect(Object.hasOwn(body, '__proto__')).toBe(true);
      expect((body as { polluted?: unknown }).polluted).toBeUndefined();
      expect(Object.hasOwn(body, 'constructor')).toBe(true);
      expect(Object.getPrototypeOf(body['nested'])).toBe(Object.prototype);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    });
  }

  it('keeps a header named __proto__ an own key when merging headers', () => {
    const merged = mergeHeaders({ accept: 'application/json' }, JSON.parse('{"__proto__": "x", "X-A": "1"}'));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.entries(merged)).toEqual([
      ['accept', 'application/json'],
      ['__proto__', 'x'],
      ['x-a', '1'],
    ]);
  });
});

describe('invalid input fails at once', () => {
  it('names a header whose value has a line break, sends nothing and retries nothing', async () => {
    const url = await serve((_req, res) => json(res, 200, {}));
    const error = await call(client(url, { maxRetries: 3 }), 'get', { headers: { 'X-Trace': 'a\r\nInjected: 1' } });
    expect(error).toBeInstanceOf(SDKError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      'Cannot send the header "x-trace": its value has a carriage return at position 2 of 14, which HTTP headers cannot carry. No request was sent.',
    );
    expect(requests).toEqual([]);
  });

  it('names a header whose name is not a token, and one whose value is not bytes', async () => {
    const url = await serve((_req, res) => json(res, 200, {}));
    await expect(call(client(url), 'get', { headers: { 'Bad Name': 'x' } })).resolves.toMatchObject({
      message: expect.stringMatching(/^Cannot send the header "bad name": a header name may hold only/),
    });
    await expect(call(client(url), 'get', { headers: { 'X-Name': 'Zoë 😀' } })).resolves.toMatchObject({
      message: expect.stringContaining('the character U+1F600 at position 5'),
    });
    expect(requests).toEqual([]);
  });

  it('says what is wrong with a body JSON cannot hold or text that is no Unicode, before sending', async () => {
    const url = await serve((_req, res) => json(res, 200, {}));
    const c = client(url, { maxRetries: 3 });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    await expect(c.request({ method: 'post', path: '/x', body: { n: 1n } })).rejects.toThrow(
      /^Cannot build the request \(Do not know how to serialize a BigInt\)\. No request was sent\.$/,
    );
    await expect(c.request({ method: 'post', path: '/x', body: cyclic })).rejects.toBeInstanceOf(SDKError);
    await expect(c.request({ method: 'get', path: '/x', query: { q: '\uD800' } })).rejects.toThrow(
      /^Cannot build the request \(URI malformed\)/,
    );
    expect(requests).toEqual([]);
  });

  it('refuses a baseURL that is not an http URL when the client is made', () => {
    expect(() => client('api.example.com')).toThrow('`baseURL` must be an http or https URL, got "api.example.com".');
  });
});

describe('retried writes are safe', () => {
  // The server acts on the request, then the connection drops before the answer.
  const dropAfterReading: Handler = (req, _res) => {
    req.resume();
    req.on('end', () => req.socket.destroy());
  };

  it('does not send a POST again after a dropped connection when it has no idempotency key', async () => {
    const url = await serve(dropAfterReading);
    const error = await call(client(url, { maxRetries: 2 }), 'post');
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(requests).toHaveLength(1);
  });

  it('retries it with the same idempotency key on every try when the API declares the header', async () => {
    const url = await serve(dropAfterReading);
    const error = await call(client(url, { maxRetries: 2 }, 'Idempotency-Key'), 'post');
    expect(error).toBeInstanceOf(APIConnectionError);
    const keys = requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^sdkgen-[0-9a-f-]{36}$/);
  });

  it('gives each call its own key, takes the caller’s, and sends none on GET or with the option null', async () => {
    const url = await serve((_req, res) => json(res, 200, {}));
    const c = client(url, {}, 'Idempotency-Key');
    await call(c, 'post');
    await call(c, 'patch', { idempotencyKey: 'mine-1' });
    await call(c, 'get');
    await call(client(url, { idempotencyHeader: null }, 'Idempotency-Key'), 'post');
    await call(client(url, { idempotencyHeader: 'X-Request-Key' }), 'post');
    const sent = requests.map((r) => r.headers['idempotency-key'] ?? r.headers['x-request-key']);
    expect(sent[0]).toMatch(/^sdkgen-/);
    expect(sent.slice(1, 4)).toEqual(['mine-1', undefined, undefined]);
    expect(sent[4]).toMatch(/^sdkgen-/);
  });

  it('retries idempotent methods whatever happened', async () => {
    const url = await serve(dropAfterReading);
    await call(client(url, { maxRetries: 2 }), 'put');
    expect(requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
  });

  it('retries a POST without a key only on statuses that say it was not acted on', async () => {
    const url = await serve((_req, res, n) => {
      if (n === 1) return json(res, 429, {}, QUICK);
      if (n === 2) return json(res, 503, {}, QUICK);
      if (n === 3) return json(res, 500, { error: 'maybe done' }, QUICK);
      return json(res, 200, {});
    });
    const error = await call(client(url, { maxRetries: 5 }), 'post');
    expect(error).toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(3);
  });

  it('retries a POST that never connected', async () => {
    const url = await serve((_req, res) => json(res, 200, {}));
    const closed = url;
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server = undefined;
    });
    const tries: number[] = [];
    const counting = (input: string, init: RequestInit): Promise<Response> => {
      tries.push(1);
      return fetch(input, init);
    };
    const error = await call(
      new BaseClient({ maxRetries: 2, fetch: counting }, { baseURL: closed, auth: [], credentials: {} }),
      'post',
      {},
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(tries).toHaveLength(3);
  });
});

describe('errors stay short', () => {
  it('gives a proxy’s HTML page as its title and size, with the whole page on the error', async () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>nginx</p>'.repeat(400)}</body></html>`;
    const url = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(page);
    });
    const error = (await call(client(url, { maxRetries: 0 }), 'get')) as APIError;
    expect(error.message).toBe(`502 502 Bad Gateway (an HTML page of ${page.length} characters, in \`error.error\`)`);
    expect(error.error).toBe(page);
  });

  it('cuts a long message to one line of 300 characters', async () => {
    const long = `line one\n${'x'.repeat(5000)}`;
    const url = await serve((_req, res) => json(res, 400, { error: { message: long } }));
    const error = (await call(client(url), 'get')) as APIError;
    expect(error.message).toBe(
      `400 line one ${'x'.repeat(291)}… (${long.length} characters in all, in \`error.error\`)`,
    );
  });
});

describe('maxResponseBytes', () => {
  const big = JSON.stringify({ data: 'y'.repeat(100_000) });

  it('refuses a body whose content-length is over the limit before reading it, and does not retry', async () => {
    const url = await serve((_req, res) => json(res, 200, JSON.parse(big), { 'content-length': String(big.length) }));
    const error = (await call(client(url, { maxResponseBytes: 10_000 }), 'get')) as APIResponseTooLargeError;
    expect(error).toBeInstanceOf(APIResponseTooLargeError);
    expect(error.message).toBe(
      `The response to this request is larger than maxResponseBytes (10000 bytes): ${big.length} bytes. Raise the option to read it.`,
    );
    expect(requests).toHaveLength(1);
  });

  it('stops reading a body without a length once it passes the limit; a call may raise it', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(big.slice(0, 50_000));
      res.end(big.slice(50_000));
    });
    const c = client(url, { maxResponseBytes: 10_000 });
    await expect(call(c, 'get')).resolves.toBeInstanceOf(APIResponseTooLargeError);
    await expect(call(c, 'get', { maxResponseBytes: 1_000_000 })).resolves.toEqual(JSON.parse(big));
  });
});

describe('nothing unread keeps the process alive', () => {
  /** Runs a script that fetches a download and never reads it; resolves to its output once it exits. */
  async function runUnread(url: string, options: string): Promise<{ out: string; code: number | null }> {
    const dir = mkdtempSync(join(tmpdir(), 'sdkgen-unread-'));
    const script = join(dir, 'unread.mts');
    writeFileSync(
      script,
      `import { BaseClient } from ${JSON.stringify(join(ROOT, 'generator/runtime/client.ts'))};
import { watchBody } from ${JSON.stringify(join(ROOT, 'generator/runtime/watch-body.ts'))};
const client = new BaseClient(${options}, { baseURL: ${JSON.stringify(url)}, auth: [], credentials: {} });
const download = await client.request({ method: 'get', path: '/file', format: 'binary', watch: watchBody });
console.log('got', typeof download);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
    return { out, code };
  }

  it('lets a script that never reads a whole download end at once, whatever its timeout', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.alloc(33));
    });
    // The default timeout is 10 minutes: a timer that held the process would outlast this test.
    await expect(runUnread(url, '{}')).resolves.toEqual({ out: 'got object\n', code: 0 });
  });

  it('closes an unread body that never ends when its timeout fires', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(1000)); // and nothing more: the open connection is what keeps the script
    });
    await expect(runUnread(url, '{ timeout: 300 }')).resolves.toEqual({ out: 'got object\n', code: 0 });
  });

  it('closes the connection of a body that was dropped unread, once it is collected', async () => {
    let closed = false;
    const url = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(1000));
      req.socket.on('close', () => {
        closed = true;
      });
    });
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    await (async () => {
      await client(url).request({ method: 'get', path: '/file', format: 'binary', watch: watchBody });
    })();
    // Collection and its callbacks come in later turns of the loop: a bounded number of rounds.
    for (let round = 0; round < 200 && !closed; round++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(closed).toBe(true);
  });
});
