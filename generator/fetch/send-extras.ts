/**
 * The parts of sending that most calls never need, loaded by send.ts on first use (a retry to
 * decide, a redirect to follow, an error to mask or name), so that a bundler splits them out of
 * the JSON-only path: the runtime's retry rules, redirect following, masking and error classes.
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
import type { SendOptions } from './send-options.js';

const BACKOFF = backoffOf(undefined);

/**
 * Stands for the request's own body in fetchFollowingRedirects, which only needs to know that
 * there is one (to drop it on a 303, to refuse it to another origin); the hop that re-sends it
 * (a 307 or 308 on the same origin) reads it again from the request's spare copy.
 */
const OWN_BODY = Object.freeze({ ownBody: true }) as unknown as BodyInit;

/** Whether a request may be sent twice whatever happened: by its method, or by a key the server dedupes by. */
export function repeatable(request: Request): boolean {
  return isIdempotentMethod(request.method) || request.headers.has('idempotency-key');
}

/** Whether to send the request again after this answer (the method or key allowing). */
export function retryAfterResponse(response: Response, request: Request): boolean {
  return shouldRetryResponse(response) && (repeatable(request) || statusLeftUnprocessed(response));
}

/** Whether to send the request again after this failure to get an answer. */
export function retryAfterFailure(cause: unknown, timedOut: boolean, request: Request): boolean {
  return repeatable(request) || (!timedOut && failedBeforeSending(cause));
}

/** The runtime's own refusals (an unsafe redirect): the same next time, so never retried. */
export function isRefusal(cause: unknown): boolean {
  return cause instanceof SDKError;
}

export function timeoutError(timeoutMs: number): Error {
  return new APIConnectionTimeoutError(timeoutMs);
}

/** Waits before retry number `retry`: what the server asked (`retry-after-ms`, `Retry-After`), else backoff. */
export function waitBeforeRetry(retry: number, headers: Headers | undefined, signal: AbortSignal): Promise<void> {
  const ms = retryDelayMs(retry, headers, Date.now(), BACKOFF);
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

/**
 * Follows the redirect `first` answered `request` with, as the runtime does: credentials left
 * behind on another origin, a body never re-sent there.
 */
export function followRedirects(
  first: Response,
  request: Request,
  options: SendOptions,
  spare: Request | undefined,
): Promise<Response> {
  const { fetch, requestInitExt } = options;
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let answered = false;
  const hop = async (url: string, init: RequestInit): Promise<Response> => {
    // The first hop was sent already: its answer is the redirect being followed.
    if (!answered) {
      answered = true;
      return first;
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

/** What a redirected request keeps of the first: its fetch settings (method, headers and body are the hop's). */
function carried(request: Request): RequestInit {
  const { cache, credentials, integrity, keepalive, mode, referrer, referrerPolicy } = request;
  return { cache, credentials, integrity, keepalive, mode, referrer, referrerPolicy, redirect: 'manual' };
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
export function maskCredentials(error: unknown, headers: Headers): unknown {
  const values = credentialValues(headers);
  if (values.length === 0) return error;
  const spellings = secretSpellings(values);
  if (error instanceof SDKError) return maskThrown(error, spellings);
  return mentionsAny(error, spellings, 0) ? redactError(error, spellings) : error;
}

/** An error body, masked of the request's credentials: a server may echo the key it refused. */
export function maskErrorBody(body: unknown, headers: Headers): unknown {
  const values = credentialValues(headers);
  return values.length === 0 ? body : redactSecrets(body, secretSpellings(values));
}

function mentionsAny(error: unknown, spellings: readonly string[], depth: number): boolean {
  if (typeof error === 'string') return spellings.some((s) => error.includes(s));
  if (!(error instanceof Error) || depth > 4) return false;
  const text = `${error.message}\n${error.stack ?? ''}`;
  return spellings.some((s) => text.includes(s)) || mentionsAny(error.cause, spellings, depth + 1);
}
