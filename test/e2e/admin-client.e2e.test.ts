import { afterEach, describe, expect, it } from 'vitest';
import OpenAI, {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConversationCursorPage,
  listProjectGroups,
  listProjectUsers,
  MissingCredentialsError,
  NextCursorPage,
  NotFoundError,
  OpenAICore,
  type ProjectGroup,
  type ProjectUser,
  SDKError,
} from '../../generated/src/index.js';
import { type AdminServer, type AdminServerOptions, startAdminServer } from '../helpers/admin-server.js';

const KEY = 'sk-admin-test';
let server: AdminServer | undefined;

async function setup(options: AdminServerOptions = {}): Promise<{ server: AdminServer; client: OpenAI }> {
  server = await startAdminServer({ key: KEY, ...options });
  return { server, client: new OpenAI({ adminAPIKey: KEY, baseURL: server.baseURL, maxRetries: 0 }) };
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('groups: next-cursor pagination', () => {
  it('walks every group of every page, carrying limit and order, with the next cursor as after', async () => {
    const { server, client } = await setup({ groups: 95 });
    const seen: ProjectGroup[] = [];
    for await (const group of client.admin.organization.projects.groups.list('proj_abc', {
      limit: 20,
      order: 'desc',
    })) {
      seen.push(group);
    }
    expect(seen.map((g) => g.group_id)).toEqual(
      Array.from({ length: 95 }, (_, i) => `group_${String(94 - i).padStart(4, '0')}`),
    );
    expect(server.requests).toHaveLength(5);
    expect(server.requests.map((r) => r.query.get('after'))).toEqual([
      null,
      'group_0075',
      'group_0055',
      'group_0035',
      'group_0015',
    ]);
    for (const request of server.requests) {
      expect(request.path).toBe('/v1/organization/projects/proj_abc/groups');
      expect(request.query.get('limit')).toBe('20');
      expect(request.query.get('order')).toBe('desc');
      expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    }
  });

  it('awaits to the first page, with the envelope fields and page methods', async () => {
    const { server, client } = await setup({ groups: 3 });
    const page = await client.admin.organization.projects.groups.list('proj_abc', { limit: 2, order: 'asc' });
    expect(page).toBeInstanceOf(NextCursorPage);
    expect(page.object).toBe('list');
    expect(page.data.map((g) => g.group_id)).toEqual(['group_0000', 'group_0001']);
    expect(page.has_more).toBe(true);
    expect(page.next).toBe('group_0001');
    expect(page.hasNextPage()).toBe(true);
    const second = await page.getNextPage();
    expect(second.data.map((g) => g.group_id)).toEqual(['group_0002']);
    expect(second.next).toBeNull();
    expect(second.hasNextPage()).toBe(false);
    await expect(second.getNextPage()).rejects.toThrow(SDKError);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/organization/projects/proj_abc/groups?limit=2&order=asc',
      '/v1/organization/projects/proj_abc/groups?limit=2&order=asc&after=group_0001',
    ]);
  });

  it('retries a page that fails mid-walk, without losing or repeating an item', async () => {
    let failed = false;
    const { server } = await setup({
      groups: 50,
      intercept: (req, res) => {
        if (failed || req.query.get('after') !== 'group_0019') return false;
        failed = true;
        res.writeHead(503, { 'content-type': 'application/json', 'retry-after-ms': '1' });
        res.end(JSON.stringify({ error: { message: 'overloaded' } }));
        return true;
      },
    });
    const client = new OpenAI({ adminAPIKey: KEY, baseURL: server.baseURL, maxRetries: 2 });
    const ids: string[] = [];
    for await (const group of client.admin.organization.projects.groups.list('proj_abc', { limit: 20 }))
      ids.push(group.group_id);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => `group_${String(i).padStart(4, '0')}`));
    expect(server.requests.map((r) => r.query.get('after'))).toEqual([null, 'group_0019', 'group_0019', 'group_0039']);
  });

  it('stops fetching when the loop breaks', async () => {
    const { server, client } = await setup({ groups: 100 });
    const seen: string[] = [];
    for await (const group of client.admin.organization.projects.groups.list('proj_abc', { limit: 10 })) {
      seen.push(group.group_id);
      if (seen.length === 15) break;
    }
    expect(seen).toHaveLength(15);
    expect(server.requests).toHaveLength(2);
  });

  it('iterPages yields each page once, the first included', async () => {
    const { client } = await setup({ groups: 45 });
    const first = await client.admin.organization.projects.groups.list('proj_abc', { limit: 20 });
    const sizes: number[] = [];
    for await (const page of first.iterPages()) sizes.push(page.data.length);
    expect(sizes).toEqual([20, 20, 5]);
  });

  it('does not stop at an empty page that says there is more', async () => {
    const { server, client } = await setup({ groups: 30, emptyPageAfter: new Set(['group_0009']) });
    const ids: string[] = [];
    for await (const group of client.admin.organization.projects.groups.list('proj_abc', { limit: 10 }))
      ids.push(group.group_id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(server.requests.map((r) => r.query.get('after'))).toEqual([
      null,
      'group_0009',
      'group_0009~empty',
      'group_0019',
    ]);
  });

  it('ends at has_more: false even when a cursor is present', async () => {
    const { server, client } = await setup({
      intercept: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ group_id: 'g1' }], has_more: false, next: 'g1' }));
        return true;
      },
    });
    const ids: string[] = [];
    for await (const group of client.admin.organization.projects.groups.list('proj_abc')) ids.push(group.group_id);
    expect(ids).toEqual(['g1']);
    expect(server.requests).toHaveLength(1);
  });

  it('ends when the cursor is missing even if has_more is true', async () => {
    const { server, client } = await setup({
      intercept: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ object: 'list', data: [{ group_id: 'g1' }], has_more: true, next: null }));
        return true;
      },
    });
    const page = await client.admin.organization.projects.groups.list('proj_abc');
    expect(page.hasNextPage()).toBe(false);
    let count = 0;
    for await (const _ of page) count++;
    expect(count).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe('standalone functions', () => {
  it('walk the same pages with a client that has no resource tree', async () => {
    const { server } = await setup({ groups: 25, users: 3 });
    const core = new OpenAICore({ adminAPIKey: KEY, baseURL: server.baseURL });
    expect('admin' in core).toBe(false);
    const ids: string[] = [];
    for await (const group of listProjectGroups(core, 'proj_abc', { limit: 10, order: 'desc' }))
      ids.push(group.group_id);
    expect(ids).toHaveLength(25);
    expect(ids[0]).toBe('group_0024');
    const page = await listProjectUsers(core, 'proj_abc');
    expect(page.data.map((u) => u.id)).toEqual(['user_0000', 'user_0001', 'user_0002']);
    expect(server.requests.map((r) => r.query.get('order'))).toEqual(['desc', 'desc', 'desc', null]);
  });
});

describe('users: last-id pagination', () => {
  it('walks every user, with last_id as the next after and limit carried', async () => {
    const { server, client } = await setup({ users: 250 });
    const seen: ProjectUser[] = [];
    for await (const user of client.admin.organization.projects.users.list('proj_abc', { limit: 100 })) seen.push(user);
    expect(seen).toHaveLength(250);
    expect(seen[0]).toEqual({
      object: 'organization.project.user',
      id: 'user_0000',
      name: null,
      email: null,
      role: 'owner',
      added_at: 1711471533,
    });
    expect(server.requests.map((r) => [r.query.get('after'), r.query.get('limit')])).toEqual([
      [null, '100'],
      ['user_0099', '100'],
      ['user_0199', '100'],
    ]);
  });

  it('uses the default page size when no params are given', async () => {
    const { server, client } = await setup({ users: 45 });
    const page = await client.admin.organization.projects.users.list('proj_abc');
    expect(page).toBeInstanceOf(ConversationCursorPage);
    expect(page.first_id).toBe('user_0000');
    expect(page.last_id).toBe('user_0019');
    let count = 0;
    for await (const _ of page) count++;
    expect(count).toBe(45);
    expect(server.requests[0]?.url).toBe('/v1/organization/projects/proj_abc/users');
  });
});

describe('requests', () => {
  it('percent-encodes path parameters so that no value adds a segment, a query or a fragment', async () => {
    const { server, client } = await setup();
    await expect(client.admin.organization.projects.groups.list('a/../b?c#d')).rejects.toBeInstanceOf(NotFoundError);
    expect(server.requests[0]?.url).toBe('/v1/organization/projects/a%2F..%2Fb%3Fc%23d/groups');
  });

  it('refuses . and .. and empty path parameters before sending anything', async () => {
    const { server, client } = await setup();
    for (const bad of ['..', '.', '']) {
      await expect(client.admin.organization.projects.users.list(bad)).rejects.toThrow(/must not be/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('without a key anywhere, fails naming OPENAI_ADMIN_KEY before any request is sent', async () => {
    const saved = process.env['OPENAI_ADMIN_KEY'];
    delete process.env['OPENAI_ADMIN_KEY'];
    try {
      const { server } = await setup({ groups: 1 });
      const client = new OpenAI({ baseURL: server.baseURL });
      const error = await client.admin.organization.projects.groups.list('proj_abc').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingCredentialsError);
      expect((error as Error).message).toContain('OPENAI_ADMIN_KEY');
      expect((error as Error).message).toContain('adminAPIKey');
      expect(server.requests).toHaveLength(0);
    } finally {
      if (saved !== undefined) process.env['OPENAI_ADMIN_KEY'] = saved;
    }
  });

  it('reads the key from OPENAI_ADMIN_KEY by default', async () => {
    const saved = process.env['OPENAI_ADMIN_KEY'];
    process.env['OPENAI_ADMIN_KEY'] = KEY;
    try {
      const { server } = await setup({ users: 2 });
      const client = new OpenAI({ baseURL: server.baseURL });
      const page = await client.admin.organization.projects.users.list('proj_abc');
      expect(page.data).toHaveLength(2);
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    } finally {
      if (saved === undefined) delete process.env['OPENAI_ADMIN_KEY'];
      else process.env['OPENAI_ADMIN_KEY'] = saved;
    }
  });

  it('passes signal through: an aborted call rejects and sends nothing more', async () => {
    const { server, client } = await setup({ groups: 5 });
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.admin.organization.projects.groups.list('proj_abc', {}, { signal: controller.signal }),
    ).rejects.toThrow(/aborted/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('typed errors', () => {
  it('throws NotFoundError with status, headers, parsed body and request id', async () => {
    const { client } = await setup();
    const error = await client.admin.organization.projects.groups.list('proj_missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(APIError);
    const apiError = error as NotFoundError;
    expect(apiError.status).toBe(404);
    expect(apiError.message).toBe("404 No such project: 'proj_missing'");
    expect(apiError.error).toEqual({
      error: {
        message: "No such project: 'proj_missing'",
        type: 'invalid_request_error',
        param: 'project_id',
        code: null,
      },
    });
    expect(apiError.requestID).toMatch(/^req_404_/);
    expect(apiError.headers?.get('content-type')).toBe('application/json');
  });

  it('throws BadRequestError for an invalid parameter value', async () => {
    const { client } = await setup({ users: 1 });
    const error = await client.admin.organization.projects.users
      .list('proj_abc', { limit: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).status).toBe(400);
  });

  it('throws AuthenticationError for a wrong key, and no error property carries the key', async () => {
    const secret = 'sk-admin-wrong-SECRET';
    const { server } = await setup({
      intercept: (req, res) => {
        // A server that echoes the credential back must not leak it through the error.
        res.writeHead(401, { 'content-type': 'application/json', 'x-echo': String(req.headers.authorization) });
        res.end(
          JSON.stringify({
            error: {
              message: `Incorrect API key provided: ${String(req.headers.authorization)}`,
              type: 'invalid_request_error',
            },
          }),
        );
        return true;
      },
    });
    const client = new OpenAI({ adminAPIKey: secret, baseURL: server.baseURL, maxRetries: 0 });
    const error = await client.admin.organization.projects.groups.list('proj_abc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const apiError = error as AuthenticationError;
    const everything = JSON.stringify({
      message: apiError.message,
      stack: apiError.stack,
      error: apiError.error,
      headers: [...(apiError.headers?.entries() ?? [])],
      own: Object.entries(apiError),
    });
    expect(everything).not.toContain(secret);
    expect(everything).toContain('[redacted]');
    expect(String(client)).not.toContain(secret);
    expect(JSON.stringify(client)).not.toContain(secret);
  });

  it.each([
    [409, 'ConflictError'],
    [422, 'UnprocessableEntityError'],
    [429, 'RateLimitError'],
    [500, 'InternalServerError'],
    [503, 'InternalServerError'],
    [403, 'PermissionDeniedError'],
    [418, 'APIError'],
  ])('maps status %i to %s', async (status, name) => {
    const { client } = await setup({
      intercept: (_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'nope', type: 'x' } }));
        return true;
      },
    });
    const error = await client.admin.organization.projects.groups.list('proj_abc').catch((e: unknown) => e);
    expect((error as Error).constructor.name).toBe(name);
    expect((error as APIError).status).toBe(status);
  });
});
