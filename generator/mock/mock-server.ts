import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { allOperations } from '../model/collections.js';
import type { ApiModel, NamedSchema, OperationModel } from '../model/model.js';
import { serverPath } from '../model/route.js';
import type { Problem } from '../values/validate-value.js';
import { isItem, streamEvents } from './answers.js';
import { badRequestStatus, ErrorBodies, type Failure } from './error-bodies.js';
import type { SchemaLookup } from './fake-data.js';
import { type LeftOutRoute, leftOutMessage, leftOutRoutes } from './left-out-routes.js';
import { missingCredential, readRequest } from './read-request.js';
import { type Reply, send } from './reply.js';
import { answerRoute } from './route-answers.js';
import { buildRoutes, type Route } from './routes.js';
import { MockStore } from './store.js';
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
  /**
   * Serves another version of the spec from now on, on the same port: the items of the lists
   * whose routes remain are kept, the others dropped (`sdkgen mock --watch`).
   */
  reload(model: ApiModel): { readonly kept: number; readonly dropped: number };
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_ITEMS = 45;

/** What the mock knows of one version of the spec. */
interface Api {
  readonly model: ApiModel;
  readonly lookup: SchemaLookup;
  readonly routes: readonly Route[];
  readonly errors: ErrorBodies;
  readonly prefix: string;
  readonly tokens: readonly string[];
  /** Routes `--include` / `--exclude` left out: each answers a 404 that says so. */
  readonly leftOut: readonly LeftOutRoute[];
}

function apiOf(model: ApiModel): Api {
  const schemas = new Map<string, NamedSchema>(model.schemas.map((s) => [s.name, s]));
  const lookup: SchemaLookup = (name) => schemas.get(name);
  return {
    model,
    lookup,
    routes: buildRoutes(model, lookup),
    errors: new ErrorBodies(allOperations(model.root), lookup),
    prefix: serverPath(model.client.baseURL),
    tokens: tokenPaths(model),
    leftOut: leftOutRoutes(model),
  };
}

/**
 * A stateful mock of the API a model describes, on 127.0.0.1 by default: every operation
 * answers under the spec's server path (`/v1`), requests are checked against the spec
 * (400, or the 422 an operation declares, says what is wrong), lists page the way the spec's
 * pagination says, and what is created, changed or deleted stays so for the server's life,
 * whatever envelope the API wraps its items in. The data set is made from the schemas and
 * examples, the same on every run. No request makes it stop or lose an item.
 */
export async function startMockServer(model: ApiModel, options: MockServerOptions = {}): Promise<MockServer> {
  let api = apiOf(model);
  const store = new MockStore(api.lookup, options.items ?? DEFAULT_ITEMS);
  let requests = 0;
  let issued = 0;

  const server = createServer((req, res) => {
    const id = `req_mock_${String(++requests).padStart(6, '0')}`;
    // The version of the spec the request started under, even if it is reloaded meanwhile.
    const current = api;
    /** A failure as an error reply, its body in the shape the spec declares, its request id the header's. */
    const fail = (failure: Omit<Failure, 'requestId'>, operation?: OperationModel, headers?: Record<string, string>) =>
      failReply(current, { ...failure, requestId: id }, operation, headers);
    void handle(current, req, fail)
      .catch(
        (error: unknown): Reply =>
          fail({ status: 500, message: `The mock failed: ${(error as Error).message}`, code: 'server_error' }),
      )
      .then((reply) => {
        sendSafely(res, reply, id);
        options.log?.(`${req.method ?? ''} ${req.url ?? ''} → ${reply.status}`);
      })
      .catch(() => res.destroy());
  });
  type Fail = (
    failure: Omit<Failure, 'requestId'>,
    operation?: OperationModel,
    headers?: Record<string, string>,
  ) => Reply;

  async function handle(current: Api, req: IncomingMessage, fail: Fail): Promise<Reply> {
    if (req.method === 'OPTIONS') return { status: 204 };
    const url = requestURL(req, address);
    const { prefix, routes, tokens } = current;
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
    const leftOut = leftOutMessage(current.leftOut, method, path, route?.operation.path);
    if (leftOut !== undefined) return fail({ status: 404, message: leftOut, code: 'not_found' });
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
    const missing = missingCredential(operation, current.model.client.auth, req, url);
    if (missing !== undefined) return fail({ status: 401, message: missing, code: 'invalid_api_key' }, operation);
    const invalid = (problems: readonly Problem[], on: OperationModel): Reply => {
      const first = problems[0] as Problem;
      const message = problems.map((p) => `${p.where} ${p.message}`).join('; ');
      const param = first.where.replace(/^[a-z]+\./, '');
      const status = badRequestStatus(on);
      return fail({ status, message: `Invalid request: ${message}.`, code: 'invalid_request', param, problems }, on);
    };
    const request = await readRequest(route, path, url, req, body, current.lookup);
    if ('problems' in request) return invalid(request.problems, operation);
    const streaming = route.operation.streaming;
    const wantsStream =
      streaming?.mode === 'always' ||
      (streaming?.mode === 'flag' && isItem(request.body) && request.body['stream'] === true);
    if (streaming !== undefined && wantsStream)
      return { status: 200, events: streamEvents(route.operation, streaming.events, request, current.lookup) };
    return answerRoute({ store, lookup: current.lookup, fail, invalid }, route, request, url);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  return {
    get baseURL() {
      return `${origin}${api.prefix}`;
    },
    get tokenURL() {
      return api.tokens[0] === undefined ? undefined : `${origin}${api.tokens[0]}`;
    },
    port: address.port,
    reload(next: ApiModel) {
      api = apiOf(next);
      const templates = new Set(
        api.routes.flatMap((route) => ('collection' in route.role ? [route.role.collection.template] : [])),
      );
      return store.retain(templates, api.lookup);
    },
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error === undefined ? resolvePromise() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

function failReply(api: Api, failure: Failure, operation?: OperationModel, headers?: Record<string, string>): Reply {
  return {
    status: failure.status,
    body: api.errors.body(failure, operation),
    ...(headers === undefined ? {} : { headers }),
  };
}

/**
 * The URL asked for. The `Host` header makes the absolute URLs of next pages; one that is no host
 * (`Host: [`) is not trusted, and the server's own address is used instead.
 */
function requestURL(req: IncomingMessage, address: AddressInfo): URL {
  const own = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  let base: URL;
  try {
    base = new URL(`http://${req.headers.host ?? ''}`);
  } catch {
    base = new URL(own);
  }
  try {
    const url = new URL(req.url ?? '/', base);
    // An absolute-form target (`GET http://elsewhere/x`) is read for its path and query only.
    return url.origin === base.origin ? url : new URL(`${url.pathname}${url.search}`, base);
  } catch {
    return new URL('/', own);
  }
}

/** Sends the reply; one that cannot be written (a value too deep to serialize) becomes a 500, never a crash. */
function sendSafely(res: ServerResponse, reply: Reply, requestId: string): void {
  try {
    send(res, reply, requestId);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const message = `The mock could not write its answer: ${(error as Error).message}`;
    send(res, { status: 500, body: { error: { message, type: 'server_error', code: 'server_error' } } }, requestId);
  }
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
    // A client gone before the end of its body: nothing waits for the rest, nothing holds what came.
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client went away before the end of its body'));
    });
  });
}
