// Fault injection: the generated client against a real server on 127.0.0.1 that misbehaves
// on purpose. Each case states the outcome and exactly how many requests reached the server.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIResponseParseError,
  APIUserAbortError,
  BadRequestError,
  type ClientOptions,
  InternalServerError,
  PaginationError,
  RateLimitError,
} from '../../generated/src/index.js';
import { type AdminServer, type Intercept, type RecordedRequest, startAdminServer } from '../helpers/admin-server.js';

const KEY = 'sk-admin-test';
let server: AdminServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** What the server does with request number `index` (0-based); `undefined`: answer normally. */
type Fault = (
  res: ServerResponse,
  index: number,
  request: RecordedRequest,
) => 'handled' | undefined | Promise<'handled' | undefined>;

async function withFault(
  fault: Fault,
  options: Partial<ClientOptions> = {},
): Promise<{ client: OpenAI; server: AdminServer }> {
  const intercept: Intercept = async (request, res, index) => (await fault(res, index, request)) === 'handled';
  server = await startAdminServer({ key: KEY, groups: 25, intercept });
  return { server, client: new OpenAI({ adminAPIKey: KEY, baseURL: server.baseURL, ...options }) };
}

const reply = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): 'handled' => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
  return 'handled';
};
const overloaded = (res: ServerResponse, headers: Record<string, string> = { 'retry-after-ms': '1' }): 'handled' =>
  reply(res, 503, JSON.stringify({ error: { message: 'overloaded' } }), headers);
const drop = (res: ServerResponse): 'handled' => {
  res.socket?.destroy();
  return 'handled';
};
/** Never answers (the client's timeout has to end it). */
const hang = (): 'handled' => 'handled';
const firstPage = (client: OpenAI) => client.admin.organization.projects.groups.list('proj_abc', { limit: 10 });

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    return error;
  }
}

describe('fault injection, through the generated client', () => {
  it('a burst of 5xx shorter than maxRetries: succeeds on the third request', async () => {
    const { client, server } = await withFault((res, i) => (i < 2 ? overloaded(res) : undefined));
    const page = await firstPage(client);
    expect(page.data).toHaveLength(10);
    expect(server.requests).toHaveLength(3);
  });

  it('a burst of 5xx longer than maxRetries: InternalServerError after 1 + maxRetries requests', async () => {
    const { client, server } = await withFault(
      (res) => reply(res, 500, '{"error":{"message":"boom"}}', { 'retry-after-ms': '1' }),
      { maxRetries: 3 },
    );
    const error = await outcome(firstPage(client));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(500);
    expect(server.requests).toHaveLength(4);
  });

  it('maxRetries 0 per request: one request only', async () => {
    const { client, server } = await withFault((res) => overloaded(res));
    await expect(client.admin.organization.projects.groups.list('proj_abc', {}, { maxRetries: 0 })).rejects.toThrow(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('429 with Retry-After in seconds: waits that long, then succeeds', async () => {
    const { client, server } = await withFault((res, i) =>
      i === 0 ? reply(res, 429, '{"error":{"message":"slow down"}}', { 'retry-after': '1' }) : undefined,
    );
    const started = performance.now();
    await firstPage(client);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  it('429 with Retry-After as an HTTP date: waits until then', async () => {
    const { client, server } = await withFault((res, i) =>
      i === 0 ? reply(res, 429, '{}', { 'retry-after': new Date(Date.now() + 2000).toUTCString() }) : undefined,
    );
    const started = performance.now();
    await firstPage(client);
    // HTTP dates have whole seconds: the wait is between one and two seconds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(2);
  });

  it('429 asking for an hour: backs off as usual instead, and ends with RateLimitError', async () => {
    const { client, server } = await withFault(
      (res) => reply(res, 429, '{"error":{"message":"quota"}}', { 'retry-after': '3600' }),
      { maxRetries: 1 },
    );
    const started = performance.now();
    const error = await outcome(firstPage(client));
    expect(error).toBeInstanceOf(RateLimitError);
    // An hour was asked; the usual backoff is under a few seconds. A generous bound, for loaded machines.
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(server.requests).toHaveLength(2);
  });

  it('a 4xx is never retried, and x-should-retry overrides the status both ways', async () => {
    const { client, server } = await withFault((res, i) => {
      if (i === 0) return reply(res, 400, '{"error":{"message":"bad"}}');
      if (i === 1) return overloaded(res, { 'x-should-retry': 'false' });
      if (i === 2)
        return reply(res, 400, '{"error":{"message":"try again"}}', {
          'x-should-retry': 'true',
          'retry-after-ms': '1',
        });
      return undefined;
    });
    await expect(firstPage(client)).rejects.toThrow(BadRequestError);
    expect(server.requests).toHaveLength(1);
    await expect(firstPage(client)).rejects.toThrow(InternalServerError);
    expect(server.requests).toHaveLength(2);
    await firstPage(client);
    expect(server.requests).toHaveLength(4);
  });

  it('dropped connections: retried, then an APIConnectionError after 1 + maxRetries requests', async () => {
    const { client, server } = await withFault((res, i) => (i < 5 ? drop(res) : undefined), { maxRetries: 1 });
    const error = await outcome(firstPage(client));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it('a body cut off mid-JSON by a dropped connection: retried, and the retry succeeds', async () => {
    const { client, server } = await withFault((res, i) => {
      if (i > 0) return undefined;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"object":"list","data":[{"object":"project.gr');
      setTimeout(() => res.socket?.destroy(), 20);
      return 'handled';
    });
    const page = await firstPage(client);
    expect(page.data).toHaveLength(10);
    expect(server.requests).toHaveLength(2);
  });

  it('a slow response inside the timeout: succeeds, one request', async () => {
    const { client, server } = await withFault(
      async (_res, i) => {
        if (i === 0) await new Promise((resolve) => setTimeout(resolve, 150));
        return undefined;
      },
      { timeout: 2000 },
    );
    await firstPage(client);
    expect(server.requests).toHaveLength(1);
  });

  it('no response at all: APIConnectionTimeoutError after 1 + maxRetries timed-out requests', async () => {
    const { client, server } = await withFault(hang, { timeout: 100, maxRetries: 1 });
    const error = await outcome(firstPage(client));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(2);
  });

  it('headers then a body that never ends: the timeout covers the body too', async () => {
    const { client, server } = await withFault(
      (res, i) => {
        if (i > 0) return undefined;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"object":"list","data":[');
        return 'handled';
      },
      { timeout: 150 },
    );
    const page = await firstPage(client);
    expect(page.data).toHaveLength(10);
    expect(server.requests).toHaveLength(2);
  });

  it('garbage JSON and a wrong content type: a parse error naming the problem, not retried', async () => {
    const { client, server } = await withFault((res, i) => {
      if (i === 0) return reply(res, 200, '{"object":"list","data":[oops');
      if (i === 1) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>maintenance</html>');
        return 'handled';
      }
      return undefined;
    });
    const garbage = await outcome(firstPage(client));
    expect(garbage).toBeInstanceOf(APIResponseParseError);
    expect(server.requests).toHaveLength(1);
    const html = await outcome(firstPage(client));
    expect(html).toBeInstanceOf(APIResponseParseError);
    expect((html as Error).message).toMatch(/text\/html/);
    expect(server.requests).toHaveLength(2);
  });

  it('a server that repeats a cursor: PaginationError, after exactly the pages it took to see it', async () => {
    const { client, server } = await withFault((res) =>
      reply(
        res,
        200,
        JSON.stringify({
          object: 'list',
          data: [
            {
              object: 'project.group',
              project_id: 'proj_abc',
              group_id: 'g',
              group_name: 'G',
              group_type: 'group',
              created_at: 1,
            },
          ],
          has_more: true,
          next: 'same',
        }),
      ),
    );
    const seen: string[] = [];
    const error = await outcome(
      (async () => {
        for await (const group of firstPage(client)) seen.push(group.group_id);
      })(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(seen).toEqual(['g', 'g']);
    expect(server.requests).toHaveLength(2);
  });

  it('an abort during a retry wait: APIUserAbortError at once, nothing more sent', async () => {
    const controller = new AbortController();
    // The abort comes once the 503 is sent, while the client waits the 30 s it was asked to.
    const { client, server } = await withFault((res) => {
      res.on('finish', () => controller.abort());
      return overloaded(res, { 'retry-after': '30' });
    });
    const started = performance.now();
    const pending = outcome(
      client.admin.organization.projects.groups.list('proj_abc', {}, { signal: controller.signal }),
    );
    expect(await pending).toBeInstanceOf(APIUserAbortError);
    // The retry waits 30 s; the abort ends it long before (a generous bound, for loaded machines).
    expect(performance.now() - started).toBeLessThan(25_000);
    expect(server.requests).toHaveLength(1);
  });

  it('an abort while the server is slow, mid-walk: the walk stops with APIUserAbortError', async () => {
    const controller = new AbortController();
    const { client, server } = await withFault(async (_res, i) => {
      if (i === 1) {
        controller.abort();
        return hang();
      }
      return undefined;
    });
    const seen: string[] = [];
    const error = await outcome(
      (async () => {
        for await (const group of client.admin.organization.projects.groups.list(
          'proj_abc',
          { limit: 10 },
          { signal: controller.signal },
        ))
          seen.push(group.group_id);
      })(),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(seen).toHaveLength(10);
    expect(server.requests).toHaveLength(2);
  });
});
