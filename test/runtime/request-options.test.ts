import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/runtime/client.js';
import { APIUserAbortError, SDKError } from '../../generator/runtime/errors.js';
import type { Stream } from '../../generator/runtime/stream.js';
import type { ClientOptions, Fetch } from '../../generator/runtime/types.js';

// The request options Stainless-generated SDKs have (`fetchOptions`, `httpAgent`, `method`, `path`,
// `body`, `defaultBaseURL`, and `client.request({ … })`), each doing what it does there.

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly headers: IncomingMessage['headers'];
}

const servers: Server[] = [];

/** A server on 127.0.0.1 that answers `{ ok: true }`, or holds the request when `hold` is set. */
async function serve(hold = false): Promise<{ url: string; seen: Seen[]; arrived: Promise<void> }> {
  const seen: Seen[] = [];
  let onArrival = (): void => {};
  const arrived = new Promise<void>((resolve) => {
    onArrival = resolve;
  });
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', body, headers: req.headers });
      onArrival();
      if (hold) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, arrived };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** The global fetch, recording each init it is given. */
function recordingFetch(): { fetch: Fetch; inits: RequestInit[] } {
  const inits: RequestInit[] = [];
  return {
    inits,
    fetch: (input, init) => {
      inits.push(init);
      return globalThis.fetch(input, init);
    },
  };
}

function client(baseURL: string, options: ClientOptions = {}): BaseClient {
  return new BaseClient(options, {
    baseURL,
    auth: [{ type: 'bearer', option: 'apiKey' }],
    credentials: { apiKey: 'sk-test-key' },
  });
}

describe('fetchOptions', () => {
  it("passes the client's and the call's RequestInit members to fetch, the call's over the client's", async () => {
    const { url, seen } = await serve();
    const { fetch, inits } = recordingFetch();
    const c = client(url, { fetch, fetchOptions: { cache: 'no-store', keepalive: false, priority: 'low' } });
    await c.request({ method: 'get', path: '/a' }, { fetchOptions: { keepalive: true } });
    expect(seen).toHaveLength(1);
    expect(inits[0]).toMatchObject({ cache: 'no-store', keepalive: true, priority: 'low', method: 'GET' });
  });

  it("never replaces redirect: 'manual' nor the client's signal", async () => {
    const { url } = await serve();
    const { fetch, inits } = recordingFetch();
    const mine = new AbortController();
    await client(url, { fetch, fetchOptions: { signal: mine.signal } }).request({ method: 'get', path: '/a' });
    expect(inits[0]?.redirect).toBe('manual');
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(inits[0]?.signal).not.toBe(mine.signal);
  });

  it('honours a signal given in fetchOptions as the call’s own: aborting it aborts the call', async () => {
    const { url, arrived } = await serve(true);
    const controller = new AbortController();
    const pending = client(url)
      .request({ method: 'get', path: '/slow' }, { fetchOptions: { signal: controller.signal } })
      .catch((e: unknown) => e);
    await arrived;
    controller.abort();
    expect(await pending).toBeInstanceOf(APIUserAbortError);
  });

  for (const member of ['redirect', 'method', 'headers', 'body', 'duplex'] as const) {
    it(`refuses fetchOptions.${member}, sending nothing`, async () => {
      const { url, seen } = await serve();
      const fetchOptions = { [member]: member === 'headers' ? { a: 'b' } : 'x' } as never;
      const error = await client(url, { fetchOptions })
        .request({ method: 'get', path: '/a' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SDKError);
      expect((error as Error).message).toContain(`fetchOptions.${member}`);
      expect(seen).toHaveLength(0);
    });
  }

  it('passes httpAgent to fetch as `agent` (what node-fetch reads), the call’s over the client’s', async () => {
    const { url } = await serve();
    const { fetch, inits } = recordingFetch();
    const clientAgent = { name: 'client' };
    const callAgent = { name: 'call' };
    const c = client(url, { fetch, httpAgent: clientAgent });
    await c.request({ method: 'get', path: '/a' });
    await c.request({ method: 'get', path: '/a' }, { httpAgent: callAgent });
    expect((inits[0] as { agent?: unknown }).agent).toBe(clientAgent);
    expect((inits[1] as { agent?: unknown }).agent).toBe(callAgent);
  });

  it('builds the same init as ever without them', async () => {
    const { url } = await serve();
    const { fetch, inits } = recordingFetch();
    await client(url, { fetch }).request({ method: 'get', path: '/a' });
    expect(Object.keys(inits[0] ?? {}).sort()).toEqual(['headers', 'method', 'redirect', 'signal']);
  });
});

describe('client.request({ method, path, query, body, … })', () => {
  it('sends any request from one object of request and options, as Stainless clients do', async () => {
    const { url, seen } = await serve();
    const answer = await client(url).request<{ ok: boolean }>({
      method: 'post',
      path: '/things/7',
      query: { expand: 'all' },
      body: { name: 'x' },
      headers: { 'x-extra': '1' },
      timeout: 60_000,
    });
    expect(answer).toEqual({ ok: true });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/things/7?expand=all', body: '{"name":"x"}' });
    expect(seen[0]?.headers['x-extra']).toBe('1');
    expect(seen[0]?.headers.authorization).toBe('Bearer sk-test-key');
  });

  it("a call's method, path and body options replace the request's; its path is sent as it is", async () => {
    const { url, seen } = await serve();
    await client(url).request(
      { method: 'post', path: '/things/{id}', pathParams: { id: 1 }, body: { a: 1 } },
      { method: 'put', path: '/other/{x}', body: { b: 2 } },
    );
    expect(seen[0]).toMatchObject({ method: 'PUT', url: '/other/%7Bx%7D', body: '{"b":2}' });
  });
});

describe('client.request({ …, stream: true })', () => {
  it('reads the answer as a Stream of its events, as a streaming method does', async () => {
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: {"n":1,"accept":${JSON.stringify(req.headers.accept)}}\n\ndata: {"n":2}\n\n`);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The generated client gives the config these where its API declares an event stream.
    const streaming = new BaseClient(
      {},
      {
        baseURL: url,
        auth: [],
        credentials: {},
        unreadBodies: () => import('../../generator/runtime/watch-body.js'),
        eventStreams: () => import('../../generator/runtime/stream.js'),
      },
    );
    const events = await streaming.request<Stream<{ n: number; accept?: string }>>({
      method: 'post',
      path: '/events',
      body: { prompt: 'x' },
      stream: true,
    });
    const seen: unknown[] = [];
    for await (const event of events) seen.push(event);
    expect(seen).toEqual([{ n: 1, accept: 'text/event-stream' }, { n: 2 }]);
  });

  it('is refused before sending by a client whose API declares no event stream, which bundles no stream code', async () => {
    const { url, seen } = await serve();
    await expect(
      client(url).request({ method: 'post', path: '/events', body: { prompt: 'x' }, stream: true }),
    ).rejects.toThrow(
      'An event stream needs code this client was generated without: its API description declares none. No request was sent.',
    );
    expect(seen).toHaveLength(0);
  });
});

describe('defaultBaseURL', () => {
  it("sends the call to its own server where the client's baseURL is the default", async () => {
    const main = await serve();
    const other = await serve();
    await client(main.url).request({ method: 'get', path: '/a' }, { defaultBaseURL: `${other.url}/v2/` });
    expect(main.seen).toHaveLength(0);
    expect(other.seen[0]?.url).toBe('/v2/a');
  });

  it('leaves the call on a baseURL the caller gave (a proxy, a mock server)', async () => {
    const main = await serve();
    const other = await serve();
    const c = new BaseClient({ baseURL: main.url }, { baseURL: 'https://api.example.com', auth: [], credentials: {} });
    await c.request({ method: 'get', path: '/a' }, { defaultBaseURL: other.url });
    expect(main.seen[0]?.url).toBe('/a');
    expect(other.seen).toHaveLength(0);
  });

  it('must be an http or https URL', async () => {
    const { url, seen } = await serve();
    const error = await client(url)
      .request({ method: 'get', path: '/a' }, { defaultBaseURL: 'file:///etc' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SDKError);
    expect(seen).toHaveLength(0);
  });
});
