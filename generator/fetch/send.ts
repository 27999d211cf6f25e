/**
 * What `sdkgen/fetch` sends a request through, in place of openapi-fetch's single `fetch()`:
 * sdkgen's runtime underneath. Each try may have a timeout; a failed try is retried (when asked:
 * openapi-fetch never retries) with the runtime's backoff and rules; redirects are followed by
 * the runtime, which leaves every credential behind on another origin; and errors that leave are
 * masked of the request's credentials. A call that needs none of it (no retry, no redirect, no
 * error) runs only this file: the rest is send-extras.ts, loaded on first use.
 */
import type * as Extras from './send-extras.js';
import type { SendOptions } from './send-options.js';

/** A response, and what ends its try once its body has been read (its timeout). */
export interface Sent {
  readonly response: Response;
  readonly settle: () => void;
  /** A failure reading the body, as the call throws it: a timeout named as one, masked. */
  readonly bodyFailure: (error: unknown) => Promise<unknown>;
}

let extras: Promise<typeof Extras> | undefined;

/** send-extras.ts, loaded once. */
export function loadExtras(): Promise<typeof Extras> {
  extras ??= import('./send-extras.js');
  return extras;
}

export async function send(request: Request, options: SendOptions): Promise<Sent> {
  const { maxRetries, timeout } = options;
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
    const timedOut = (): boolean => controller?.signal.aborted === true && !request.signal.aborted;
    const sending = controller === undefined ? current : withSignal(current, controller.signal, options.Request);
    try {
      let response = await options.fetch(sending, options.requestInitExt);
      if (options.followRedirects && sending.redirect === 'manual' && isRedirect(response))
        response = await (await loadExtras()).followRedirects(response, sending, options, spare);
      if (retry < maxRetries) {
        const more = await loadExtras();
        if (more.retryAfterResponse(response, request)) {
          settle();
          await response.body?.cancel().catch(() => {});
          await more.waitBeforeRetry(retry + 1, response.headers, request.signal);
          continue;
        }
      }
      const bodyFailure = async (error: unknown): Promise<unknown> => {
        const more = await loadExtras();
        return more.maskCredentials(timedOut() ? more.timeoutError(timeout as number) : error, request.headers);
      };
      return { response, settle, bodyFailure };
    } catch (cause) {
      settle();
      const more = await loadExtras();
      // The caller's own abort, and the runtime's refusals (an unsafe redirect), end the call as they are.
      if (request.signal.aborted || (more.isRefusal(cause) && !timedOut()))
        throw more.maskCredentials(cause, request.headers);
      const error = timedOut() ? more.timeoutError(timeout as number) : cause;
      // A write that may have reached the server is sent again only with a key the server dedupes by.
      if (retry >= maxRetries || !more.retryAfterFailure(cause, timedOut(), request))
        throw more.maskCredentials(error, request.headers);
      await more.waitBeforeRetry(retry + 1, undefined, request.signal);
    }
  }
}

/** A redirect for the runtime to follow (or one this fetch hides, which the runtime reports). */
function isRedirect(response: Response): boolean {
  const { status } = response;
  return (
    response.type === 'opaqueredirect' ||
    ((status === 301 || status === 302 || status === 303 || status === 307 || status === 308) &&
      response.headers.has('location'))
  );
}

/** The request again, with the try's signal joined to its own (and the custom members openapi-fetch copies onto it). */
function withSignal(request: Request, signal: AbortSignal, RequestClass: typeof Request): Request {
  const next = new RequestClass(request, { signal: AbortSignal.any([request.signal, signal]) });
  copyCustomMembers(request, next);
  return next;
}

/** Custom members set on a request (openapi-fetch copies unknown options onto it), onto another. */
export function copyCustomMembers(from: object, to: object): void {
  for (const key of Object.keys(from))
    if (!(key in to)) (to as Record<string, unknown>)[key] = (from as Record<string, unknown>)[key];
}

function abortOnTimeout(controller: AbortController): void {
  controller.abort();
}
