import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIResponseTooLargeError,
  APIUserAbortError,
  connectionMessage,
} from './errors.js';
import type { BodyWatch } from './types.js';

/** Bodies handed out unread, by what closes each: its request's controller and timer. */
const unreadBodies = new FinalizationRegistry<{ controller: AbortController; cleanup: () => void }>((held) => {
  held.cleanup();
  held.controller.abort();
});

/**
 * A response handed out unread, under its request's timer: an event stream's restarts at every
 * chunk (one that keeps sending is never cut, one that stalls for the timeout is), while bytes
 * must all come before it fires, as a JSON body must. Bytes stop at `maxBytes` in all. Errors
 * say which, masked. The connection is released when the body ends, fails or is cancelled.
 * Binary and streaming methods pass it as the request's `watch`: a client of JSON methods only
 * bundles none of it.
 */
export function watchBody(response: Response, watch: BodyWatch): Response {
  const source = response.body;
  if (source === null) {
    watch.cleanup();
    return response;
  }
  const reader = source.getReader();
  // A body dropped unread is closed when it is collected: the connection is not kept for nothing.
  const token = {};
  const release = (): void => {
    watch.cleanup();
    unreadBodies.unregister(token);
  };
  const mask = watch.mask ?? (<E>(error: E): E => error);
  const failure = (cause: unknown): Error => {
    if (watch.signal?.aborted) return new APIUserAbortError({ cause });
    if (watch.controller.signal.aborted)
      return new APIConnectionTimeoutError(
        watch.timeoutMs,
        watch.deadline === 'total' ? 'Reading the response body timed out' : 'The stream stalled: no data',
      );
    return mask(new APIConnectionError(connectionMessage(cause), { cause }));
  };
  const { maxBytes } = watch;
  let received = 0;
  const body = new ReadableStream<Uint8Array>({
    pull: async (ctrl) => {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          ctrl.close();
          return;
        }
        received += value.byteLength;
        if (maxBytes !== undefined && received > maxBytes) {
          // Passed the limit: stop reading and close the connection; the reader gets the error.
          release();
          watch.controller.abort();
          await reader.cancel().catch(() => {});
          ctrl.error(mask(new APIResponseTooLargeError(response, maxBytes, undefined)));
          return;
        }
        watch.restart();
        ctrl.enqueue(value);
      } catch (cause) {
        release();
        ctrl.error(failure(cause));
      }
    },
    cancel: async (reason) => {
      release();
      watch.controller.abort();
      await reader.cancel(reason).catch(() => {});
    },
  });
  const { controller, cleanup } = watch;
  unreadBodies.register(body, { controller, cleanup }, token);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
