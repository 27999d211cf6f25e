/** How long to wait at most when the server asks for a delay; longer requests are capped, not obeyed. */
export const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

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
 * `Retry-After` (seconds or an HTTP date) when present and sane, else exponential
 * backoff with up to 25% jitter so that many clients do not retry in lockstep.
 */
export function retryDelayMs(retry: number, headers: Headers | undefined, now: number = Date.now()): number {
  const fromServer = headers === undefined ? undefined : serverRetryDelayMs(headers, now);
  if (fromServer !== undefined) return fromServer;
  const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
  return backoff * (1 - Math.random() * 0.25);
}

function serverRetryDelayMs(headers: Headers, now: number): number | undefined {
  const ms = parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return Math.min(ms, MAX_RETRY_AFTER_MS);
  const retryAfter = headers.get('retry-after');
  if (retryAfter === null) return undefined;
  const seconds = Number(retryAfter.trim());
  if (retryAfter.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) {
    return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  }
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(date - now, 0), MAX_RETRY_AFTER_MS);
}
