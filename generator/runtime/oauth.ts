import { resolveCredential } from './credentials.js';
import { connectionMessage, SDKError, TokenRequestError } from './errors.js';
import { readText } from './read-body.js';
import { base64 } from './redact.js';
import { retryDelayMs, shouldRetryResponse } from './retry.js';
import type { AuthScheme, ClientCredentialsGrant, GrantSetup, TokenSource } from './types.js';

/** A token is renewed this long before the server says it expires: a request sent just before must still pass. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * The access token of an OAuth2 client-credentials grant: fetched when first needed, kept until
 * shortly before `expires_in` runs out, fetched once for any number of requests waiting on it, and
 * dropped when the API refuses it (a 401), so that the next request fetches a new one.
 */
export class ClientCredentialsToken implements TokenSource {
  readonly #grant: ClientCredentialsGrant;
  #token: { readonly value: string; readonly expires: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(grant: ClientCredentialsGrant) {
    this.#grant = grant;
  }

  /** A token that is still good: the one held, or the one being fetched, or a new one. */
  get(): Promise<string> {
    const now = (this.#grant.now ?? Date.now)();
    if (this.#token !== undefined && now < this.#token.expires) return Promise.resolve(this.#token.value);
    if (this.#pending === undefined) {
      const pending = this.#fetchToken().finally(() => {
        if (this.#pending === pending) this.#pending = undefined;
      });
      this.#pending = pending;
    }
    return this.#pending;
  }

  /** Forgets `token`, which the API refused; a newer one fetched meanwhile is kept. */
  invalidate(token: string): void {
    if (this.#token?.value === token) this.#token = undefined;
  }

  async #fetchToken(): Promise<string> {
    const grant = this.#grant;
    const [id, secret] = await Promise.all([resolveCredential(grant.clientId), resolveCredential(grant.clientSecret)]);
    if (id === undefined || secret === undefined)
      throw new SDKError('The OAuth2 client id or secret is empty: the token cannot be requested.');
    // RFC 6749 §2.3.1: the client authenticates with HTTP Basic, its id and secret form-encoded first.
    const pair = `${formEncode(id)}:${formEncode(secret)}`;
    grant.learn(secret);
    // The pair too, so that an endpoint echoing the Authorization header back is masked whole.
    grant.learn(pair);
    const maxRetries = grant.maxRetries ?? 0;
    // A token request asks for a new token and changes nothing else: it is retried as a GET would be.
    for (let retry = 0; ; retry++) {
      const started = (grant.now ?? Date.now)();
      const outcome = await this.#request(`Basic ${base64(pair)}`);
      if (outcome.ok) return this.#keep(outcome.response, outcome.text, started);
      if (!outcome.retryable || retry >= maxRetries) throw outcome.error;
      await sleep(retryDelayMs(retry + 1, outcome.headers));
    }
  }

  /** One try of the token request: its answer, or why it failed and whether another try may help. */
  async #request(
    authorization: string,
  ): Promise<
    | { readonly ok: true; readonly response: Response; readonly text: string }
    | { readonly ok: false; readonly error: TokenRequestError; readonly retryable: boolean; readonly headers?: Headers }
  > {
    const grant = this.#grant;
    const mask = grant.mask ?? ((text: string) => text);
    // No `scope`: the server grants the client its default.
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), grant.timeout);
    let response: Response;
    let text: string;
    try {
      response = await grant.fetch(grant.tokenURL, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: controller.signal,
        // A token endpoint that redirects is not followed: the secret goes only where the spec says.
        redirect: 'error',
      });
      text = await readText(response, 1 << 20);
    } catch (cause) {
      // A body over the limit would be as large next time; a dropped connection or a timeout may not.
      if (cause instanceof SDKError) return { ok: false, error: this.#failed(mask(cause.message)), retryable: false };
      const why = controller.signal.aborted
        ? `timed out after ${grant.timeout} ms`
        : `failed (${mask(connectionMessage(cause))})`;
      return { ok: false, error: this.#failed(why), retryable: true };
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      // The typed error of the client masks the body and headers; its class is the API's, so only they are kept.
      const refused = grant.statusError(response, text);
      const answer = { status: response.status, error: refused.error, headers: refused.headers ?? new Headers() };
      const error = new TokenRequestError(grant.tokenURL, `was answered ${response.status}`, answer);
      // 400 and 401 are the client's own fault (`invalid_client`, `invalid_grant`): the same next time.
      const retryable = response.status !== 400 && response.status !== 401 && shouldRetryResponse(response);
      return { ok: false, error, retryable, headers: response.headers };
    }
    return { ok: true, response, text };
  }

  #failed(why: string): TokenRequestError {
    return new TokenRequestError(this.#grant.tokenURL, why, undefined);
  }

  /** Keeps the token of a successful answer until shortly before it expires. */
  #keep(response: Response, text: string, started: number): string {
    const grant = this.#grant;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const token = (parsed as { access_token?: unknown } | undefined)?.access_token;
    if (typeof token !== 'string' || token === '')
      // The body is not kept: a token under another name is still a secret.
      throw new TokenRequestError(grant.tokenURL, 'was answered without an access_token', {
        status: response.status,
        error: undefined,
        headers: grant.statusError(response, '').headers ?? new Headers(),
      });
    grant.learn(token);
    const expiresIn = Number((parsed as { expires_in?: unknown }).expires_in);
    // Without `expires_in` the token is kept until the API refuses it.
    const lifetime = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : Number.POSITIVE_INFINITY;
    this.#token = { value: token, expires: started + Math.max(lifetime - EXPIRY_MARGIN_MS, lifetime / 2) };
    return token;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `application/x-www-form-urlencoded` of one value, as RFC 6749 §2.3.1 wants the id and secret. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * The grant of a client-credentials scheme whose client id and secret are given (options or
 * environment): what generated clients of APIs that declare one pass as `clientCredentials`.
 */
export function clientCredentialsGrant(
  scheme: Extract<AuthScheme, { type: 'oauth2' }>,
  setup: GrantSetup,
): TokenSource | undefined {
  const clientId = setup.given(scheme.clientIdOption, scheme.clientIdEnv);
  const clientSecret = setup.given(scheme.clientSecretOption, scheme.clientSecretEnv);
  if (clientId === undefined || clientSecret === undefined || scheme.tokenUrl === undefined) return undefined;
  return new ClientCredentialsToken({
    tokenURL: tokenEndpoint(setup.tokenURL ?? scheme.tokenUrl, setup.baseURL),
    clientId,
    clientSecret,
    fetch: setup.fetch,
    timeout: setup.timeout,
    maxRetries: setup.maxRetries,
    learn: setup.learn,
    mask: setup.mask,
    statusError: setup.statusError,
  });
}

/** The token endpoint's URL: as declared when absolute, else below the API's origin (a relative `tokenUrl`). */
function tokenEndpoint(tokenUrl: string, baseURL: string): string {
  try {
    return new URL(tokenUrl, baseURL).toString();
  } catch {
    throw new SDKError(`The OAuth2 token URL ${JSON.stringify(tokenUrl)} is not a URL.`);
  }
}
