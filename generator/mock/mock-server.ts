import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allOperations } from '../model/collections.js';
import type { ApiModel, NamedSchema, OperationModel } from '../model/model.js';
import { serverPath } from '../model/route.js';
import type { Problem } from '../values/validate-value.js';
import {
  deletedResponse,
  fillTemplate,
  isItem,
  itemResponse,
  listEnvelope,
  made,
  sameType,
  streamEvents,
} from './answers.js';
import { ErrorBodies, type Failure } from './error-bodies.js';
import type { SchemaLookup } from './fake-data.js';
import { filterItems } from './filter.js';
import { copyFitting, createdItem, statusAfter, uploadFacts } from './item-shapes.js';
import { pageOf } from './paginate.js';
import { missingCredential, type ParsedRequest, readRequest } from './read-request.js';
import { type Reply, send } from './reply.js';
import { buildRoutes, type Collection, type Route } from './routes.js';
import { type Item, MockStore } from './store.js';
import { tokenPaths, tokenReply } from './token-endpoint.js';

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number | undefined;
  readonly host?: string | undefined;
  /** How many items each list starts with (default 45: three pages of the usual 20). */
  readonly items?: number | undefined;
  /** Told one line per request. */
  readonly log?: ((line: string) => void) | undefined;
}

export interface MockServer {
  /** Where the API answers, its server path included: `http://127.0.0.1:4010/v1`. */
  readonly baseURL: string;
  /** Where it hands out OAuth2 client-credentials tokens, when the spec declares a token URL: the client's `tokenURL`. */
  readonly tokenURL?: string | undefined;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_ITEMS = 45;

/**
 * A stateful mock of the API a model describes, on 127.0.0.1 by default: every operation
 * answers under the spec's server path (`/v1`), requests are checked against the spec
 * (400 says what is wrong), lists page the way the spec's pagination says, and what is
 * created, changed or deleted stays so for the server's life. The data set is made from
 * the schemas and examples, the same on every run.
 */
export async function startMockServer(model: ApiModel, options: MockServerOptions = {}): Promise<MockServer> {
  const schemas = new Map<string, NamedSchema>(model.schemas.map((s) => [s.name, s]));
  const lookup: SchemaLookup = (name) => schemas.get(name);
  const routes = buildRoutes(model, lookup);
  const store = new MockStore(lookup, options.items ?? DEFAULT_ITEMS);
  const errors = new ErrorBodies(allOperations(model.root), lookup);
  /** A failure as an error reply, its body in the shape the spec declares. */
  const fail = (failure: Failure, operation?: OperationModel, headers?: Record<string, string>): Reply => ({
    status: failure.status,
    body: errors.body(failure, operation),
    ...(headers === undefined ? {} : { headers }),
  });
  const invalid = (problems: readonly Problem[], operation: OperationModel): Reply => {
    const first = problems[0] as Problem;
    const message = problems.map((p) => `${p.where} ${p.message}`).join('; ');
    const param = first.where.replace(/^[a-z]+\./, '');
    return fail(
      { status: 400, message: `Invalid request: ${message}.`, code: 'invalid_request', param, problems },
      operation,
    );
  };
  const prefix = serverPath(model.client.baseURL);
  const tokens = tokenPaths(model);
  let requests = 0;
  let issued = 0;

  const server = createServer((req, res) => {
    const id = `req_mock_${String(++requests).padStart(6, '0')}`;
    void handle(req)
      .catch(
        (error: unknown): Reply =>
          fail({ status: 500, message: `The mock failed: ${(error as Error).message}`, code: 'server_error' }),
      )
      .then((reply) => {
        send(res, reply, id);
        options.log?.(`${req.method ?? ''} ${req.url ?? ''} → ${reply.status}`);
      });
  });

  async function handle(req: IncomingMessage): Promise<Reply> {
    if (req.method === 'OPTIONS') return { status: 204 };
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    if (tokens.includes(url.pathname)) return tokenReply(req, (await readBody(req)).body, ++issued);
    if (!url.pathname.startsWith(`${prefix}/`) && url.pathname !== prefix) {
      const served = prefix === '' ? '/' : prefix;
      return fail({
        status: 404,
        message: `No such route: ${url.pathname}. This API is served under ${served}.`,
        code: 'not_found',
      });
    }
    const path = url.pathname.slice(prefix.length) || '/';
    const method = (req.method ?? 'GET').toLowerCase();
    const matching = routes.filter((route) => route.pattern.test(path));
    // `/responses?beta=true` before `/responses`: a route whose key fixes a query takes the calls that send it.
    const route = matching.find(
      (r) =>
        r.operation.method === method && r.operation.fixedQuery.every((q) => url.searchParams.get(q.name) === q.value),
    );
    if (route === undefined) {
      if (matching.length === 0) return fail({ status: 404, message: `No operation at ${path}.`, code: 'not_found' });
      const allowed = [...new Set(matching.map((r) => r.operation.method.toUpperCase()))].join(', ');
      const message = `${method.toUpperCase()} is not allowed on ${path}; use ${allowed}.`;
      return fail({ status: 405, message, code: 'method_not_allowed' }, undefined, { allow: allowed });
    }
    const { body, size } = await readBody(req);
    const { operation } = route;
    if (size > MAX_BODY_BYTES)
      return fail(
        { status: 413, message: `The request body is over ${MAX_BODY_BYTES} bytes.`, code: 'request_too_large' },
        operation,
      );
    const missing = missingCredential(operation, model.client.auth, req, url);
    if (missing !== undefined) return fail({ status: 401, message: missing, code: 'invalid_api_key' }, operation);
    const request = await readRequest(route, path, url, req, body, lookup);
    if ('problems' in request) return invalid(request.problems, operation);
    const streaming = route.operation.streaming;
    const wantsStream =
      streaming?.mode === 'always' ||
      (streaming?.mode === 'flag' && isItem(request.body) && request.body['stream'] === true);
    if (streaming !== undefined && wantsStream)
      return { status: 200, events: streamEvents(route.operation, streaming.events, request, lookup) };
    return answer(route, request, url);
  }

  function answer(route: Route, request: ParsedRequest, url: URL): Reply {
    const { operation, role } = route;
    const concrete = (collection: Collection): string => fillTemplate(collection.template, request.path);
    switch (role.kind) {
      case 'list': {
        const scheme = operation.pagination?.pageClass.scheme;
        const items = filterItems(
          store.items(role.collection, concrete(role.collection), request.path),
          operation,
          request.query,
          scheme,
        );
        const ordered = request.query['order'] === 'desc' ? [...items].reverse() : items;
        if (scheme === undefined)
          return ok(operation, listEnvelope(operation, ordered, {}, undefined, request, lookup));
        const page = pageOf(ordered, {
          operation,
          scheme,
          query: request.query,
          url,
          idField: role.collection.idField,
          lookup,
        });
        if ('where' in page) return invalid([page], operation);
        const envelope = listEnvelope(operation, page.items, page.fields, page.facts, request, lookup, scheme.items);
        const reply = ok(operation, envelope);
        return page.headers === undefined ? reply : { ...reply, headers: { ...reply.headers, ...page.headers } };
      }
      case 'create': {
        const { collection } = role;
        const path = concrete(collection);
        const upload = [...request.files.values()][0];
        const sent = {
          ...(upload === undefined ? {} : uploadFacts(upload)),
          ...(isItem(request.body) ? request.body : {}),
        };
        const item = store.create(collection, path, request.path, (fresh) =>
          createdItem(fresh, sent, collection.itemType, lookup, collection.idField),
        );
        if (upload !== undefined && collection.idField !== undefined)
          store.keepFile(`${path}/${String(item[collection.idField])}`, upload);
        return ok(operation, itemResponse(operation, collection, item, request, lookup));
      }
      case 'retrieve':
      case 'update':
      case 'delete':
      case 'member': {
        const { collection } = role;
        const path = concrete(collection);
        const id = String(request.path[role.idParam]);
        const item = store.find(collection, path, request.path, id);
        if (item === undefined) {
          const message = `No item with ${collection.idField ?? role.idParam} ${JSON.stringify(id)} in ${path}.`;
          return fail({ status: 404, message, code: 'not_found', param: role.idParam }, operation);
        }
        if (role.kind === 'member') return onItem(route, role.action, collection, item, `${path}/${id}`, request);
        if (role.kind === 'update' && isItem(request.body))
          copyFitting(item, request.body, collection.itemType, lookup, [collection.idField]);
        if (role.kind === 'delete') {
          store.remove(role.collection, path, request.path, item);
          return ok(operation, deletedResponse(operation, role.collection, item, request, lookup));
        }
        return ok(operation, itemResponse(operation, role.collection, item, request, lookup));
      }
      case 'other':
        return ok(operation, operation.response.example?.value ?? made(operation, request, lookup, 'response'));
      default:
        return assertNever(role);
    }
  }

  /**
   * A call below one item: a download answers the file uploaded with it; an action that answers
   * the item applies what it was sent and moves its status as its name says (`close` → `closed`).
   */
  function onItem(
    route: Route,
    action: string,
    collection: Collection,
    item: Item,
    itemPath: string,
    request: ParsedRequest,
  ): Reply {
    const { operation } = route;
    const { response } = operation;
    if (response.format === 'binary' || response.format === 'text') {
      const file = store.fileOf(itemPath);
      if (file === undefined) return ok(operation, made(operation, request, lookup, 'response'));
      return {
        status: response.status,
        body: file.bytes,
        contentType: file.type || response.contentType || 'application/octet-stream',
      };
    }
    const answersItem = response.type !== undefined && sameType(response.type, collection.itemType);
    if (operation.method !== 'get' && answersItem) {
      if (isItem(request.body)) copyFitting(item, request.body, collection.itemType, lookup, [collection.idField]);
      const status = statusAfter(action, collection.itemType, lookup);
      if (status !== undefined) item[status.field] = status.value;
    }
    return ok(operation, itemResponse(operation, collection, item, request, lookup));
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    baseURL: `http://${host}:${address.port}${prefix}`,
    ...(tokens[0] === undefined ? {} : { tokenURL: `http://${host}:${address.port}${tokens[0]}` }),
    port: address.port,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error === undefined ? resolvePromise() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

/** The body, up to the limit, and its whole size: past the limit the rest is read and dropped, so the client still gets its 413. */
function readBody(req: IncomingMessage): Promise<{ readonly body: Buffer; readonly size: number }> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolvePromise({ body: Buffer.concat(chunks), size }));
    req.on('error', reject);
  });
}

function ok(operation: OperationModel, body: unknown): Reply {
  const { response } = operation;
  if (response.type === undefined || body === undefined) return { status: response.status };
  return { status: response.status, body, contentType: response.contentType };
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
