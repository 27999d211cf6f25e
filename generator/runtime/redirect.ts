import { type CredentialPlaces, type FetchInit, isRedirect, requestInit } from './request-hop.js';
import type { Fetch } from './types.js';

export { ALWAYS_SECRET, type CredentialPlaces, type FetchInit } from './request-hop.js';

/**
 * fetch, following redirects by hand instead of letting fetch follow them: fetch sends every
 * header but `Authorization` (an `X-API-Key`, a cookie, a key in the query) and a 307/308's body
 * to whatever origin the server names. Here a redirect on the request's own origin is followed
 * as fetch would; one to another origin is followed without any credential (headers and query
 * parameters), and one that would re-send a body to another origin is refused. The request is
 * sent with `redirect: 'manual'`, so nothing is followed before core/follow-redirects, which
 * holds those rules, has loaded: most requests are never redirected, and their bundles load it
 * on first use.
 */
export async function fetchFollowingRedirects(
  fetch: Fetch,
  url: string,
  init: FetchInit,
  credentials: CredentialPlaces,
): Promise<Response> {
  const response = await fetch(url, requestInit(init.method, init.headers, init.body, init));
  if (response.type !== 'opaqueredirect' && !isRedirect(response.status)) return response;
  const { followRedirects } = await import('./follow-redirects.js');
  return followRedirects(fetch, url, init, credentials, response);
}
