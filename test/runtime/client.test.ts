import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BinaryResponse, binaryOf } from '../../generator/runtime/binary.js';
import { BaseClient } from '../../generator/runtime/client.js';
import { encodeBody } from '../../generator/runtime/encode-body.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIResponseParseError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  MissingCredentialsError,
  PaginationError,
  RateLimitError,
  SDKError,
} from '../../generator/runtime/errors.js';
import {
  cursorWalk,
  itemIdWalk,
  linkHeaderWalk,
  nextLink,
  Page,
  type PageScheme,
  pageNumberWalk,
} from '../../generator/runtime/pagination.js';
import type { ClientOptions } from '../../generator/runtime/types.js';
import { watchBody } from '../../generator/runtime/watch-body.js';

type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void;

let server: Server | undefined;
let requests: { url: string; headers: IncomingMessage['headers'] }[] = [];

async function serve(handler: Handler): Promise<string> {
  requests = [];
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
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

function client(baseURL: string, options: ClientOptions & { key?: string } = {}): BaseClient {
  return new BaseClient(options, {
    baseURL,
    auth: [{ type: 'bearer', option: 'apiKey', env: 'SDKGEN_TEST_KEY_NEVER_SET' }],
    credentials: { apiKey: options.key ?? 'sk-test' },
  });
}

const get = (c: BaseClient, options = {}) => c.request<unknown>({ method: 'get', path: '/thing' }, options);
// The server asks for a 1 ms pause, so retries are fast yet still honour retry-after.
const QUICK = { 'retry-after-ms': '1' };

describe('retries', () => {
  it('retries 5xx up to maxRetries, then succeeds', async () => {
    const url = await serve((_req, res, n) =>
      n < 3 ? json(res, 503, { error: { message: 'busy' } }, QUICK) : json(res, 200, { ok: true }),
    );
    await expect(get(client(url, { maxRetries: 2 }))).resolves.toEqual({ ok: true });
    expect(requests).toHaveLength(3);
  });

  it('gives up after maxRetries with the last error', async () => {
    const url = await serve((_req, res) => json(res, 500, { error: { message: 'down' } }, QUICK));
    await expect(get(client(url, { maxRetries: 1 }))).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(2);
  });

  it('takes maxRetries per request over the client’s', async () => {
    const url = await serve((_req, res) => json(res, 500, {}, QUICK));
    await expect(get(client(url, { maxRetries: 3 }), { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
  });

  it('retries 408, 409 and 429 but never another 4xx', async () => {
    for (const status of [408, 409, 429]) {
      const url = await serve((_req, res, n) => (n === 1 ? json(res, status, {}, QUICK) : json(res, 200, { status })));
      await expect(get(client(url))).resolves.toEqual({ status });
      expect(requests).toHaveLength(2);
      server?.close();
    }
    const url = await serve((_req, res) => json(res, 400, { error: { message: 'bad' } }, QUICK));
    await expect(get(client(url))).rejects.toBeInstanceOf(BadRequestError);
    expect(requests).toHaveLength(1);
  });

  it('lets x-should-retry override the status', async () => {
    const url = await serve((_req, res, n) =>
      n === 1
        ? json(res, 400, {}, { ...QUICK, 'x-should-retry': 'true' })
        : json(res, 500, {}, { 'x-should-retry': 'false' }),
    );
    await expect(get(client(url))).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(2);
  });

  it('honours Retry-After in seconds', async () => {
    const url = await serve((_req, res, n) =>
      n === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, {}),
    );
    const started = Date.now();
    await get(client(url));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requests).toHaveLength(2);
  });

  it('retries a dropped connection, then reports it as a connection error', async () => {
    const url = await serve((req) => req.socket.destroy());
    const error = await get(client(url, { maxRetries: 1 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(requests).toHaveLength(2);
  });
});

describe('timeouts and aborts', () => {
  it('times out a response whose body never ends, and retries it', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const error = await get(client(url, { timeout: 100, maxRetries: 1 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('Request timed out after 100 ms.');
    expect(requests).toHaveLength(2);
  });

  it('stops at once, retries included, when the caller aborts', async () => {
    const controller = new AbortController();
    // Aborted once the request has arrived (it is never answered): an event, not a delay.
    const url = await serve(() => controller.abort());
    // A timeout of an hour: only the caller's abort can end this call (the test's own limit would catch a hang).
    await expect(get(client(url, { timeout: 3_600_000 }), { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(requests).toHaveLength(1);
  });

  it('aborts a retry that is waiting', async () => {
    const controller = new AbortController();
    // Aborted once the 500 is sent, while the client waits the 30 s the server asked for.
    const url = await serve((_req, res) => {
      res.on('finish', () => controller.abort());
      json(res, 500, {}, { 'retry-after': '30' });
    });
    await expect(get(client(url), { signal: controller.signal })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(1);
  });
});

describe('responses', () => {
  it('rejects broken JSON and wrong content types with a clear error, without retrying', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html>proxy error</html>');
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"truncated": ');
    });
    const c = client(url);
    await expect(get(c)).rejects.toThrow(/not valid JSON/);
    await expect(c.request({ method: 'get', path: '/html' })).rejects.toThrow(
      'Expected a JSON response but got content-type "text/html".',
    );
    const error = await get(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIResponseParseError);
    expect(requests).toHaveLength(3);
  });

  it('gives the raw response and the request id', async () => {
    const url = await serve((_req, res) => json(res, 200, { a: 1 }, { 'x-request-id': 'req_123' }));
    const c = client(url);
    const { data, response, requestId } = await get(c).withResponse();
    expect(data).toEqual({ a: 1 });
    expect(response.status).toBe(200);
    expect(requestId).toBe('req_123');
    const raw = await get(c).asResponse();
    expect(await raw.json()).toEqual({ a: 1 });
    expect(raw.headers.get('x-request-id')).toBe('req_123');
  });

  it('resolves to undefined for 204', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(get(client(url))).resolves.toBeUndefined();
  });
});

describe('requests', () => {
  it('sends the bearer credential, default and per-request headers and query', async () => {
    const url = await serve((_req, res) => json(res, 200, {}));
    const c = client(url, { defaultHeaders: { 'X-A': '1', 'X-Drop': 'x' }, defaultQuery: { v: 2 } });
    await c.request(
      { method: 'get', path: '/p', query: { list: ['a', 'b'], skip: undefined, n: 0 } },
      { headers: { 'x-drop': null, 'X-B': '2' } },
    );
    expect(requests[0]?.url).toBe('/p?v=2&list=a&list=b&n=0');
    expect(requests[0]?.headers).toMatchObject({
      authorization: 'Bearer sk-test',
      'x-a': '1',
      'x-b': '2',
      accept: 'application/json',
    });
    expect(requests[0]?.headers['x-drop']).toBeUndefined();
  });

  it('sends JSON bodies as JSON and binary, form and stream bodies as they are', async () => {
    const bodies: string[] = [];
    const url = await serve((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        bodies.push(`${req.headers['content-type'] ?? '-'} ${text}`);
        json(res, 200, {});
      });
    });
    const c = client(url);
    await c.request({ method: 'post', path: '/j', body: { a: [1] } });
    await c.request({ method: 'post', path: '/b', body: new TextEncoder().encode('raw') });
    await c.request({ method: 'post', path: '/s', body: new Blob(['chunked']).stream() });
    expect(bodies).toEqual(['application/json {"a":[1]}', '- raw', '- chunked']);
  });

  it('encodes multipart and urlencoded bodies from objects, and sends bytes and text with their type', async () => {
    const seen: { type: string; body: string }[] = [];
    const url = await serve((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        seen.push({ type: req.headers['content-type'] ?? '', body: text });
        json(res, 200, {});
      });
    });
    const c = client(url);
    await c.request({
      method: 'post',
      path: '/m',
      contentType: 'multipart/form-data',
      encode: encodeBody,
      body: { file: new File(['PNG'], 'leo.png'), tags: ['a', 'b'], meta: { k: 1 }, skip: undefined },
    });
    await c.request({
      method: 'put',
      path: '/f',
      contentType: 'application/x-www-form-urlencoded',
      encode: encodeBody,
      body: { time: 'noon & night', n: 2 },
    });
    // Without an encoder of its own, a form from a plain object is encoded by core/encode-body,
    // which the client loads on first use (generated methods pass none: bundles defer it), where
    // its API declares such a body (the generated client then gives the config its `forms`).
    const declared = new BaseClient(
      {},
      { baseURL: url, auth: [], credentials: {}, forms: () => import('../../generator/runtime/encode-body.js') },
    );
    await declared.request({
      method: 'put',
      path: '/f',
      contentType: 'application/x-www-form-urlencoded',
      body: { n: 3 },
    });
    await declared.request({
      method: 'post',
      path: '/m',
      contentType: 'multipart/form-data',
      body: { file: new File(['GIF'], 'leo.gif') },
    });
    await c.request({ method: 'put', path: '/b', contentType: 'application/octet-stream', body: new Blob(['raw']) });
    await c.request({ method: 'put', path: '/t', contentType: 'text/plain', body: 'hello' });
    // A client whose API declares no form has no encoder to load: refused before sending, so
    // that its bundle holds none of it.
    await expect(
      c.request({ method: 'put', path: '/f', contentType: 'application/x-www-form-urlencoded', body: { n: 4 } }),
    ).rejects.toThrow(
      "A application/x-www-form-urlencoded body needs code this client was generated without: its API description declares none; pass the request's own `encode`. No request was sent.",
    );
    expect(seen).toHaveLength(6);
    const [multipart, form, lazyForm, lazyMultipart, bytes, text] = seen;
    expect(lazyForm).toEqual({ type: 'application/x-www-form-urlencoded;charset=UTF-8', body: 'n=3' });
    expect(lazyMultipart?.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(lazyMultipart?.body).toContain('name="file"; filename="leo.gif"');
    expect(multipart?.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart?.body).toContain('name="file"; filename="leo.png"');
    expect(multipart?.body).toContain('PNG');
    expect(multipart?.body.match(/name="tags"/g)).toHaveLength(2);
    expect(multipart?.body).toContain('{"k":1}');
    expect(multipart?.body).not.toContain('name="skip"');
    expect(form).toEqual({ type: 'application/x-www-form-urlencoded;charset=UTF-8', body: 'time=noon+%26+night&n=2' });
    expect(bytes).toEqual({ type: 'application/octet-stream', body: 'raw' });
    expect(text).toEqual({ type: 'text/plain', body: 'hello' });
  });

  it('hands binary responses on unread, byte for byte, bytes that are not UTF-8 included', async () => {
    const bytes = Buffer.from([137, 80, 78, 71, 0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png; name=x' });
      res.end(bytes);
    });
    const binary = await client(url)
      .request<Response>({ method: 'get', path: '/img', format: 'binary', watch: watchBody })
      ._map(binaryOf<'image/png'>());
    expect(binary).toBeInstanceOf(BinaryResponse);
    expect(binary.contentType).toBe('image/png');
    expect(Buffer.from(await binary.bytes()).equals(bytes)).toBe(true);
    // Without a `watch` of its own (generated methods pass none), core/watch-body's, loaded on
    // first use where the API declares such an answer; a client whose API declares none refuses.
    await expect(client(url).request({ method: 'get', path: '/img', format: 'binary' })).rejects.toThrow(
      "A binary answer needs code this client was generated without: its API description declares none; pass the request's own `watch`. No request was sent.",
    );
    expect(requests).toHaveLength(1);
    const declared = new BaseClient(
      {},
      { baseURL: url, auth: [], credentials: {}, unreadBodies: () => import('../../generator/runtime/watch-body.js') },
    );
    const again = await declared
      .request<Response>({ method: 'get', path: '/img', format: 'binary' })
      ._map(binaryOf<'image/png'>());
    const chunks: Uint8Array[] = [];
    const reader = (again.body as ReadableStream<Uint8Array>).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('fails without a credential before sending, unless the caller sets the header', async () => {
    const url = await serve((_req, res) => json(res, 200, {}));
    const c = new BaseClient(
      {},
      { baseURL: url, auth: [{ type: 'bearer', option: 'apiKey', env: 'SDKGEN_TEST_KEY_NEVER_SET' }], credentials: {} },
    );
    await expect(get(c)).rejects.toThrow(MissingCredentialsError);
    expect(requests).toHaveLength(0);
    await get(c, { headers: { Authorization: 'Bearer by-hand' } });
    expect(requests[0]?.headers.authorization).toBe('Bearer by-hand');
    await c.request({ method: 'get', path: '/public', auth: [] });
    expect(requests).toHaveLength(2);
  });

  it('refuses nonsense options', () => {
    expect(() => client('http://x', { maxRetries: -1 })).toThrow(SDKError);
    expect(() => client('http://x', { timeout: 0 })).toThrow(SDKError);
    expect(() => new BaseClient({}, { baseURL: '', auth: [], credentials: {} })).toThrow(/baseURL/);
  });
});

describe('pages', () => {
  class TestPage<Item> extends Page<Item> {
    static readonly scheme: PageScheme = {
      type: 'cursor',
      items: 'data',
      hasMore: 'has_more',
      cursorField: 'next',
      cursorParam: 'after',
    };
    static readonly walk = cursorWalk;
  }
  class IdPage<Item> extends Page<Item> {
    static readonly scheme: PageScheme = {
      type: 'item-id',
      items: 'data',
      idField: 'id',
      cursorParam: 'starting_after',
    };
    static readonly walk = itemIdWalk;
  }

  it('stops with a PaginationError when the server repeats a cursor', async () => {
    const url = await serve((req, res) =>
      json(res, 200, {
        data: [{ n: req.url }],
        has_more: true,
        next: req.url?.includes('after=B') ? 'A' : req.url?.includes('after=A') ? 'B' : 'A',
      }),
    );
    const items: unknown[] = [];
    const walk = async (): Promise<void> => {
      for await (const item of client(url).requestPage<TestPage<unknown>, unknown>(TestPage, {
        method: 'get',
        path: '/l',
        query: {},
      }))
        items.push(item);
    };
    await expect(walk()).rejects.toBeInstanceOf(PaginationError);
    expect(requests.map((r) => r.url)).toEqual(['/l', '/l?after=A', '/l?after=B']);
    expect(items).toHaveLength(3);
  });

  // A fetch that serves pages of one item: the page at cursor n points on to cursor next(n).
  // Any loop a server could make, without sockets.
  function cyclingClient(next: (n: number) => number, pages: number[]): BaseClient {
    const fetch = async (input: string): Promise<Response> => {
      const n = Number(new URL(input).searchParams.get('after') ?? 0);
      pages.push(n);
      return new Response(JSON.stringify({ data: [n], has_more: true, next: String(next(n)) }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    return client('http://api.test', { fetch });
  }
  const walkAll = async (c: BaseClient): Promise<unknown[]> => {
    const items: unknown[] = [];
    for await (const item of c.requestPage<TestPage<unknown>, unknown>(TestPage, {
      method: 'get',
      path: '/l',
      query: {},
    }))
      items.push(item);
    return items;
  };

  it('stops a loop longer than the cursors it remembers exactly, within a few rounds of it', async () => {
    // 0 → 1 → … → 99 → 30 → 31 → …: a loop of 70 pages entered after 30.
    const pages: number[] = [];
    await expect(walkAll(cyclingClient((n) => (n === 99 ? 30 : n + 1), pages))).rejects.toBeInstanceOf(PaginationError);
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.length).toBeLessThanOrEqual(30 + 3 * 70);
    // 0 → … → 4,999 → 0: a loop of 5,000 pages.
    const long: number[] = [];
    await expect(walkAll(cyclingClient((n) => (n + 1) % 5000, long))).rejects.toThrow(/sent the cursor "\d+" again/);
    expect(long.length).toBeGreaterThan(5000);
    expect(long.length).toBeLessThanOrEqual(3 * 5000);
  });

  it('walks 20,000 pages of distinct cursors without a false alarm', async () => {
    const pages: number[] = [];
    const c = cyclingClient((n) => n + 1, pages);
    let count = 0;
    for await (const _ of c.requestPage<TestPage<unknown>, unknown>(TestPage, { method: 'get', path: '/l', query: {} }))
      if (++count === 20_000) break;
    expect(pages).toHaveLength(20_000);
  });

  it('walks item-id pages until an empty page', async () => {
    const url = await serve((req, res) => {
      const after = new URL(req.url ?? '', 'http://x').searchParams.get('starting_after');
      const start = after === null ? 0 : Number(after) + 1;
      json(res, 200, {
        data: Array.from({ length: Math.max(0, Math.min(3, 7 - start)) }, (_, i) => ({ id: start + i })),
      });
    });
    const ids: unknown[] = [];
    for await (const item of client(url).requestPage<IdPage<{ id: number }>, { id: number }>(IdPage, {
      method: 'get',
      path: '/l',
    }))
      ids.push(item.id);
    expect(ids).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(requests.map((r) => r.url)).toEqual([
      '/l',
      '/l?starting_after=2',
      '/l?starting_after=5',
      '/l?starting_after=6',
    ]);
  });

  it('reads a bare array as the items of a page with no next, and rejects a body that is neither', async () => {
    const url = await serve((req, res) => json(res, 200, req.url === '/l' ? [1, 2] : 'text'));
    const page = await client(url).requestPage<TestPage<number>, number>(TestPage, { method: 'get', path: '/l' });
    expect([page.getPaginatedItems(), page.hasNextPage()]).toEqual([[1, 2], false]);
    await expect(
      client(url).requestPage<TestPage<unknown>, unknown>(TestPage, { method: 'get', path: '/other' }),
    ).rejects.toThrow(/Expected a JSON object/);
  });

  class LinkPage<Item> extends Page<Item> {
    static readonly scheme: PageScheme = { type: 'link-header', items: 'data' };
    static readonly walk = linkHeaderWalk;
  }
  class NumberedPage<Item> extends Page<Item> {
    static readonly scheme: PageScheme = { type: 'page-number', items: 'data', pageParam: 'page' };
    static readonly walk = pageNumberWalk;
  }

  it('follows the rel="next" of a Link header (RFC 8288), relative or absolute, to the last page', async () => {
    const url = await serve((req, res) => {
      const page = Number(new URL(req.url ?? '', 'http://x').searchParams.get('page') ?? 1);
      const links = [
        // A quoted parameter with a comma and a semicolon in it, and several relations in one.
        '</repos?page=9>; title="a, b; c"; rel="last"',
        ...(page === 1 ? [`<${url}/repos?page=2&per_page=2>; rel="next"`] : []),
        ...(page === 2 ? ['</repos?page=3&per_page=2>; REL="prev next"'] : []),
      ];
      json(res, 200, [page * 10, page * 10 + 1], { link: links.join(', ') });
    });
    const items: number[] = [];
    for await (const item of client(url).requestPage<LinkPage<number>, number>(LinkPage, {
      method: 'get',
      path: '/repos',
      query: { per_page: 2 },
    }))
      items.push(item);
    expect(items).toEqual([10, 11, 20, 21, 30, 31]);
    expect(requests.map((r) => r.url)).toEqual([
      '/repos?per_page=2',
      '/repos?page=2&per_page=2',
      '/repos?page=3&per_page=2',
    ]);
  });

  it('follows no Link to another origin, and carries no credential there', async () => {
    const url = await serve((_req, res) =>
      json(res, 200, [1], { link: '<https://elsewhere.example/repos?page=2>; rel="next"' }),
    );
    const page = await client(url).requestPage<LinkPage<number>, number>(LinkPage, { method: 'get', path: '/repos' });
    expect(page.hasNextPage()).toBe(true);
    await expect(page.getNextPage()).rejects.toThrow(
      /Refusing to follow a next-page URL to https:\/\/elsewhere.example/,
    );
    expect(requests).toHaveLength(1);
  });

  it('counts the pages of a bare array until an empty one', async () => {
    const url = await serve((req, res) => {
      const page = Number(new URL(req.url ?? '', 'http://x').searchParams.get('page') ?? 1);
      json(res, 200, page <= 2 ? [page] : []);
    });
    const items: number[] = [];
    for await (const item of client(url).requestPage<NumberedPage<number>, number>(NumberedPage, {
      method: 'get',
      path: '/l',
    }))
      items.push(item);
    expect(items).toEqual([1, 2]);
    expect(requests.map((r) => r.url)).toEqual(['/l', '/l?page=2', '/l?page=3']);
  });
});

describe('nextLink', () => {
  const at = (link: string | undefined, url = 'https://api.example.com/v1/items?page=1'): string | undefined =>
    nextLink({ headers: new Headers(link === undefined ? {} : { link }), url });

  it('reads the next target of a Link header, resolved against the response URL', () => {
    expect(at('<https://api.example.com/items?page=2>; rel="next"')).toBe('https://api.example.com/items?page=2');
    expect(at('<?page=2>; rel=next')).toBe('https://api.example.com/v1/items?page=2');
    expect(at('</v1/items?page=3>; rel="prev", </v1/items?page=2>; rel="next"')).toBe(
      'https://api.example.com/v1/items?page=2',
    );
    expect(at('<a>; title="x, y"; rel="last", <b>; rel="alternate next"')).toBe('https://api.example.com/v1/b');
  });

  it('finds none where there is no next relation, no header, or no usable target', () => {
    expect(at('<https://api.example.com/items?page=1>; rel="prev"')).toBeUndefined();
    expect(at('<https://api.example.com/items>; rel="nextpage"')).toBeUndefined();
    expect(at(undefined)).toBeUndefined();
    expect(at('<http://[::1>; rel="next"', '')).toBeUndefined();
  });
});

describe('logging', () => {
  const capture = (): { lines: string[]; logger: import('../../generator/runtime/log.js').Logger } => {
    const lines: string[] = [];
    const push =
      (level: string) =>
      (message: string, ...details: unknown[]) =>
        lines.push(`${level} ${message} ${details.map((d) => JSON.stringify(d)).join(' ')}`.trim());
    return { lines, logger: { error: push('error'), warn: push('warn'), info: push('info'), debug: push('debug') } };
  };

  it('logs retries at info, each request and response at debug, and never a credential', async () => {
    const url = await serve((req, res, n) =>
      n === 1
        ? json(res, 503, { echo: req.headers.authorization }, QUICK)
        : json(res, 200, {}, { 'x-request-id': 'req_9' }),
    );
    const { lines, logger } = capture();
    await get(
      client(url, { key: 'sk-SECRET-1', logLevel: 'debug', logger, defaultHeaders: { 'X-Api-Key': 'also-secret' } }),
      { query: { token: 'sk-SECRET-1' } },
    );
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['debug', 'debug', 'info', 'debug', 'debug']);
    expect(lines[2]).toMatch(/^info Retrying GET .*\/thing\?token=\[redacted\] in \d+ ms \(retry 1 of 2\) after: 503/);
    expect(lines[4]).toMatch(/^debug ← GET .*: 200 in \d+ ms \(req_9\)$/);
    expect(lines.join('\n')).not.toContain('sk-SECRET-1');
    expect(lines.join('\n')).not.toContain('also-secret');
    expect(lines[0]).toContain('"authorization":"[redacted]"');
  });

  it('is quiet below the level, and takes the level from the environment variable', async () => {
    // Requests 1 and 3 fail once each: the first under the default level, the second under the environment's.
    const url = await serve((_req, res, n) => (n === 1 || n === 3 ? json(res, 500, {}, QUICK) : json(res, 200, {})));
    const quiet = capture();
    await get(client(url, { logger: quiet.logger }));
    expect(quiet.lines).toEqual([]);
    process.env['SDKGEN_TEST_LOG'] = 'info';
    try {
      const fromEnv = capture();
      const c = new BaseClient(
        { logger: fromEnv.logger },
        { baseURL: url, auth: [], credentials: {}, logEnv: 'SDKGEN_TEST_LOG' },
      );
      await c.request({ method: 'get', path: '/x', auth: [] });
      expect(fromEnv.lines).toHaveLength(1);
      expect(fromEnv.lines[0]).toMatch(/^info Retrying GET .*\/x in \d+ ms \(retry 1 of 2\) after: 500/);
      process.env['SDKGEN_TEST_LOG'] = 'loud';
      const wrong = capture();
      new BaseClient({ logger: wrong.logger }, { baseURL: url, auth: [], credentials: {}, logEnv: 'SDKGEN_TEST_LOG' });
      expect(wrong.lines).toEqual([
        'warn SDKGEN_TEST_LOG is "loud", not one of off, error, warn, info, debug; using warn.',
      ]);
    } finally {
      delete process.env['SDKGEN_TEST_LOG'];
    }
  });
});

describe('RateLimitError', () => {
  it('carries the parsed body and the status', async () => {
    const url = await serve((_req, res) =>
      json(res, 429, { error: { message: 'slow down', type: 'rate_limit' } }, { 'x-should-retry': 'false' }),
    );
    const error = (await get(client(url)).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.message).toBe('429 slow down');
    expect(error.error).toEqual({ error: { message: 'slow down', type: 'rate_limit' } });
  });
});
