/**
 * `createClient`, openapi-fetch 0.17's client: `client.GET('/path', { params, body })` resolves
 * to `{ data, error, response }`, with the same serializers and middleware. The request goes
 * out through send.ts (sdkgen's runtime) instead of a bare `fetch()`.
 */
import { checkMiddleware, type HookContext, runOnError, runOnRequest, runOnResponse } from './middleware.js';
import { parseResponse } from './parse-response.js';
import type { MediaType } from './schema-types.js';
import { copyCustomMembers, loadExtras, type Sent, send } from './send.js';
import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  mergeHeaders,
  removeTrailingSlash,
} from './serialize.js';
import type {
  BodySerializer,
  Client,
  ClientOptions,
  HeadersOptions,
  MergedOptions,
  Middleware,
  MiddlewareRequestParams,
  ParseAs,
  PathSerializer,
  QuerySerializer,
  QuerySerializerOptions,
} from './types.js';

type AnySerializer = QuerySerializer<unknown> | QuerySerializerOptions | undefined;
type Params = { query?: Record<string, unknown>; path?: Record<string, unknown>; header?: HeadersOptions } & Record<
  string,
  unknown
>;

/** A call's options as the core reads them: openapi-fetch's, sdkgen's, and any RequestInit member. */
interface CallOptions extends Record<string, unknown> {
  method: string;
}

/** A cheap random id for a call's middleware (not a secret). */
function randomID(): string {
  return Math.random().toString(36).slice(2, 11);
}

/** Whether fetch takes openapi-fetch's `requestInitExt` (undici's options) as its second argument. */
function supportsRequestInitExt(): boolean {
  const node = (globalThis as { process?: { versions?: { node?: string; undici?: string } } }).process?.versions;
  return node?.node !== undefined && Number.parseInt(node.node, 10) >= 18 && node.undici !== undefined;
}

/**
 * Whether fetch hands back redirects for the runtime to follow (`redirect: 'manual'`): on
 * servers (Node, Deno, Bun). A browser's answer to `manual` is opaque, so there the browser
 * follows them, under its own rules for credentials.
 */
function fetchShowsRedirects(): boolean {
  return (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== undefined;
}

function checkCount(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new TypeError(`\`${name}\` must be a whole number ≥ 0, got ${String(value)}.`);
  return value;
}

function checkTimeout(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw new TypeError(`\`timeout\` must be a positive number of milliseconds, got ${String(value)}.`);
  return value;
}

/** The call's query serializer: its own, else the client's, object forms merged. */
function querySerializerOf(global: AnySerializer, local: AnySerializer): QuerySerializer<unknown> {
  if (local === undefined) return typeof global === 'function' ? global : createQuerySerializer(global);
  if (typeof local === 'function') return local;
  return createQuerySerializer({ ...(typeof global === 'object' ? global : {}), ...local });
}

export function createClient<Paths extends {}, Media extends MediaType = MediaType>(
  clientOptions?: ClientOptions,
): Client<Paths, Media> {
  const {
    baseUrl: givenBaseUrl = '',
    Request: ClientRequest = globalThis.Request,
    fetch: clientFetch = globalThis.fetch,
    querySerializer: globalQuerySerializer,
    bodySerializer: globalBodySerializer,
    pathSerializer: globalPathSerializer,
    headers: baseHeaders,
    requestInitExt: givenInitExt,
    maxRetries: clientMaxRetries,
    timeout: clientTimeout,
    ...baseOptions
  } = { ...clientOptions };
  const requestInitExt = supportsRequestInitExt() ? givenInitExt : undefined;
  const baseUrl = removeTrailingSlash(givenBaseUrl);
  const maxRetries = checkCount('maxRetries', clientMaxRetries) ?? 0;
  const timeout = checkTimeout(clientTimeout);
  const globalMiddleware: Middleware[] = [];

  async function coreFetch(schemaPath: string, callOptions: CallOptions): Promise<unknown> {
    const {
      baseUrl: localBaseUrl,
      fetch = clientFetch,
      Request = ClientRequest,
      headers,
      params = {},
      parseAs = 'json',
      querySerializer: localQuerySerializer,
      bodySerializer = globalBodySerializer ?? defaultBodySerializer,
      pathSerializer: localPathSerializer,
      body,
      middleware: callMiddleware = [],
      maxRetries: callMaxRetries,
      timeout: callTimeout,
      ...init
    } = callOptions as CallOptions & {
      baseUrl?: string;
      fetch?: ClientOptions['fetch'];
      Request?: typeof globalThis.Request;
      headers?: HeadersOptions;
      params?: Params;
      parseAs?: ParseAs;
      querySerializer?: AnySerializer;
      bodySerializer?: BodySerializer<unknown>;
      pathSerializer?: PathSerializer;
      body?: unknown;
      middleware?: Middleware[];
      maxRetries?: number;
      timeout?: number;
    };
    const finalBaseUrl = localBaseUrl ? removeTrailingSlash(localBaseUrl) : baseUrl;
    const querySerializer = querySerializerOf(globalQuerySerializer, localQuerySerializer);
    const pathSerializer = localPathSerializer ?? globalPathSerializer ?? defaultPathSerializer;
    // The serializer sees every header the caller set; its result then sets the lowest-priority Content-Type.
    const serializedBody =
      body === undefined
        ? undefined
        : (bodySerializer as (body: unknown, headers: Headers) => unknown)(
            body,
            mergeHeaders(baseHeaders, headers, params.header),
          );
    const finalHeaders = mergeHeaders(
      serializedBody === undefined || serializedBody instanceof FormData ? {} : { 'Content-Type': 'application/json' },
      baseHeaders,
      headers,
      params.header,
    );
    const middleware = [...globalMiddleware, ...callMiddleware];
    // Left unset, redirects are the runtime's to follow (credentials stay behind on another origin).
    const followRedirects =
      fetchShowsRedirects() && baseOptions.redirect === undefined && init['redirect'] === undefined;
    const requestInit = {
      redirect: followRedirects ? 'manual' : 'follow',
      ...baseOptions,
      ...init,
      body: serializedBody,
      headers: finalHeaders,
    } as RequestInit;
    let request = new Request(
      createFinalURL(schemaPath, { baseUrl: finalBaseUrl, params, querySerializer, pathSerializer }),
      requestInit,
    );
    // Options a Request does not know stay readable on it, for a custom fetch.
    copyCustomMembers(init, request);

    let context: HookContext | undefined;
    let response: Response | undefined;
    let sent: Sent | undefined;
    if (middleware.length > 0) {
      const options: MergedOptions = Object.freeze({
        baseUrl: finalBaseUrl,
        fetch: fetch as MergedOptions['fetch'],
        parseAs,
        querySerializer,
        bodySerializer: bodySerializer as BodySerializer<unknown>,
        pathSerializer,
      });
      context = { schemaPath, params: params as MiddlewareRequestParams, options, id: randomID() };
      ({ request, response } = await runOnRequest(middleware, request, context));
    }
    if (response === undefined) {
      try {
        sent = await send(request, {
          fetch: fetch as (input: Request, init?: Record<string, unknown>) => Promise<Response>,
          requestInitExt,
          Request,
          maxRetries: checkCount('maxRetries', callMaxRetries) ?? maxRetries,
          timeout: checkTimeout(callTimeout) ?? timeout,
          followRedirects,
        });
        response = sent.response;
      } catch (error) {
        if (context === undefined) throw error;
        const handled = await runOnError(middleware, request, error, context);
        if ('error' in handled) throw handled.error;
        response = handled.response;
      }
      if (context !== undefined) response = await runOnResponse(middleware, request, response, context);
    }
    try {
      const outcome = await parseResponse(response, request.method, parseAs);
      if (!('error' in outcome) || outcome.error === undefined) return outcome;
      return { error: (await loadExtras()).maskErrorBody(outcome.error, request.headers), response };
    } catch (error) {
      throw sent === undefined ? error : await sent.bodyFailure(error);
    } finally {
      sent?.settle();
    }
  }

  const call =
    (method: string) =>
    (url: string, init?: Record<string, unknown>): Promise<unknown> =>
      coreFetch(url, { ...init, method });

  const client = {
    request: (method: string, url: string, init?: Record<string, unknown>) =>
      coreFetch(url, { ...init, method: method.toUpperCase() }),
    GET: call('GET'),
    PUT: call('PUT'),
    POST: call('POST'),
    DELETE: call('DELETE'),
    OPTIONS: call('OPTIONS'),
    HEAD: call('HEAD'),
    PATCH: call('PATCH'),
    TRACE: call('TRACE'),
    use(...added: Middleware[]): void {
      for (const m of added) if (checkMiddleware(m)) globalMiddleware.push(m);
    },
    eject(...removed: Middleware[]): void {
      for (const m of removed) {
        const at = globalMiddleware.indexOf(m);
        if (at !== -1) globalMiddleware.splice(at, 1);
      }
    },
  };
  return client as unknown as Client<Paths, Media>;
}
