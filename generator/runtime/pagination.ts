import { PaginationError, SDKError } from './errors.js';
import type { APIRequest, RequestOptions } from './types.js';

/** The response field holding the next cursor is sent back as a request parameter. */
export interface CursorScheme {
  readonly type: 'cursor';
  /** Response field with the page's items. */
  readonly items: string;
  /** Response field that is `false` on the last page, if the API has one. */
  readonly hasMore?: string | undefined;
  /** Response field with the cursor of the next page (`next`, `last_id`, …). */
  readonly cursorField: string;
  /** Request parameter that takes the cursor (`after`, `cursor`, …). */
  readonly cursorParam: string;
}

/** A field of the page's last item (usually `id`) is sent back as a request parameter. */
export interface ItemIdScheme {
  readonly type: 'item-id';
  readonly items: string;
  readonly hasMore?: string | undefined;
  /** Field of the last item that serves as the cursor. */
  readonly idField: string;
  readonly cursorParam: string;
}

export type PageScheme = CursorScheme | ItemIdScheme;

/** What a page needs from the client to fetch the pages after it. */
export interface PageClient {
  requestPage<P extends Page<Item>, Item>(
    pageClass: PageClass<Page<Item>>,
    request: APIRequest,
    options?: RequestOptions,
  ): PromiseLike<P>;
}

export interface PageContext {
  readonly client: PageClient;
  readonly request: APIRequest;
  readonly options: RequestOptions | undefined;
}

export interface PageClass<P> {
  new (context: PageContext, body: unknown): P;
  readonly scheme: PageScheme;
}

/**
 * One page of a list, with every field of the response envelope, that walks the pages
 * after it. Each named page class of a client (e.g. `NextCursorPage`) sets `scheme`.
 */
export class Page<Item> implements AsyncIterable<Item> {
  readonly #context: PageContext;
  readonly #scheme: PageScheme;
  readonly #body: Readonly<Record<string, unknown>>;

  constructor(context: PageContext, body: unknown) {
    const scheme = (new.target as unknown as Partial<PageClass<unknown>>).scheme;
    if (scheme === undefined) throw new SDKError(`${new.target.name} has no pagination scheme.`);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new SDKError(`Expected a JSON object as the page of ${context.request.path}, got ${describe(body)}.`);
    }
    this.#context = context;
    this.#scheme = scheme;
    this.#body = body as Record<string, unknown>;
    // The envelope's fields (`data`, `has_more`, `next`, …) become the page's own, except
    // any that would hide a method of the page.
    for (const key of Object.keys(body)) {
      if (!(key in this)) (this as Record<string, unknown>)[key] = this.#body[key];
    }
  }

  /** The items of this page only. */
  getPaginatedItems(): Item[] {
    const items = this.#body[this.#scheme.items];
    return Array.isArray(items) ? (items as Item[]) : [];
  }

  /**
   * Whether a next page exists: the response did not say it was the last, and it gave a
   * cursor. An empty page with a cursor is not the end.
   */
  hasNextPage(): boolean {
    return this.#nextCursor() !== undefined;
  }

  /** Fetches the page after this one, with the same parameters and options. */
  async getNextPage(): Promise<this> {
    const cursor = this.#nextCursor();
    if (cursor === undefined) throw new SDKError('There is no next page; check hasNextPage() first.');
    const { request, options, client } = this.#context;
    const query: Readonly<Record<string, unknown>> = { ...request.query };
    if (query[this.#scheme.cursorParam] === cursor) throw repeatedCursor(cursor);
    const next: APIRequest = { ...request, query: { ...query, [this.#scheme.cursorParam]: cursor } };
    return client.requestPage<this, Item>(this.constructor as PageClass<Page<Item>>, next, options);
  }

  /** This page and every page after it. Throws `PaginationError` if the server repeats a cursor. */
  async *iterPages(): AsyncGenerator<this, void, undefined> {
    const seen = new Set<string>();
    let page: this = this;
    for (;;) {
      yield page;
      const cursor = page.#nextCursor();
      if (cursor === undefined) return;
      if (seen.has(cursor)) throw repeatedCursor(cursor);
      seen.add(cursor);
      page = await page.getNextPage();
    }
  }

  /** Every item of this page and of every page after it. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) {
      yield* page.getPaginatedItems();
    }
  }

  #nextCursor(): string | undefined {
    const scheme = this.#scheme;
    if (scheme.hasMore !== undefined && this.#body[scheme.hasMore] === false) return undefined;
    const cursor = this.#cursorValue(scheme);
    if (typeof cursor === 'number' && Number.isFinite(cursor)) return String(cursor);
    return typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
  }

  #cursorValue(scheme: PageScheme): unknown {
    switch (scheme.type) {
      case 'cursor':
        return this.#body[scheme.cursorField];
      case 'item-id': {
        const items = this.getPaginatedItems();
        const last: unknown = items[items.length - 1];
        return last !== null && typeof last === 'object' ? (last as Record<string, unknown>)[scheme.idField] : undefined;
      }
      default:
        return assertNever(scheme);
    }
  }
}

function repeatedCursor(cursor: string): PaginationError {
  return new PaginationError(
    `The server sent the cursor ${JSON.stringify(cursor)} again; stopped paginating to avoid an endless loop.`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

function assertNever(value: never): never {
  throw new SDKError(`Unknown pagination scheme: ${JSON.stringify(value)}`);
}
