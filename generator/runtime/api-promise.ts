import { itemIterator, type Page } from './pagination.js';
import type { RawResponse } from './types.js';

/** A result together with the HTTP response it came from. */
export interface WithResponse<T> {
  readonly data: T;
  readonly response: Response;
  readonly requestId: string | undefined;
}

/**
 * The promise every generated method returns: it resolves to the parsed result, and
 * also offers the raw response. The request starts at once, as with any promise,
 * so a call that is never awaited is still sent.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #raw: Promise<RawResponse>;
  readonly #transform: (raw: RawResponse) => T;
  #parsed: Promise<T> | undefined;

  constructor(raw: Promise<RawResponse>, transform: (raw: RawResponse) => T) {
    super((resolve) => resolve(null as T));
    // Marks the rejection as observed: it is reported when the caller awaits, not as unhandled.
    raw.catch(() => {});
    this.#raw = raw;
    this.#transform = transform;
  }

  /** The HTTP response, with a body that can still be read. */
  asResponse(): Promise<Response> {
    return this.#raw.then(
      ({ response, body }) =>
        new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }),
    );
  }

  /** The parsed result, the response and the server's request id. */
  async withResponse(): Promise<WithResponse<T>> {
    const [data, raw] = await Promise.all([this.#parse(), this.#raw]);
    return { data, response: raw.response, requestId: raw.response.headers.get('x-request-id') ?? undefined };
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a Promise; `then` is what makes `await` work on it.
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parse().then(onfulfilled, onrejected);
  }

  override catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parse().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parse().finally(onfinally);
  }

  /**
   * The same request with another result made from its response: how a streaming method turns
   * the response into a `Stream`. `asResponse()` and `withResponse()` still work on it.
   */
  _map<U>(transform: (raw: RawResponse) => U): APIPromise<U> {
    return new APIPromise<U>(this.#raw, transform);
  }

  #parse(): Promise<T> {
    this.#parsed ??= this.#raw.then(this.#transform);
    return this.#parsed;
  }
}

/**
 * The promise of a page: await it for the first page, or `for await` over it for every
 * item of every page.
 */
export class PagePromise<P extends Page<Item>, Item> extends APIPromise<P> implements AsyncIterable<Item> {
  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return itemIterator<Item>(() => this);
  }
}
