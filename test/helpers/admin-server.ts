import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** The raw request target: path and query exactly as sent. */
  readonly url: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
}

/** Lets a test take over a request (to fail it, delay it, …); return true when handled. */
export type Intercept = (
  request: RecordedRequest,
  response: ServerResponse,
  index: number,
) => boolean | Promise<boolean>;

export interface AdminServerOptions {
  readonly groups?: number;
  readonly users?: number;
  /** The key the server accepts as `Authorization: Bearer <key>`. */
  readonly key?: string;
  readonly intercept?: Intercept;
  /** Cursors after which the server answers an empty page that still has more (to catch early stops). */
  readonly emptyPageAfter?: ReadonlySet<string>;
}

export interface AdminServer {
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A small, faithful implementation of the two admin endpoints under `/v1`:
 * groups paginate by `next` cursor, users by `last_id`, both ordered and limited like the real API.
 */
export async function startAdminServer(options: AdminServerOptions = {}): Promise<AdminServer> {
  const key = options.key ?? 'sk-admin-test';
  const groups = Array.from({ length: options.groups ?? 0 }, (_, i) => ({
    object: 'project.group',
    project_id: 'proj_abc',
    group_id: `group_${String(i).padStart(4, '0')}`,
    group_name: `Group ${i}`,
    group_type: 'group',
    created_at: 1711471533 + i,
  }));
  const users = Array.from({ length: options.users ?? 0 }, (_, i) => ({
    object: 'organization.project.user',
    id: `user_${String(i).padStart(4, '0')}`,
    name: i % 3 === 0 ? null : `User ${i}`,
    email: i % 3 === 0 ? null : `user${i}@example.com`,
    role: i === 0 ? 'owner' : 'member',
    added_at: 1711471533 + i,
  }));
  const requests: RecordedRequest[] = [];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(recorded);
    void (async () => {
      if (options.intercept !== undefined && (await options.intercept(recorded, res, requests.length - 1))) return;
      handle(recorded, res);
    })();
  });

  const handle = (req: RecordedRequest, res: ServerResponse): void => {
    if (req.headers.authorization !== `Bearer ${key}`) {
      return json(res, 401, {
        error: {
          message: 'Incorrect API key provided.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
    }
    const match = /^\/v1\/organization\/projects\/([^/]+)\/(groups|users)$/.exec(req.path);
    if (match === null || req.method !== 'GET')
      return json(res, 404, {
        error: {
          message: `No route ${req.method} ${req.path}`,
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      });
    const projectId = decodeURIComponent(match[1] as string);
    if (projectId !== 'proj_abc') {
      return json(res, 404, {
        error: {
          message: `No such project: '${projectId}'`,
          type: 'invalid_request_error',
          param: 'project_id',
          code: null,
        },
      });
    }
    const limit = Number(req.query.get('limit') ?? 20);
    const after = req.query.get('after');
    if (match[2] === 'groups') {
      if (!Number.isInteger(limit) || limit < 0 || limit > 100) return badRequest(res, 'limit');
      const order = req.query.get('order') ?? 'asc';
      if (order !== 'asc' && order !== 'desc') return badRequest(res, 'order');
      const sorted = order === 'asc' ? groups : [...groups].reverse();
      if (after !== null && options.emptyPageAfter?.has(after)) {
        return json(res, 200, { object: 'list', data: [], has_more: true, next: `${after}~empty` });
      }
      const cursor = after?.replace(/~empty$/, '') ?? null;
      const start = cursor === null ? 0 : sorted.findIndex((g) => g.group_id === cursor) + 1;
      const data = sorted.slice(start, start + limit);
      const hasMore = start + limit < sorted.length;
      return json(res, 200, {
        object: 'list',
        data,
        has_more: hasMore,
        next: hasMore ? (data.at(-1)?.group_id ?? null) : null,
      });
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return badRequest(res, 'limit');
    const start = after === null ? 0 : users.findIndex((u) => u.id === after) + 1;
    const data = users.slice(start, start + limit);
    return json(res, 200, {
      object: 'list',
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: start + limit < users.length,
    });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': `req_${status}_${Date.now()}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function badRequest(res: ServerResponse, param: string): void {
  json(res, 400, {
    error: { message: `Invalid '${param}'.`, type: 'invalid_request_error', param, code: 'invalid_value' },
  });
}
