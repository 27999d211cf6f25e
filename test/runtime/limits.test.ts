/**
 * Limits that hold for every body: `maxResponseBytes` for bytes and event streams as for JSON,
 * the request's timeout as a deadline for the whole of a body that trickles, an error body too
 * deep for recursion as an APIError of its status (a 5xx retried), and a credential or header
 * holding a control character refused before anything is sent. Against real servers on 127.0.0.1.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BinaryResponse, binaryOf } from '../../generator/runtime/binary.js';
import { BaseClient } from '../../generator/runtime/client.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIResponseTooLargeError,
  BadRequestError,
  InternalServerError,
  SDKError,
} from '../../generator/runtime/errors.js';
import { Secrets } from '../../generator/runtime/redact.js';
import { streamOf } from '../../generator/runtime/stream.js';
import type { AuthScheme, ClientOptions, Credential, RequestOptions } from '../../generator/runtime/types.js';
import { watchBody } from '../../generator/runtime/watch-body.js';
import { Recorder } from '../helpers/recorder.js';

const api = new Recorder();
beforeAll(() => api.start());
afterAll(() => api.stop());

// Servers that write on a timer stop when their test ends.
const timers: ReturnType<typeof setInterval>[] = [];
afterEach(() => {
  for (const timer of timers.splice(0)) clearInterval(timer);
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

const BEARER: AuthScheme = { type: 'bearer', option: 'adminAPIKey', env: 'ADMIN_API_KEY' };

function client(
  options: ClientOptions = {},
  auth: readonly AuthScheme[] = [BEARER],
  credentials: Record<string, Credential> = { adminAPIKey: 'sk-admin' },
): BaseClient {
  return new BaseClient({ maxRetries: 0, ...options }, { baseURL: api.url, auth, credentials });
}

const download = (c: BaseClient, options: RequestOptions = {}): Promise<BinaryResponse> =>
  c.request({ method: 'get', path: '/file', format: 'binary', watch: watchBody }, options)._map(binaryOf());

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

/** A server that sends `chunk` again each time the client has taken the last one, forever. */
function endless(res: ServerResponse, contentType: string, chunk: string | Buffer): void {
  if (!res.headersSent) res.writeHead(200, { 'content-type': contentType });
  const write = (): void => {
    if (!res.destroyed && res.write(chunk)) setImmediate(write);
  };
  res.on('drain', write);
  write();
}

describe('maxResponseBytes holds for bytes', () => {
  it('refuses a download whose declared length passes the limit, before reading it', async () => {
    api.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '5000' });
      res.end(Buffer.alloc(5000));
    });
    const error = await failure(download(client({ maxResponseBytes: 1000 })));
    expect(error).toBeInstanceOf(APIResponseTooLargeError);
    expect((error as Error).message).toBe(
      'The response to this request is larger than maxResponseBytes (1000 bytes): 5000 bytes. Raise the option to read it.',
    );
  });

  for (const read of ['blob', 'arrayBuffer', 'bytes', 'text', 'body'] as const) {
    it(`stops an endless download without a length once it passes the limit, read by ${read}`, async () => {
      api.reset((_req, res) => endless(res, 'application/octet-stream', Buffer.alloc(16 * 1024)));
      const file = await download(client({ maxResponseBytes: 1024 * 1024 }));
      const reading =
        read === 'body'
          ? (async () => {
              const reader = (file.body as ReadableStream<Uint8Array>).getReader();
              for (;;) if ((await reader.read()).done) return;
            })()
          : file[read]();
      const error = await failure(reading);
      expect(error).toBeInstanceOf(APIResponseTooLargeError);
      expect((error as APIResponseTooLargeError).maxBytes).toBe(1024 * 1024);
    });
  }

  it('reads a download within the limit whole', async () => {
    api.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(600, 1));
      res.end(Buffer.alloc(400, 2));
    });
    const bytes = await (await download(client({ maxResponseBytes: 1000 }))).bytes();
    expect(bytes.length).toBe(1000);
  });
});

describe('maxResponseBytes holds for each event of an event stream', () => {
  const events = (c: BaseClient) =>
    c.request({ method: 'get', path: '/events', format: 'stream', watch: watchBody })._map(streamOf<unknown>());

  it('refuses an event that never ends', async () => {
    api.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {"n":1}\n\n');
      endless(res, 'text/event-stream', `data: ${'x'.repeat(4096)}\n`);
    });
    const seen: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const item of await events(client({ maxResponseBytes: 64 * 1024 }))) seen.push(item);
      })(),
    );
    expect(seen).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(APIResponseTooLargeError);
    expect((error as Error).message).toBe(
      'An event of this stream is larger than maxResponseBytes (65536 bytes): more than that. Raise the option to read it.',
    );
  });

  it('counts multi-byte text by its bytes, and lets a long stream of small events through', async () => {
    const small = `data: ${JSON.stringify('é'.repeat(100))}\n\n`; // 200 bytes of text, 100 characters
    api.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`${small.repeat(50)}data: ${JSON.stringify('é'.repeat(300))}\n\n`);
    });
    let count = 0;
    const error = await failure(
      (async () => {
        for await (const _ of await events(client({ maxResponseBytes: 500 }))) count++;
      })(),
    );
    expect(count).toBe(50); // 10,000 bytes in all, each event under the limit
    expect(error).toBeInstanceOf(APIResponseTooLargeError); // 300 characters, 600 bytes
  });
});

describe('the timeout is a deadline for the whole body', () => {
  it('ends a download that trickles forever', async () => {
    api.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      timers.push(setInterval(() => res.write(Buffer.alloc(1)), 5));
    });
    const file = await download(client({ timeout: 500 }));
    const error = await failure(file.arrayBuffer());
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Reading the response body timed out after 500 ms.');
  });

  it('ends a JSON body that trickles forever, and retries it as a timeout', async () => {
    api.reset((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      timers.push(setInterval(() => res.write(' '), 5));
    });
    const error = await failure(client({ timeout: 300, maxRetries: 1 }).request({ method: 'get', path: '/slow' }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(api.seen).toHaveLength(2);
  });
});

describe('an error body nested 100,000 deep', () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const deepObject = `${'{"a":'.repeat(100_000)}"sk-admin"${'}'.repeat(100_000)}`;

  it('is an APIError of its status, and a 500 is retried', async () => {
    api.reset((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json', 'retry-after-ms': '0' }).end(deep);
    });
    const error = await failure(client({ maxRetries: 2 }).request({ method: 'get', path: '/x' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toBe('500 (a JSON array nested too deep to quote, in `error.error`)');
    expect(api.seen).toHaveLength(3);
  });

  it('is masked whole, however deep the credential', async () => {
    api.reset((_req, res) => res.writeHead(400, { 'content-type': 'application/json' }).end(deepObject));
    const error = (await failure(client().request({ method: 'get', path: '/x' }))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    let inner: unknown = error.error;
    for (let depth = 0; depth < 100_000; depth++) inner = (inner as { a: unknown }).a;
    expect(inner).toBe('[redacted]');
  });
});

describe('a control character in a credential or header fails at once', () => {
  const BAD = { SOH: '\x01', DEL: '\x7f', ESC: '\x1b' };

  for (const [name, char] of Object.entries(BAD)) {
    it(`names the option of a credential holding ${name}, sends nothing and retries nothing`, async () => {
      api.reset((_req, res) => json(res, 200, {}));
      const error = await failure(
        client({ maxRetries: 3 }, [BEARER], { adminAPIKey: `sk-ad${char}min` }).request({ method: 'get', path: '/x' }),
      );
      expect(error).toBeInstanceOf(SDKError);
      expect(error).not.toBeInstanceOf(APIConnectionError);
      expect((error as Error).message).toBe(
        `The \`adminAPIKey\` credential has the control character U+00${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')} at position 6 of 9, which HTTP headers cannot carry: check that option or ADMIN_API_KEY. No request was sent.`,
      );
      expect(api.seen).toEqual([]);
    });

    it(`names a header holding ${name}`, async () => {
      api.reset((_req, res) => json(res, 200, {}));
      const error = await failure(
        client({ maxRetries: 3 }).request({ method: 'get', path: '/x' }, { headers: { 'X-Trace': `a${char}b` } }),
      );
      expect((error as Error).message).toMatch(
        /^Cannot send the header "x-trace": its value has the control character/,
      );
      expect(api.seen).toEqual([]);
    });
  }

  it('names the option a credential function belongs to, with bearer and OAuth2 in one spec', async () => {
    api.reset((_req, res) => json(res, 200, {}));
    const oauth: AuthScheme = { type: 'oauth2', option: 'accessToken' };
    const error = await failure(
      client({ maxRetries: 3 }, [oauth, BEARER], { adminAPIKey: () => 'sk-\x1b[31m' }).request({
        method: 'get',
        path: '/x',
      }),
    );
    expect((error as Error).message).toMatch(/^The `adminAPIKey` credential has the control character U\+001B/);
    expect(api.seen).toEqual([]);
  });

  it('sends a tab, which a header may hold', async () => {
    api.reset((_req, res) => json(res, 200, {}));
    await client().request({ method: 'get', path: '/x' }, { headers: { 'X-Trace': 'a\tb' } });
    expect(api.seen[0]?.headers['x-trace']).toBe('a\tb');
  });
});

describe('a credential function costs what a fixed key does', () => {
  it('remembers a bounded number of learnt keys, while each request masks its own', () => {
    const secrets = new Secrets();
    secrets.keep('sk-fixed-key');
    const own = ['sk-rotated-0'];
    secrets.learn('sk-rotated-0');
    const mask = secrets.mask(own);
    for (let i = 1; i <= 10_000; i++) secrets.learn(`sk-rotated-${i}`);
    const remembered = secrets.spellings.filter((s) => s.startsWith('sk-rotated-')).length;
    expect(remembered).toBeLessThanOrEqual(64 * 3);
    expect(mask.string('echo sk-rotated-0 and sk-fixed-key')).toBe('echo [redacted] and [redacted]');
    expect(secrets.mask().string('sk-rotated-10000')).toBe('[redacted]');
  });
});

describe('idempotencyKey', () => {
  it('is sent in Idempotency-Key when the client has no idempotency header, and retried with it', async () => {
    api.reset((_req, res) => json(res, 500, {}, { 'retry-after-ms': '0' }));
    await failure(
      client({ maxRetries: 1 }).request({ method: 'post', path: '/x', body: {} }, { idempotencyKey: 'key-1' }),
    );
    expect(api.seen.map((r) => r.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);
  });

  it('fails loudly, before sending, when the client was told to send no idempotency header', async () => {
    api.reset((_req, res) => json(res, 200, {}));
    const error = await failure(
      client({ idempotencyHeader: null }).request(
        { method: 'post', path: '/x', body: {} },
        { idempotencyKey: 'key-1' },
      ),
    );
    expect((error as Error).message).toMatch(/^This call passes `idempotencyKey`, but the client was made with/);
    expect(api.seen).toEqual([]);
  });
});
