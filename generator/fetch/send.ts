/**
 * What `sdkgen/fetch` sends a request through, in place of openapi-fetch's single `fetch()`:
 * sdkgen's runtime underneath. Each try may have a timeout; a failed try is retried (when asked:
 * openapi-fetch never retries) with the runtime's backoff and rules; redirects are followed by
 * the runtime, which leaves every credential behind on another origin; and errors that leave are
 * masked of the request's credentials.
 */
import { APIConnectionTimeoutError, SDKError } from '../runtime/errors.js';
import { maskThrown, redactError, redactSecrets, secretSpellings } from '../runtime/redact.js';
import { ALWAYS_SECRET, type CredentialPlaces, fetchFollowingRedirects } from '../runtime/redirect.js';
import {
  backoffOf,
  failedBeforeSending,
  isIdempotentMethod,
  retryDelayMs,
  shouldRetryResponse,
  statusLeftUnprocessed,
} from '../runtime/retry.js';

/** How the client sends: fixed per call. */
export interface SendOptions {
  readonly fetch: (input: Request, init?: Record<string, unknown>) => Promise<Response>;
  /** openapi-fetch's `requestInitExt`, passed as fetch's second argument where it is understood. */
  readonly requestInitExt: Record<string, unknown> | undefined;
  readonly Request: typeof Request;
  readonly maxRetries: number;
  readonly timeout: number | undefined;
  /** The request was built with `redirect: 'manual'` for the runtime to follow its redirects. */
  readonly followRedirects: boolean;
}

/** A response, and what ends its try once its body has been read (its timeout). */
export interface Sent {
  readonly response: Response;
  readonly settle: () => void;
  /** A failure reading the body, as the call throws it: a timeout named as one, masked. */
  readonly bodyFailure: (error: unknown) => unknown;
}

const BACKOFF = backoffOf(undefined);

/**
 * Stands for the request's own body in fetchFollowingRedirects, which only needs to know that
 * there is one (to drop it on a 303, to refuse it to another origin); the hop that re-sends it
 * (a 307 or 308 on the same origin) reads it again from the request's spare copy.
 */
const OWN_BODY = Object.freeze({ ownBody: true }) as unknown as BodyInit;

export async function send(request: Request, options: SendOptions): Promise<Sent> {
  const { maxRetries, timeout } = options;
  const repeatable = isIdempotentMethod(request.method) || request.headers.has('idempotency-key');
  // A body is a stream, read once: a copy is kept for each send after the first.
  let spare = request.body !== null && (maxRetries > 0 || options.followRedirects) ? request.clone() : undefined;
  for (let retry = 0; ; retry++) {
    let current = request;
    if (retry > 0 && spare !== undefined) {
      current = spare;
      spare = current.clone();
    }
    const controller = timeout === undefined ? undefined : new AbortController();
    const timer = controller === undefined ? undefined : setTimeout(abortOnTimeout, timeout, controller);
    const settle = (): void => clearTimeout(timer);
    const sending = controller === undefined ? current : withSignal(current, controller.signal, options.Request);
    try {
      const response = await sendFollowing(sending, options, spare);
      if (retry < maxRetries && shouldRetryResponse(response) && (repeatable || statusLeftUnprocessed(response))) {
        settle();
        await response.body?.cancel().catch(() => {});
        await delay(retryDelayMs(retry + 1, response.headers, Date.now(), BACKOFF), request.signal);
        continue;
      }
      const bodyFailure = (error: unknown): unknown =>
        maskCredentials(
          controller?.signal.aborted && !request.signal.aborted
            ? new APIConnectionTimeoutError(timeout as number)
            : error,
          request.headers,
        );
      return { response, settle, bodyFailure };
    } catch (cause) {
      settle();
      // The caller's own abort, and the runtime's refusals (an unsafe redirect), end the call as they are.
      if (request.signal.aborted || (cause instanceof SDKError && !controller?.signal.aborted))
        throw maskCredentials(cause, request.headers);
      const timedOut = controller?.signal.aborted === true;
      const error = timedOut ? new APIConnectionTimeoutError(timeout as number) : cause;
      // A write that may have reached the server is sent again only with a key the server dedupes by.
      const retryable = retry < maxRetries && (repeatable || (!timedOut && failedBeforeSending(cause)));
      if (!retryable) throw maskCredentials(error, request.headers);
      await delay(retryDelayMs(retry + 1, undefined, Date.now(), BACKOFF), request.signal);
    }
  }
}

/** One try: the request, with its redirects followed by the runtime when it was built for that. */
function sendFollowing(request: Request, options: SendOptions, spare: Request | undefined): Promise<Response> {
  const { fetch, requestInitExt } = options;
  if (!options.followRedirects || request.redirect !== 'manual') return fetch(request, requestInitExt);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let first = true;
  const hop = async (url: string, init: RequestInit): Promise<Response> => {
    if (first) {
      first = false;
      return fetch(request, requestInitExt);
    }
    let body = init.body ?? undefined;
    if (body === OWN_BODY) {
      if (spare === undefined)
        throw new SDKError(`${request.method} was redirected, and its body cannot be sent twice.`);
      body = await spare.clone().arrayBuffer();
    }
    const next = new options.Request(url, { ...carried(request), ...init, body: body ?? null });
    return fetch(next, requestInitExt);
  };
  return fetchFollowingRedirects(
    hop,
    request.url,
    {
      method: request.method,
      headers,
      body: request.body === null ? undefined : OWN_BODY,
      duplex: undefined,
      signal: request.signal,
    },
    credentialPlaces(request.headers),
  );
}

/** Where this request carries credentials: the headers that always do, and every value they hold. */
function credentialPlaces(headers: Headers): CredentialPlaces {
  return { headers: [], query: [], values: credentialValues(headers) };
}

/** The credentials a request carries, in its credential headers: `Bearer xyz` is `xyz` too. */
function credentialValues(headers: Headers): string[] {
  const values: string[] = [];
  for (const name of ALWAYS_SECRET) {
    const value = headers.get(name);
    if (value === null || value === '') continue;
    values.push(value);
    const token = /^\S+\s+(\S.*)$/.exec(value)?.[1];
    if (name.endsWith('authorization') && token !== undefined) values.push(token);
  }
  return values;
}

/**
 * An error, masked of the request's credentials: the runtime's own in place, another (fetch's)
 * as a masked copy only when it holds one, so that an error without any keeps its class.
 */
function maskCredentials(error: unknown, headers: Headers): unknown {
  const values = credentialValues(headers);
  if (values.length === 0) return error;
  const spellings = secretSpellings(values);
  if (error instanceof SDKError) return maskThrown(error, spellings);
  return mentionsAny(error, spellings, 0) ? redactError(error, spellings) : error;
}

/** An error body, masked of the request's credentials: a server may echo the key it refused. */
export function maskErrorBody(body: unknown, headers: Headers): unknown {
  const values = credentialValues(headers);
  return values.length === 0 || body === undefined ? body : redactSecrets(body, secretSpellings(values));
}

function mentionsAny(error: unknown, spellings: readonly string[], depth: number): boolean {
  if (typeof error === 'string') return spellings.some((s) => error.includes(s));
  if (!(error instanceof Error) || depth > 4) return false;
  const text = `${error.message}\n${error.stack ?? ''}`;
  return spellings.some((s) => text.includes(s)) || mentionsAny(error.cause, spellings, depth + 1);
}

/** The request again, with the try's signal joined to its own (and the custom members openapi-fetch copies onto it). */
function withSignal(request: Request, signal: AbortSignal, RequestClass: typeof Request): Request {
  const next = new RequestClass(request, { signal: AbortSignal.any([request.signal, signal]) });
  copyCustomMembers(request, next);
  return next;
}

/** What a redirected request keeps of the first: its fetch settings (method, headers and body are the hop's). */
function carried(request: Request): RequestInit {
  const { cache, credentials, integrity, keepalive, mode, referrer, referrerPolicy } = request;
  return { cache, credentials, integrity, keepalive, mode, referrer, referrerPolicy, redirect: 'manual' };
}

/** Custom members set on a request (openapi-fetch copies unknown options onto it), onto another. */
export function copyCustomMembers(from: object, to: object): void {
  for (const key of Object.keys(from))
    if (!(key in to)) (to as Record<string, unknown>)[key] = (from as Record<string, unknown>)[key];
}

function abortOnTimeout(controller: AbortController): void {
  controller.abort();
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
