import openapiFetch from 'openapi-fetch';
import createClient, { type Middleware } from 'sdkgen/fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, SDKError } from '../../generator/runtime/errors.js';
import { type Handler, Recorder } from '../helpers/recorder.js';

// What sdkgen/fetch adds to openapi-fetch's client, end to end against real servers on
// 127.0.0.1 (two of them are two origins): retries, timeouts, credentials left behind on a
// redirect to another origin, and credentials masked in what a failed call hands back.

interface paths {
  '/items': {
    get: {
      parameters: { query?: { page?: number } };
      responses: {
        200: { content: { 'application/json': { items: string[] } } };
        default: { content: { 'application/json': { message: string } } };
      };
    };
    post: {
      requestBody: { content: { 'application/json': { name: string } } };
      responses: {
        201: { content: { 'application/json': { id: string } } };
        default: { content: { 'application/json': { message: string } } };
      };
    };
  };
}

const api = new Recorder();
const elsewhere = new Recorder();
beforeAll(async () => {
  await api.start();
  await elsewhere.start();
});
afterAll(async () => {
  await api.stop();
  await elsewhere.stop();
});
beforeEach(() => {
  api.reset((_req, res) => res.end());
  elsewhere.reset((_req, res) => res.end());
});

/** Answers each request with the next of `list` (status, body, headers); the last one repeats. */
function answers(...list: [number, unknown, Record<string, string>?][]): Handler {
  let next = 0;
  return (_req, res) => {
    const [status, body, headers = {}] = list[Math.min(next++, list.length - 1)] ?? [500, null];
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

const NOW = { 'retry-after-ms': '0' };

describe('retries', () => {
  it('are off by default, as in openapi-fetch: a 503 comes back as the error, after one request', async () => {
    api.reset(answers([503, { message: 'busy' }, NOW], [200, { items: ['a'] }]));
    const client = createClient<paths>({ baseUrl: api.url });
    const { data, error, response } = await client.GET('/items');
    expect({ data, error, status: response.status }).toEqual({
      data: undefined,
      error: { message: 'busy' },
      status: 503,
    });
    expect(api.seen).toHaveLength(1);
  });

  it('with `maxRetries`, send a GET again after 503 and 429 until it succeeds; middleware sees the one final response', async () => {
    api.reset(answers([503, { message: 'busy' }, NOW], [429, { message: 'slow down' }, NOW], [200, { items: ['a'] }]));
    const statuses: number[] = [];
    const seen: Middleware = { onResponse: ({ response }) => void statuses.push(response.status) };
    const client = createClient<paths>({ baseUrl: api.url, maxRetries: 2 });
    client.use(seen);
    const { data } = await client.GET('/items', { params: { query: { page: 2 } } });
    expect(data).toEqual({ items: ['a'] });
    expect(api.seen.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill('GET /items?page=2'));
    expect(statuses).toEqual([200]);
  });

  it('stop at `maxRetries`, per call as well as per client, and return the last answer', async () => {
    api.reset(answers([500, { message: 'down' }, NOW]));
    const client = createClient<paths>({ baseUrl: api.url, maxRetries: 5 });
    const { error } = await client.GET('/items', { maxRetries: 1 });
    expect(error).toEqual({ message: 'down' });
    expect(api.seen).toHaveLength(2);
  });

  it('send a POST again only when the server cannot have acted on it (503), or with an Idempotency-Key, with its body each time', async () => {
    const client = createClient<paths>({ baseUrl: api.url, maxRetries: 2 });
    api.reset(answers([500, { message: 'maybe done' }, NOW], [201, { id: 'x' }]));
    expect((await client.POST('/items', { body: { name: 'a' } })).error).toEqual({ message: 'maybe done' });
    expect(api.seen).toHaveLength(1);

    api.reset(answers([503, { message: 'not now' }, NOW], [201, { id: 'x' }]));
    expect((await client.POST('/items', { body: { name: 'b' } })).data).toEqual({ id: 'x' });
    expect(api.seen.map((r) => r.body)).toEqual(['{"name":"b"}', '{"name":"b"}']);

    api.reset(answers([500, { message: 'maybe done' }, NOW], [201, { id: 'y' }]));
    const keyed = await client.POST('/items', { body: { name: 'c' }, headers: { 'Idempotency-Key': 'k1' } });
    expect(keyed.data).toEqual({ id: 'y' });
    expect(api.seen.map((r) => r.headers['idempotency-key'])).toEqual(['k1', 'k1']);
  });

  it('send a GET again after the connection broke', async () => {
    let first = true;
    api.reset((req, res) => {
      if (first) {
        first = false;
        req.socket.destroy();
        return;
      }
      answers([200, { items: ['after'] }])(req, res, '');
    });
    const client = createClient<paths>({ baseUrl: api.url, maxRetries: 1 });
    expect((await client.GET('/items')).data).toEqual({ items: ['after'] });
    expect(api.seen).toHaveLength(2);
  });
});

describe('timeouts', () => {
  it('end a try that gets no answer with APIConnectionTimeoutError, which onError middleware sees', async () => {
    api.reset(() => {}); // never answers
    const errors: unknown[] = [];
    const client = createClient<paths>({ baseUrl: api.url, timeout: 300 });
    client.use({ onError: ({ error }) => void errors.push(error) });
    const failure = await client.GET('/items').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(APIConnectionTimeoutError);
    expect((failure as Error).message).toBe('Request timed out after 300 ms.');
    expect(errors).toEqual([failure]);
  });

  it('are per try: a GET that timed out is sent again when retries are allowed', async () => {
    let calls = 0;
    api.reset((req, res) => {
      if (calls++ === 0) return; // the first try never gets an answer
      answers([200, { items: ['second'] }])(req, res, '');
    });
    const client = createClient<paths>({ baseUrl: api.url });
    const { data } = await client.GET('/items', { timeout: 300, maxRetries: 1 });
    expect(data).toEqual({ items: ['second'] });
  });

  it('are refused when they are no positive number, before anything is sent', () => {
    expect(() => createClient<paths>({ baseUrl: api.url, timeout: 0 })).toThrow(
      '`timeout` must be a positive number of milliseconds, got 0.',
    );
    expect(() => createClient<paths>({ baseUrl: api.url, maxRetries: 1.5 })).toThrow(
      '`maxRetries` must be a whole number ≥ 0, got 1.5.',
    );
  });
});

describe('redirects', () => {
  const credentials = {
    authorization: 'Bearer sk-live-123456',
    cookie: 'session=abcdef',
    'x-api-key': 'key-987654',
    'x-trace': 'carries sk-live-123456 too',
    accept: 'application/json',
  };

  it('to another origin leave every credential behind (openapi-fetch’s fetch sends X-API-Key and copies of the token there)', async () => {
    api.reset((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/landing` });
      res.end();
    });
    elsewhere.reset(answers([200, { items: [] }]));
    await openapiFetch<paths>({ baseUrl: api.url, headers: credentials }).GET('/items');
    expect(elsewhere.seen[0]?.headers['x-api-key']).toBe('key-987654');

    elsewhere.reset(answers([200, { items: ['there'] }]));
    const { data } = await createClient<paths>({ baseUrl: api.url, headers: credentials }).GET('/items');
    expect(data).toEqual({ items: ['there'] });
    const headers = elsewhere.seen[0]?.headers ?? {};
    expect(elsewhere.seen[0]?.url).toBe('/landing');
    expect([headers.authorization, headers.cookie, headers['x-api-key'], headers['x-trace']]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(headers.accept).toBe('application/json');
  });

  it('on the same origin keep them, and a 307 sends the body again', async () => {
    api.reset((req, res, body) => {
      if (req.url === '/items') {
        res.writeHead(307, { location: '/items-moved' });
        res.end();
        return;
      }
      answers([201, { id: body }])(req, res, body);
    });
    const client = createClient<paths>({ baseUrl: api.url, headers: credentials });
    const { data } = await client.POST('/items', { body: { name: 'moved' } });
    expect(data).toEqual({ id: '{"name":"moved"}' });
    expect(api.seen.map((r) => [r.url, r.headers.authorization, r.headers['x-api-key']])).toEqual([
      ['/items', 'Bearer sk-live-123456', 'key-987654'],
      ['/items-moved', 'Bearer sk-live-123456', 'key-987654'],
    ]);
  });

  it('that would send a body to another origin are refused, and nothing reaches it', async () => {
    api.reset((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/steal` });
      res.end();
    });
    const failure = await createClient<paths>({ baseUrl: api.url })
      .POST('/items', { body: { name: 'x' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SDKError);
    expect((failure as Error).message).toContain('was redirected (307) to another origin');
    expect(elsewhere.seen).toEqual([]);
  });

  it('are left to fetch when the caller sets `redirect`', async () => {
    api.reset((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/landing` });
      res.end();
    });
    const { response } = await createClient<paths>({ baseUrl: api.url, redirect: 'manual' }).GET('/items');
    expect(response.status).toBe(302);
    expect(elsewhere.seen).toEqual([]);
  });
});

describe('credentials in errors', () => {
  it('are masked in the error body a server echoes them in', async () => {
    api.reset(answers([401, { message: 'Incorrect API key provided: sk-live-123456.' }]));
    const client = createClient<paths>({ baseUrl: api.url, headers: { authorization: 'Bearer sk-live-123456' } });
    const { error } = await client.GET('/items');
    expect(error).toEqual({ message: 'Incorrect API key provided: [redacted].' });
  });

  it('are masked in an error thrown by the fetch underneath (a wrapper that names the request’s headers)', async () => {
    const client = createClient<paths>({
      baseUrl: api.url,
      headers: { 'x-api-key': 'key-987654' },
      fetch: async (request) => {
        throw new Error(`upstream refused ${request.url} with key ${request.headers.get('x-api-key')}`);
      },
    });
    const failure = await client.GET('/items').catch((error: unknown) => error);
    expect((failure as Error).message).toBe(`upstream refused ${api.url}/items with key [redacted]`);
  });

  it('leave an error that holds none as it was thrown, class and all', async () => {
    class Offline extends TypeError {}
    const offline = new Offline('offline');
    const client = createClient<paths>({
      baseUrl: api.url,
      headers: { 'x-api-key': 'key-987654' },
      fetch: async () => {
        throw offline;
      },
    });
    expect(await client.GET('/items').catch((error: unknown) => error)).toBe(offline);
  });
});

describe('what openapi-fetch’s own end-to-end test checks (its file needs a fixed port and three packages, docs/fetch.md)', () => {
  it('passes `requestInitExt` to fetch as its second argument, on every try', async () => {
    api.reset(answers([503, { message: 'busy' }, NOW], [200, { items: ['ok'] }]));
    const ext = { dispatcher: 'undici-agent' };
    const seen: unknown[] = [];
    const client = createClient<paths>({
      baseUrl: api.url,
      maxRetries: 1,
      requestInitExt: ext,
      fetch: ((request: Request, init?: unknown) => {
        seen.push(init);
        return globalThis.fetch(request);
      }) as (input: Request) => Promise<Response>,
    });
    expect((await client.GET('/items')).data).toEqual({ items: ['ok'] });
    expect(seen).toEqual([ext, ext]);
  });
});
