/** One hop of a request: sent with `redirect: 'manual'`, so that no redirect is followed but by core/follow-redirects' rules. */

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

export function requestInit(
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

export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
