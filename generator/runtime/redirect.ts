import { SDKError } from './errors.js';
import type { Fetch } from './types.js';

/** As many redirects as fetch itself follows. */
const MAX_REDIRECTS = 20;

/**
 * Headers that carry a credential whatever the API (fetch's list, and the API-key headers in
 * common use): never sent to another origin, whoever set them (a scheme, a hook, the caller).
 */
export const ALWAYS_SECRET: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
];

/** Headers that describe a body, dropped with it when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** Where a request's credentials are, so that a redirect to another origin can leave them behind. */
export interface CredentialPlaces {
  /** Lower-case names of the headers that hold a credential. */
  readonly headers: readonly string[];
  /** Names of the query parameters that hold a credential. */
  readonly query: readonly string[];
  /** The credentials this request carries: a header holding one, under any name, is left behind too. */
  readonly values?: readonly string[] | undefined;
}

export interface FetchInit {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: BodyInit | undefined;
  readonly duplex: 'half' | undefined;
  readonly signal: AbortSignal;
  /** More `RequestInit` members (`fetchOptions`), under the client's own: core/fetch-options' `extraFetchInit`. */
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * fetch, following redirects by hand instead of letting fetch follow them: fetch sends every
 * header but `Authorization` (an `X-API-Key`, a cookie, a key in the query) and a 307/308's body
 * to whatever origin the server names. Here a redirect on the request's own origin is followed
 * as fetch would; one to another origin is followed without any credential (headers and query
 * parameters), and one that would re-send a body to another origin is refused.
 */
export async function fetchFollowingRedirects(
  fetch: Fetch,
  url: string,
  init: FetchInit,
  credentials: CredentialPlaces,
): Promise<Response> {
  // Parsed only when a redirect comes: most requests have none.
  let origin: string | undefined;
  let current = url;
  let { method, headers, body } = init;
  let stripped = false;
  for (let hops = 0; ; hops++) {
    const response = await fetch(current, requestInit(method, headers, body, init));
    if (response.type === 'opaqueredirect') {
      throw new SDKError(
        `${method} ${withoutQuery(current)} was redirected, and this fetch hides where to: pass a \`fetch\` that returns redirects (Node's does) or use the final URL as \`baseURL\`.`,
      );
    }
    const location = isRedirect(response.status) ? response.headers.get('location') : null;
    if (location === null) return response;
    await response.body?.cancel().catch(() => {});
    if (hops >= MAX_REDIRECTS)
      throw new SDKError(`${method} ${withoutQuery(url)} was redirected more than ${MAX_REDIRECTS} times.`);
    origin ??= new URL(url).origin;
    const next = redirectTarget(location, current);
    if (changesToGet(response.status, method)) {
      method = 'GET';
      body = undefined;
      headers = without(headers, BODY_HEADERS);
    }
    if (body !== undefined && typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) {
      throw new SDKError(
        `${method} ${withoutQuery(current)} was redirected (${response.status}) to ${next.origin}${next.pathname}, and a streamed body cannot be sent twice.`,
      );
    }
    if (next.origin !== origin) {
      if (body !== undefined) {
        throw new SDKError(
          `${method} ${withoutQuery(current)} was redirected (${response.status}) to another origin, ${next.origin}; the client does not send a request body, nor any credential, to an origin other than ${origin}.`,
        );
      }
      if (!stripped) {
        headers = withoutCredentials(headers, credentials);
        stripped = true;
      }
      for (const name of credentials.query) next.searchParams.delete(name);
    }
    current = next.toString();
  }
}

function requestInit(
  method: string,
  headers: Record<string, string>,
  body: BodyInit | undefined,
  init: FetchInit,
): RequestInit & { duplex?: 'half' } {
  // A literal of one fixed shape, with only the members in use: fetch reads it member by member.
  const { signal, duplex, extra } = init;
  // The client's members come last: `fetchOptions` never replaces the signal nor `redirect: 'manual'`.
  if (extra !== undefined)
    return {
      ...extra,
      method,
      headers,
      signal,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
      ...(duplex === undefined ? {} : { duplex }),
    };
  if (body === undefined) return { method, headers, signal, redirect: 'manual' };
  return duplex === undefined
    ? { method, headers, body, signal, redirect: 'manual' }
    : { method, headers, body, duplex, signal, redirect: 'manual' };
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Fetch's rule: 301 and 302 turn a POST into a GET, 303 turns anything but GET and HEAD into one. */
function changesToGet(status: number, method: string): boolean {
  if (status === 303) return method !== 'GET' && method !== 'HEAD';
  return (status === 301 || status === 302) && method === 'POST';
}

function redirectTarget(location: string, current: string): URL {
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw new SDKError(`The server redirected ${withoutQuery(current)} to an invalid URL.`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:')
    throw new SDKError(
      `The server redirected ${withoutQuery(current)} to a ${next.protocol} URL; only http and https are followed.`,
    );
  return next;
}

/** The headers but those named (case-insensitively: a hook may write `X-API-Key`). */
function without(
  headers: Record<string, string>,
  names: readonly string[],
  alsoDrop: (value: string) => boolean = () => false,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!names.includes(name.toLowerCase()) && !alsoDrop(value))
      Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The headers but any that carries a credential: by its name, or by holding one of the request's credentials. */
function withoutCredentials(headers: Record<string, string>, credentials: CredentialPlaces): Record<string, string> {
  const values = (credentials.values ?? []).filter((value) => value.length > 0);
  return without(headers, [...ALWAYS_SECRET, ...credentials.headers], (value) =>
    values.some((secret) => value.includes(secret)),
  );
}

/** A URL for a message: without its query, which may hold a credential. */
function withoutQuery(url: string): string {
  const at = url.search(/[?#]/);
  return at === -1 ? url : url.slice(0, at);
}
