import { SDKError } from './errors.js';
import { ALWAYS_SECRET, type CredentialPlaces, type FetchInit, isRedirect, requestInit } from './request-hop.js';
import type { Fetch } from './types.js';

/** As many redirects as fetch itself follows. */
const MAX_REDIRECTS = 20;

/** Headers that describe a body, dropped with it when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/**
 * The rest of core/redirect's fetchFollowingRedirects, from the first answer (`first`, to
 * `url`), when it is a redirect: loaded on first use.
 */
export async function followRedirects(
  fetch: Fetch,
  url: string,
  init: FetchInit,
  credentials: CredentialPlaces,
  first: Response,
): Promise<Response> {
  // Parsed only when a redirect comes: most requests have none.
  let origin: string | undefined;
  let current = url;
  let { method, headers, body } = init;
  let stripped = false;
  for (let hops = 0; ; hops++) {
    const response = hops === 0 ? first : await fetch(current, requestInit(method, headers, body, init));
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
