import type { RetryConfig } from './types.js';

/**
 * The longest delay a server may ask for and get. A longer one (a proxy saying "come back
 * tomorrow") is not waited for: the client backs off as usual, so a caller blocked by it
 * gets the error after its retries instead of hanging, as Stainless-generated clients do.
 */
export const MAX_RETRY_AFTER_MS = 60_000;
/** The first backoff delay and the longest, in ms. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** Stainless-generated clients' defaults: half a second, doubled up to 8 seconds. */
const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 8_000 };

/** The backoff of the API's declared delays (in seconds), the defaults filling in what it leaves out. */
export function backoffOf(delays: RetryConfig | undefined): Backoff {
  if (delays === undefined) return DEFAULT_BACKOFF;
  const initialMs = delays.initialDelay === undefined ? DEFAULT_BACKOFF.initialMs : delays.initialDelay * 1000;
  const maxMs = delays.maxDelay === undefined ? Math.max(DEFAULT_BACKOFF.maxMs, initialMs) : delays.maxDelay * 1000;
  return { initialMs, maxMs };
}

/** Statuses worth another try: the request may well succeed later, unchanged. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Whether to retry a response: the server's `x-should-retry` wins, else the status decides.
 */
export function shouldRetryResponse(response: Response): boolean {
  const override = response.headers.get('x-should-retry');
  if (override === 'true') return true;
  if (override === 'false') return false;
  return isRetryableStatus(response.status);
}

/**
 * The delay before retry number `retry` (1-based): the server's `retry-after-ms` or
 * `Retry-After` (seconds or an HTTP date) when present and under a minute, else exponential
 * backoff with up to 25% jitter so that many clients do not retry in lockstep.
 */
export function retryDelayMs(
  retry: number,
  headers: Headers | undefined,
  now: number = Date.now(),
  { initialMs, maxMs }: Backoff = DEFAULT_BACKOFF,
): number {
  const fromServer = headers === undefined ? undefined : serverRetryDelayMs(headers, now);
  if (fromServer !== undefined) return fromServer;
  const backoff = Math.min(initialMs * 2 ** (retry - 1), maxMs);
  return backoff * (1 - Math.random() * 0.25);
}

function serverRetryDelayMs(headers: Headers, now: number): number | undefined {
  const sane = (ms: number): number | undefined => (ms >= 0 && ms < MAX_RETRY_AFTER_MS ? ms : undefined);
  const ms = parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return sane(ms);
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null) return undefined;
  const seconds = Number(retryAfter.trim());
  if (retryAfter.trim() !== '' && Number.isFinite(seconds)) return sane(seconds * 1000);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return sane(Math.max(date - now, 0));
}

/**
 * Methods whose repeat does what one call does (RFC 9110 §9.2.2): retried whatever happened.
 * Anything else (POST, PATCH) is retried only when the server cannot have acted on it, or
 * when it carries an idempotency key the server dedupes by.
 */
export function isIdempotentMethod(method: string): boolean {
  return (
    method === 'GET' ||
    method === 'HEAD' ||
    method === 'OPTIONS' ||
    method === 'TRACE' ||
    method === 'PUT' ||
    method === 'DELETE'
  );
}

/**
 * Statuses that say the server did not act on the request: it was too early (408), over a rate
 * limit (429) or unavailable (503). A 500, 502 or 504 may come after the work was done.
 */
export function statusLeftUnprocessed(response: Response): boolean {
  if (response.headers.get('x-should-retry') === 'true') return true;
  const status = response.status;
  return status === 408 || status === 429 || status === 503;
}

// Failures before a connection existed: nothing of the request was sent.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether a connection error happened before any byte of the request could reach the server. */
export function failedBeforeSending(cause: unknown): boolean {
  for (let error = cause, depth = 0; error instanceof Error && depth < 5; error = error.cause, depth++) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT.has(code)) return true;
  }
  return false;
}
