import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { credentialPlacement } from '../model/client.js';
import type { ApiModel, AuthModel, EventStreamModel, NamedSchema, OperationModel } from '../model/model.js';
import { objectProperties, resolveType } from '../model/type-queries.js';
import { type Problem, validateValue } from '../values/validate-value.js';
import { fakeValue, type SchemaLookup } from './fake-data.js';
import { filterItems } from './filter.js';
import { pageOf } from './paginate.js';
import { coerce, readQueryParam } from './params.js';
import { buildRoutes, type Collection, type Route } from './routes.js';
import { type Item, MockStore } from './store.js';

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
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_ITEMS = 45;

/** A response before it is written. */
interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** Server-sent events to write one by one (each event's data), then the terminator. */
  readonly events?: { readonly data: readonly string[]; readonly terminator: string } | undefined;
  /** `application/json` unless said. */
  readonly contentType?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

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
  const prefix = serverPath(model.client.baseURL);
  let requests = 0;

  const server = createServer((req, res) => {
    const id = `req_mock_${String(++requests).padStart(6, '0')}`;
    void handle(req)
      .catch(
        (error: unknown): Reply => ({
          status: 500,
          body: errorBody(`The mock failed: ${(error as Error).message}`, 'server_error'),
        }),
      )
      .then((reply) => {
        send(res, reply, id);
        options.log?.(`${req.method ?? ''} ${req.url ?? ''} → ${reply.status}`);
      });
  });

  async function handle(req: IncomingMessage): Promise<Reply> {
    if (req.method === 'OPTIONS') return { status: 204 };
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    if (!url.pathname.startsWith(`${prefix}/`) && url.pathname !== prefix) {
      return {
        status: 404,
        body: errorBody(
          `No such route: ${url.pathname}. This API is served under ${prefix === '' ? '/' : prefix}.`,
          'not_found',
        ),
      };
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
      if (matching.length === 0) return { status: 404, body: errorBody(`No operation at ${path}.`, 'not_found') };
      const allowed = [...new Set(matching.map((r) => r.operation.method.toUpperCase()))].join(', ');
      return {
        status: 405,
        body: errorBody(`${method.toUpperCase()} is not allowed on ${path}; use ${allowed}.`, 'method_not_allowed'),
        headers: { allow: allowed },
      };
    }
    const { body, size } = await readBody(req);
    if (size > MAX_BODY_BYTES)
      return { status: 413, body: errorBody(`The request body is over ${MAX_BODY_BYTES} bytes.`, 'request_too_large') };
    const missing = missingCredential(route.operation, model.client.auth, req, url);
    if (missing !== undefined) return { status: 401, body: errorBody(missing, 'invalid_api_key') };
    const request = readRequest(route, path, url, req, body, lookup);
    if ('problems' in request) return invalid(request.problems);
    const formProblems = await multipartProblems(route.operation, req, body, lookup);
    if (formProblems.length > 0) return invalid(formProblems);
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
        if (scheme === undefined) return ok(operation, listEnvelope(operation, ordered, {}, request, lookup));
        const page = pageOf(ordered, {
          operation,
          scheme,
          query: request.query,
          url,
          idField: role.collection.idField,
        });
        if ('where' in page) return invalid([page]);
        const reply = ok(operation, listEnvelope(operation, page.items, page.fields, request, lookup, scheme.items));
        return page.headers === undefined ? reply : { ...reply, headers: { ...reply.headers, ...page.headers } };
      }
      case 'create': {
        const fields = isItem(request.body) ? request.body : {};
        const item = store.create(role.collection, concrete(role.collection), request.path, fields);
        return ok(operation, itemResponse(operation, role.collection, item, request, lookup));
      }
      case 'retrieve':
      case 'update':
      case 'delete': {
        const path = concrete(role.collection);
        const id = String(request.path[role.idParam]);
        const item = store.find(role.collection, path, request.path, id);
        if (item === undefined) {
          return {
            status: 404,
            body: errorBody(
              `No item with ${role.collection.idField ?? role.idParam} ${JSON.stringify(id)} in ${path}.`,
              'not_found',
              role.idParam,
            ),
          };
        }
        if (role.kind === 'update' && isItem(request.body)) {
          for (const [key, value] of Object.entries(request.body))
            if (key !== role.collection.idField) item[key] = value;
        }
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

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    baseURL: `http://${host}:${address.port}${prefix}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.close((error) => (error === undefined ? resolvePromise() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

interface ParsedRequest {
  readonly path: Readonly<Record<string, unknown>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
}

/** The request's parameters and body, typed and checked against the operation. */
function readRequest(
  route: Route,
  path: string,
  url: URL,
  req: IncomingMessage,
  raw: Buffer,
  lookup: SchemaLookup,
): ParsedRequest | { problems: Problem[] } {
  const { operation } = route;
  const problems: Problem[] = [];
  const captured = route.pattern.exec(path)?.slice(1) ?? [];
  const pathValues: Record<string, unknown> = {};
  route.params.forEach((name, i) => {
    const param = operation.pathParams.find((p) => p.name === name);
    const text = safeDecode(captured[i] ?? '');
    pathValues[name] = param === undefined ? text : coerce(text, param.type, lookup);
    if (param !== undefined)
      problems.push(...validateValue(pathValues[name], param.type, param.docs, lookup, `path.${name}`));
  });
  const query: Record<string, unknown> = {};
  for (const param of operation.queryParams) {
    const value = readQueryParam(param, url.searchParams, lookup);
    if (value === undefined) {
      if (param.required) problems.push({ where: `query.${param.name}`, message: 'is required' });
      continue;
    }
    query[param.name] = value;
    problems.push(...validateValue(value, param.type, param.docs, lookup, `query.${param.name}`));
  }
  for (const param of operation.headerParams) {
    const header = req.headers[param.name.toLowerCase()];
    const text = Array.isArray(header) ? header.join(', ') : header;
    if (text === undefined) {
      if (param.required) problems.push({ where: `header.${param.name}`, message: 'is required' });
      continue;
    }
    problems.push(
      ...validateValue(coerce(text, param.type, lookup), param.type, param.docs, lookup, `header.${param.name}`),
    );
  }
  const body = readRequestBody(operation, req, raw, lookup, problems);
  return problems.length > 0 ? { problems } : { path: pathValues, query, body };
}

function readRequestBody(
  operation: OperationModel,
  req: IncomingMessage,
  raw: Buffer,
  lookup: SchemaLookup,
  problems: Problem[],
): unknown {
  const spec = operation.body;
  if (spec === undefined) return undefined;
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  // An empty form is a body: `{}` sent as a form has no bytes, but says its content type.
  if (raw.length === 0 && !(contentType === 'application/x-www-form-urlencoded' && contentType === spec.contentType)) {
    if (spec.required) problems.push({ where: 'body', message: 'is required' });
    return undefined;
  }
  const expected = spec.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (expected === 'application/json' || expected.endsWith('+json')) {
    if (contentType !== '' && contentType !== expected && !contentType.endsWith('+json')) {
      problems.push({ where: 'header.content-type', message: `must be ${expected}, got ${contentType}` });
      return undefined;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch (error) {
      problems.push({ where: 'body', message: `is not valid JSON: ${(error as Error).message}` });
      return undefined;
    }
    problems.push(...validateValue(body, spec.type, undefined, lookup, 'body'));
    return body;
  }
  if (expected === 'application/x-www-form-urlencoded')
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  // Multipart and binary bodies are taken as sent: the mock checks their presence only.
  return undefined;
}

/** A multipart body's problems: unreadable, a required part missing, or a file part sent as text. */
async function multipartProblems(
  operation: OperationModel,
  req: IncomingMessage,
  raw: Buffer,
  lookup: SchemaLookup,
): Promise<Problem[]> {
  const spec = operation.body;
  if (spec === undefined || raw.length === 0 || !/^multipart\/form-data/i.test(spec.contentType)) return [];
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': req.headers['content-type'] ?? '' },
    }).formData();
  } catch (error) {
    return [{ where: 'body', message: `is not a multipart form: ${(error as Error).message}` }];
  }
  const problems: Problem[] = [];
  for (const property of objectProperties(spec.type, lookup)) {
    const parts = form.getAll(property.name);
    const where = `body.${property.name}`;
    if (parts.length === 0) {
      if (property.required) problems.push({ where, message: 'is required' });
      continue;
    }
    const file = property.type.kind === 'primitive' && property.type.name === 'Blob';
    if (file && parts.some((part) => typeof part === 'string'))
      problems.push({ where, message: 'must be a file part (with a filename), got a text field' });
  }
  return problems;
}

/** Whether the request carries a credential one of the operation's schemes accepts; else why not. */
function missingCredential(
  operation: OperationModel,
  auth: readonly AuthModel[],
  req: IncomingMessage,
  url: URL,
): string | undefined {
  const schemes = auth.filter((a) => operation.auth.includes(a.runtime.option));
  if (schemes.length === 0) return undefined;
  const present = schemes.some(({ runtime }) => {
    switch (runtime.type) {
      case 'bearer':
      case 'oauth2':
        return /^Bearer\s+\S/i.test(req.headers.authorization ?? '');
      case 'header':
        return (req.headers[runtime.name.toLowerCase()] ?? '') !== '';
      case 'query':
        return (url.searchParams.get(runtime.name) ?? '') !== '';
      case 'basic':
        return /^Basic\s+\S/i.test(req.headers.authorization ?? '');
      case 'cookie':
        return (req.headers.cookie ?? '').split(';').some((c) => c.trim().startsWith(`${runtime.name}=`));
      default:
        return assertNever(runtime);
    }
  });
  if (present) return undefined;
  const how = schemes.map(({ runtime }) => credentialPlacement(runtime));
  return `No credential: send ${how.join(' or ')}. The mock accepts any non-empty key.`;
}

/** The list response: made from its schema, with the page's items and the scheme's fields. */
function listEnvelope(
  operation: OperationModel,
  items: readonly Item[],
  fields: Readonly<Record<string, unknown>>,
  request: ParsedRequest,
  lookup: SchemaLookup,
  itemsField = 'data',
): unknown {
  const type = operation.response.type === undefined ? undefined : resolveType(operation.response.type, lookup);
  if (type?.kind === 'array') return items;
  const envelope = made(operation, request, lookup, 'envelope') as Record<string, unknown>;
  const out: Record<string, unknown> = { ...(isItem(envelope) ? envelope : {}), [itemsField]: items, ...fields };
  // `first_id` / `last_id`, whatever the scheme: many list envelopes carry both.
  const idField = Object.keys(items[0] ?? {}).includes('id') ? 'id' : undefined;
  if (idField !== undefined) {
    if ('first_id' in out && !('first_id' in fields)) out['first_id'] = items[0]?.[idField] ?? null;
    if ('last_id' in out && !('last_id' in fields)) out['last_id'] = items.at(-1)?.[idField] ?? null;
  }
  return out;
}

/** What a create, retrieve or update answers: the item, when the response is the item's type. */
function itemResponse(
  operation: OperationModel,
  collection: Collection,
  item: Item,
  request: ParsedRequest,
  lookup: SchemaLookup,
): unknown {
  const response = operation.response.type;
  if (response === undefined) return undefined;
  if (sameType(response, collection.itemType)) return item;
  const value = made(operation, request, lookup, 'item');
  if (!isItem(value)) return value;
  // Another shape (an envelope, a receipt): the item's fields it shares are the item's.
  for (const key of Object.keys(value)) if (Object.hasOwn(item, key)) value[key] = item[key];
  return value;
}

/** A delete's answer: its schema, naming the deleted item (`{ id, object, deleted: true }`). */
function deletedResponse(
  operation: OperationModel,
  collection: Collection,
  item: Item,
  request: ParsedRequest,
  lookup: SchemaLookup,
): unknown {
  const value = made(operation, request, lookup, 'deleted');
  if (!isItem(value)) return value;
  for (const key of ['id', collection.idField ?? 'id', 'object'])
    if (key in value && Object.hasOwn(item, key)) value[key] = item[key];
  if (collection.idField !== undefined && 'id' in value && !Object.hasOwn(item, 'id'))
    value['id'] = item[collection.idField];
  if ('deleted' in value) value['deleted'] = true;
  return value;
}

/** The operation's response made from its schema, path parameters filled in. */
/** How many events a mocked stream sends before its terminator. */
const STREAM_EVENTS = 5;

/** A handful of events whose data the stream's schema accepts, the same on every run. */
function streamEvents(
  operation: OperationModel,
  events: EventStreamModel,
  request: ParsedRequest,
  lookup: SchemaLookup,
): { data: string[]; terminator: string } {
  const data = Array.from({ length: STREAM_EVENTS }, (_, i) => {
    const value = fakeValue(events.item, {
      lookup,
      seed: `${operation.method} ${fillTemplate(operation.path, request.path)} event ${i}`,
      known: request.path,
    });
    return events.text && typeof value === 'string' ? value : JSON.stringify(value);
  });
  return { data, terminator: events.terminator };
}

function made(operation: OperationModel, request: ParsedRequest, lookup: SchemaLookup, salt: string): unknown {
  const { type, format } = operation.response;
  if (type === undefined) return undefined;
  if (format === 'binary') return Buffer.from(`mock file for ${operation.operationId}\n`);
  if (format === 'text') return `mock text for ${operation.operationId}\n`;
  return fakeValue(type, {
    lookup,
    seed: `${operation.method} ${fillTemplate(operation.path, request.path)} ${salt}`,
    known: request.path,
  });
}

function ok(operation: OperationModel, body: unknown): Reply {
  const { response } = operation;
  if (response.type === undefined || body === undefined) return { status: response.status };
  return { status: response.status, body, contentType: response.contentType };
}

function invalid(problems: readonly Problem[]): Reply {
  const first = problems[0] as Problem;
  const message = problems.map((p) => `${p.where} ${p.message}`).join('; ');
  return {
    status: 400,
    body: {
      error: {
        message: `Invalid request: ${message}.`,
        type: 'invalid_request_error',
        param: first.where.replace(/^[a-z]+\./, ''),
        code: 'invalid_request',
        problems,
      },
    },
  };
}

function errorBody(message: string, code: string, param: string | null = null): unknown {
  return { error: { message, type: 'invalid_request_error', param, code } };
}

function send(res: ServerResponse, reply: Reply, requestId: string): void {
  const headers: Record<string, string> = {
    'x-request-id': requestId,
    // Browsers may call the mock from any page: it holds nothing secret.
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-expose-headers': 'x-request-id, link',
    ...reply.headers,
  };
  if (reply.events !== undefined) {
    sendEvents(res, reply.events, headers);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const contentType = reply.contentType ?? 'application/json';
  const isJSON = contentType === 'application/json' || contentType.endsWith('+json');
  const payload = Buffer.isBuffer(reply.body)
    ? reply.body
    : isJSON
      ? `${JSON.stringify(reply.body, null, 2)}\n`
      : String(reply.body);
  res
    .writeHead(reply.status, { ...headers, 'content-type': isJSON ? `${contentType}; charset=utf-8` : contentType })
    .end(payload);
}

/** Milliseconds between two events of a mocked stream: a steady pace, as a real one has. */
const STREAM_PACE_MS = 20;

/** Writes the events at a steady pace, then the terminator; stops if the client goes away. */
function sendEvents(res: ServerResponse, events: NonNullable<Reply['events']>, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  const write = (): void => {
    if (next < events.data.length) {
      // A `data` line per line of the value, as the event-stream format needs.
      res.write(
        `${(events.data[next] as string)
          .split(/\r\n|\r|\n/)
          .map((line) => `data: ${line}`)
          .join('\n')}\n\n`,
      );
      next += 1;
      timer = setTimeout(write, STREAM_PACE_MS);
      return;
    }
    res.end(`data: ${events.terminator}\n\n`);
  };
  res.on('close', () => clearTimeout(timer));
  write();
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

/** The path part of the spec's first server URL (`https://api.openai.com/v1` → `/v1`). */
function serverPath(baseURL: string): string {
  try {
    return new URL(baseURL, 'http://localhost').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function fillTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^{}]+)\}/g, (_m, name: string) => encodeURIComponent(String(values[name] ?? '')));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sameType(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
