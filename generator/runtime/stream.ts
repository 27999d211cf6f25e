import { APIError, APIResponseParseError, APIResponseTooLargeError, SDKError } from './errors.js';
import { EventStreamDecoder, type ServerSentEvent } from './sse.js';
import type { MaskError, RawResponse } from './types.js';

/** How the events of one operation's stream are read. */
export interface StreamOptions {
  /** A `data` that ends the stream without being an item (`[DONE]`). */
  readonly terminator?: string | undefined;
  /** Each event's `data` is the item as it is (text), not JSON. */
  readonly text?: boolean | undefined;
}

/** How the client reads a stream of its own: the limit of one event, and the masking of what it throws. */
interface ReadLimits {
  readonly maxEventBytes?: number | undefined;
  readonly mask?: MaskError | undefined;
}

/** What a streaming method makes of its response: the `Stream` of its events. */
export function streamOf<Item>(options: StreamOptions = {}): (raw: RawResponse) => Stream<Item> {
  return (raw) =>
    Stream.fromSSEResponse<Item>(raw.response, raw.controller ?? new AbortController(), options, {
      maxEventBytes: raw.maxBytes,
      mask: raw.mask,
    });
}

/**
 * The events of a `text/event-stream` response, parsed from JSON: `for await` over it, once.
 * Leaving the loop early (`break`, `return`, a throw) closes the connection; an `error` event
 * is thrown as an `APIError`. Modeled on openai-node's `Stream`.
 */
export class Stream<Item> implements AsyncIterable<Item> {
  /** Aborts the request: the connection closes and the loop ends. */
  readonly controller: AbortController;
  readonly #iterator: () => AsyncIterator<Item>;
  #consumed = false;

  constructor(iterator: () => AsyncIterator<Item>, controller: AbortController) {
    this.#iterator = iterator;
    this.controller = controller;
  }

  /** The stream of a response whose body is an event stream. */
  static fromSSEResponse<Item>(
    response: Response,
    controller: AbortController,
    options: StreamOptions = {},
    limits: ReadLimits = {},
  ): Stream<Item> {
    return new Stream<Item>(() => sseIterator<Item>(response, controller, options, limits), controller);
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    if (this.#consumed) throw new SDKError('A stream can be iterated once; use tee() to read it twice.');
    this.#consumed = true;
    return this.#iterator();
  }

  /** Two streams of the same items, each read at its own pace (the items are kept until both have them). */
  tee(): [Stream<Item>, Stream<Item>] {
    const queues: Item[][] = [[], []];
    let source: AsyncIterator<Item> | undefined;
    let pulling: Promise<IteratorResult<Item>> | undefined;
    const pull = (): Promise<IteratorResult<Item>> => {
      source ??= this[Symbol.asyncIterator]();
      pulling ??= source.next().then((result) => {
        pulling = undefined;
        if (!result.done) for (const queue of queues) queue.push(result.value);
        return result;
      });
      return pulling;
    };
    const side = (index: 0 | 1): Stream<Item> =>
      new Stream<Item>(
        () => ({
          next: async (): Promise<IteratorResult<Item>> => {
            const queue = queues[index] as Item[];
            if (queue.length > 0) return { done: false, value: queue.shift() as Item };
            const result = await pull();
            if (result.done) return result;
            return { done: false, value: queue.shift() as Item };
          },
          // One side leaving early leaves the other reading: only the source's own end closes it.
          return: async (): Promise<IteratorResult<Item>> => ({ done: true, value: undefined }),
        }),
        this.controller,
      );
    return [side(0), side(1)];
  }

  /**
   * The items as a web `ReadableStream` of newline-delimited JSON, to hand to another process
   * or a browser (read back with `Stream.fromReadableStream`).
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder();
    let iterator: AsyncIterator<Item> | undefined;
    return new ReadableStream<Uint8Array>({
      start: () => {
        iterator = this[Symbol.asyncIterator]();
      },
      pull: async (ctrl) => {
        try {
          const result = await (iterator as AsyncIterator<Item>).next();
          if (result.done) ctrl.close();
          else ctrl.enqueue(encoder.encode(`${JSON.stringify(result.value)}\n`));
        } catch (error) {
          ctrl.error(error);
        }
      },
      cancel: async () => {
        await iterator?.return?.();
      },
    });
  }

  /** A stream of the items of `toReadableStream()`'s output. */
  static fromReadableStream<Item>(
    body: ReadableStream<Uint8Array>,
    controller: AbortController = new AbortController(),
  ): Stream<Item> {
    return new Stream<Item>(() => ndjsonItems<Item>(body, controller), controller);
  }
}

/**
 * The items of an event stream: each event's JSON `data`, until the terminator or the end. A
 * hand-written iterator, not an async generator: the events of a chunk are decoded at once and
 * handed out from a queue, one resolved promise each, which keeps a fast stream near the cost
 * of reading it by hand.
 */
function sseIterator<Item>(
  response: Response,
  controller: AbortController,
  options: StreamOptions,
  limits: ReadLimits,
): AsyncIterator<Item> {
  const reader = response.body?.getReader();
  const { maxEventBytes } = limits;
  const mask = limits.mask ?? (<E>(error: E): E => error);
  const decoder = new EventStreamDecoder(maxEventBytes);
  let queue: ServerSentEvent[] = [];
  let index = 0;
  let finished = reader === undefined;
  // Ends the read: released when the body ended; cancelled, and the connection closed, when not.
  const close = async (early: boolean): Promise<void> => {
    if (reader === undefined) return;
    finished = true;
    queue = [];
    if (early) {
      controller.abort();
      await reader.cancel().catch(() => {});
    }
    reader.releaseLock();
  };
  return {
    next: async (): Promise<IteratorResult<Item>> => {
      for (;;) {
        while (index < queue.length) {
          const event = queue[index++] as ServerSentEvent;
          if (event.data === (options.terminator ?? '[DONE]')) {
            await close(true);
            return { done: true, value: undefined };
          }
          if (event.event === 'error') {
            await close(true);
            throw mask(streamError(response, event));
          }
          try {
            return {
              done: false,
              value: options.text === true ? (event.data as Item) : parseItem<Item>(response, event.data),
            };
          } catch (error) {
            await close(true);
            throw mask(error);
          }
        }
        // An event passed maxResponseBytes: the events before it were handed out, then this.
        if (decoder.overLimit && maxEventBytes !== undefined) {
          await close(true);
          throw mask(new APIResponseTooLargeError(response, maxEventBytes, undefined, 'An event of this stream'));
        }
        if (finished || reader === undefined) return { done: true, value: undefined };
        let read: ReadableStreamReadResult<Uint8Array>;
        try {
          read = await reader.read();
        } catch (error) {
          await close(false);
          throw mask(error);
        }
        index = 0;
        if (read.done) {
          // The body's end: what the decoder still holds is handed out, then the loop ends.
          const last = decoder.flush();
          await close(false);
          queue = last;
          continue;
        }
        queue = decoder.decode(read.value);
      }
    },
    // Left early (break, throw, return): nothing more will be read, so close the connection.
    return: async (): Promise<IteratorResult<Item>> => {
      if (!finished) await close(true);
      return { done: true, value: undefined };
    },
  };
}

async function* ndjsonItems<Item>(body: ReadableStream<Uint8Array>, controller: AbortController): AsyncGenerator<Item> {
  const reader = body.getReader();
  const text = new TextDecoder();
  let buffer = '';
  let done = false;
  try {
    for (;;) {
      const chunk = await reader.read();
      buffer += chunk.done ? text.decode() : text.decode(chunk.value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.trim() !== '') yield JSON.parse(line) as Item;
        newline = buffer.indexOf('\n');
      }
      if (chunk.done) break;
    }
    if (buffer.trim() !== '') yield JSON.parse(buffer) as Item;
    done = true;
  } finally {
    if (!done) {
      controller.abort();
      await reader.cancel().catch(() => {});
    }
    reader.releaseLock();
  }
}

function parseItem<Item>(response: Response, data: string): Item {
  try {
    return JSON.parse(data) as Item;
  } catch (cause) {
    throw new APIResponseParseError(
      response.status,
      data,
      `An event of the stream is not valid JSON (${(cause as Error).message}).`,
      response.headers,
      { cause },
    );
  }
}

/** An `error` event, as the error the loop throws: its data parsed when it is JSON. */
function streamError(response: Response, event: ServerSentEvent): APIError {
  let body: unknown = event.data;
  try {
    body = JSON.parse(event.data);
  } catch {
    // Plain text: the message is the text.
  }
  const detail =
    typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : body;
  const message =
    typeof detail === 'object' && detail !== null && 'message' in detail
      ? String((detail as { message: unknown }).message)
      : String(detail);
  return new APIError(undefined, body, `The stream sent an error: ${message}`, response.headers);
}
