import { PaginationError, SDKError } from './errors.js';
import type { APIRequest, RequestOptions } from './types.js';

/** How many recent cursors a walk remembers exactly, to stop a short loop before any page repeats. */
const REMEMBERED_CURSORS = 64;

/**
 * The response field holding the next cursor is sent back as a request parameter. Every response
 * field a scheme reads but its items (`hasMore`, `cursorField`, `urlField`, `total`, `totalPages`)
 * is a top-level key, or a dotted path into nested objects (`next_page.offset`, Asana's).
 */
export interface CursorScheme {
  readonly type: 'cursor';
  /** Response field with the page's items. */
  readonly items: string;
  /** Response field that is `false` on the last page, if the API has one. */
  readonly hasMore?: string | undefined;
  /** Response field with the cursor of the next page (`next`, `last_id`, `next_page.offset`, …). */
  readonly cursorField: string;
  /** Request parameter that takes the cursor (`after`, `cursor`, …). */
  readonly cursorParam: string;
}

/** A field of the page's last item (usually `id`) is sent back as a request parameter. */
export interface ItemIdScheme {
  readonly type: 'item-id';
  readonly items: string;
  readonly hasMore?: string | undefined;
  /** Field of the last item that serves as the cursor (`id`, `token`, …). */
  readonly idField: string;
  readonly cursorParam: string;
  /**
   * Request parameter that pages backward (`ending_before`): when the first request sets it, each
   * next page is asked for before the first item of the page before, as Stripe's and Lithic's are.
   */
  readonly beforeParam?: string | undefined;
}

/** A page number parameter counts up from the first request's (or 1). */
export interface PageNumberScheme {
  readonly type: 'page-number';
  readonly items: string;
  readonly hasMore?: string | undefined;
  readonly pageParam: string;
  /** Response field with the number of pages, if the API has one. */
  readonly totalPages?: string | undefined;
}

/** An offset parameter moves on by the number of items received. */
export interface OffsetScheme {
  readonly type: 'offset';
  readonly items: string;
  readonly hasMore?: string | undefined;
  readonly offsetParam: string;
  /** Response field with the total number of items, if the API has one. */
  readonly total?: string | undefined;
}

/** The response names the URL of the next page; it is followed only on the client's own origin. */
export interface NextURLScheme {
  readonly type: 'next-url';
  readonly items: string;
  readonly hasMore?: string | undefined;
  readonly urlField: string;
}

/**
 * The response's `Link` header (RFC 8288) names the next page with `rel="next"`, as GitHub's
 * does; the body is the items, or an envelope of them. Followed only on the client's own origin.
 */
export interface LinkHeaderScheme {
  readonly type: 'link-header';
  readonly items: string;
  readonly hasMore?: undefined;
}

/**
 * A list the API sends whole, in one response (`{ object: 'list', data: [...] }` with no paging
 * parameters, or a bare array): a page that iterates like the others and has no next page.
 */
export interface SingleScheme {
  readonly type: 'single';
  /** Response field with the items; a bare array response is read as if it were `{ [items]: [...] }`. */
  readonly items: string;
  readonly hasMore?: undefined;
}

export type PageScheme =
  | CursorScheme
  | ItemIdScheme
  | PageNumberScheme
  | OffsetScheme
  | NextURLScheme
  | LinkHeaderScheme
  | SingleScheme;

/** How to ask for the next page, and a key that must not repeat. */
export interface NextPage {
  readonly request: APIRequest;
  readonly key: string;
}

/** What a page needs from the client to fetch the pages after it. */
export interface PageClient {
  /** The page a request gives, as a plain promise: the pages after the first need no `PagePromise`. */
  fetchPage<P extends Page<Item>, Item>(
    pageClass: PageClass<Page<Item>>,
    request: APIRequest,
    options?: RequestOptions,
  ): Promise<P>;
}

export interface PageContext {
  readonly client: PageClient;
  readonly request: APIRequest;
  readonly options: RequestOptions | undefined;
  /** The response the page came in: its `Link` header, and its URL to resolve a relative link by. */
  readonly response?: { readonly headers: Headers; readonly url: string } | undefined;
}

export interface PageClass<P> {
  new (context: PageContext, body: unknown): P;
  readonly scheme: PageScheme;
  /** How its scheme walks (`cursorWalk`, …, the one of `scheme.type`). */
  readonly walk: PageWalk;
  readonly fieldDefaults?: PageFieldDefaults | undefined;
}

/**
 * What a page holds for an envelope field its body lacks or sends as null (`{ nextCursor: '' }`),
 * as a Stainless page fills it (`this.nextCursor = body.nextCursor || ''`). An array's is a new
 * empty array on each page.
 */
export type PageFieldDefaults = Readonly<Record<string, string | number | boolean | readonly never[]>>;

/** What a scheme's walk reads of a page: its body, its items, and how it was fetched. */
export interface PageState {
  readonly body: Readonly<Record<string, unknown>>;
  readonly items: readonly unknown[];
  readonly request: APIRequest;
  readonly response?: { readonly headers: Headers; readonly url: string } | undefined;
}

/**
 * How a scheme walks a list: the request of the page after a page (`undefined` after the last;
 * a `hasMore` of `false` has ended the walk before), and the key of the request that fetched a
 * page. One for each scheme, named by the generated page class (`static walk = cursorWalk`), so
 * that a bundle holds the walks of the schemes its lists use and no other.
 */
export interface PageWalk<S extends PageScheme = PageScheme> {
  next(scheme: S, page: PageState): NextPage | undefined;
  key(scheme: S, request: APIRequest): string | undefined;
}

/** A walk's step to the next page; set by `Page`, which alone can read a page's cursor. */
let following: <P extends Page<unknown>>(page: P, guard: CursorLoopGuard) => Promise<P> | undefined;

/**
 * Tells whether a walk has met a cursor before, in constant memory however long the walk.
 * The last 64 cursors are remembered exactly, so a short loop stops before a page repeats;
 * longer loops are caught by Brent's cycle detection: one cursor is kept as a checkpoint,
 * moved on after 1, 2, 4, 8, … steps, and any loop comes back to it within twice its length.
 */
class CursorLoopGuard {
  // The last cursors in arrival order, as a ring. Searching it costs ~0.2 µs a page, too
  // little to keep a set of the same cursors beside it.
  readonly #recent: string[] = [];
  #oldest = 0;
  #checkpoint: string | undefined;
  #stepsToMove = 1;
  #steps = 0;

  repeats(cursor: string): boolean {
    if (cursor === this.#checkpoint || this.#recent.includes(cursor)) return true;
    if (this.#recent.length < REMEMBERED_CURSORS) this.#recent.push(cursor);
    else {
      this.#recent[this.#oldest] = cursor;
      this.#oldest = (this.#oldest + 1) % REMEMBERED_CURSORS;
    }
    if (++this.#steps === this.#stepsToMove) {
      this.#checkpoint = cursor;
      this.#stepsToMove *= 2;
      this.#steps = 0;
    }
    return false;
  }
}

/**
 * One page of a list, with every field of the response envelope, that walks the pages
 * after it. Each named page class of a client (e.g. `NextCursorPage`) sets `scheme`.
 */
export class Page<Item> implements AsyncIterable<Item> {
  readonly #context: PageContext;
  readonly #scheme: PageScheme;
  readonly #walk: PageWalk;
  readonly #body: Readonly<Record<string, unknown>>;

  constructor(context: PageContext, body: unknown) {
    const { scheme, walk } = new.target as unknown as Partial<PageClass<unknown>>;
    if (scheme === undefined || walk === undefined)
      throw new SDKError(`${new.target.name} has no pagination scheme, or no walk of it.`);
    // A bare array is the items, under the scheme's field: a whole list, a page numbered or
    // linked to the next, or the array side of an answer that is a page or an array.
    if (Array.isArray(body)) body = { [scheme.items]: body };
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new SDKError(`Expected a JSON object as the page of ${context.request.path}, got ${describe(body)}.`);
    }
    this.#context = context;
    this.#scheme = scheme;
    this.#walk = walk;
    this.#body = body as Record<string, unknown>;
    // The envelope's fields (`data`, `has_more`, `next`, …) become the page's own, except
    // any that would hide a method of the page.
    const reserved = reservedNames(new.target);
    for (const key in body) {
      if (Object.hasOwn(body, key) && !reserved.has(key)) (this as Record<string, unknown>)[key] = this.#body[key];
    }
    const defaults = (new.target as unknown as Partial<PageClass<unknown>>).fieldDefaults ?? {};
    for (const [key, value] of Object.entries(defaults)) {
      const fields = this as Record<string, unknown>;
      if (!reserved.has(key) && (fields[key] === undefined || fields[key] === null))
        fields[key] = Array.isArray(value) ? [] : value;
    }
  }

  /** The items of this page only. */
  getPaginatedItems(): Item[] {
    const items = this.#body[this.#scheme.items];
    return Array.isArray(items) ? (items as Item[]) : [];
  }

  /**
   * Whether a next page exists: the response did not say it was the last, and it tells
   * how to get the next one. An empty page with a cursor is not the end.
   */
  hasNextPage(): boolean {
    return this.#next() !== undefined;
  }

  /**
   * The request of the next page (its method, path, query and body, the cursor in place), or
   * `null` after the last: what Stainless clients' pages call `nextPageRequestOptions()`.
   */
  nextPageRequestOptions(): APIRequest | null {
    return this.#next()?.request ?? null;
  }

  /** Fetches the page after this one, with the same parameters and options. */
  async getNextPage(): Promise<this> {
    const next = this.#next();
    if (next === undefined) throw new SDKError('There is no next page; check hasNextPage() first.');
    return this.#fetch(next);
  }

  #fetch(next: NextPage): Promise<this> {
    if (next.key === this.#key()) return Promise.reject(repeatedCursor(next.key));
    const { options, client } = this.#context;
    return client.fetchPage<this, Item>(this.constructor as PageClass<Page<Item>>, next.request, options);
  }

  /**
   * This page and every page after it that has items. Throws `PaginationError` when the server
   * sends a cursor again (see `CursorLoopGuard`), so a buggy server cannot keep the walk looping.
   */
  async *iterPages(): AsyncGenerator<this, void, undefined> {
    const guard = new CursorLoopGuard();
    yield this;
    for (let page = await this.#following(guard); page !== undefined; page = await page.#following(guard)) {
      // An empty page after the first (the one an offset or a page number ends at, or one a
      // server sends after saying it had more) is a step of the walk, not a page to hand out:
      // the walk goes on through it where it leads further, and never ends on it.
      if (page.getPaginatedItems().length > 0) yield page;
    }
  }

  /** Every item of this page and of every page after it. */
  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return itemIterator(() => Promise.resolve(this));
  }

  /** One step of a walk: the page after this one, or `undefined` after the last. */
  #following(guard: CursorLoopGuard): Promise<this> | undefined {
    const next = this.#next();
    if (next === undefined) return undefined;
    if (guard.repeats(next.key)) return Promise.reject(repeatedCursor(next.key));
    return this.#fetch(next);
  }

  static {
    // The item iterator below walks pages with the same step as iterPages(), without an
    // async generator between it and the pages.
    following = (page, guard) => page.#following(guard);
  }

  /** The request for the next page, or `undefined` on the last page. */
  #next(): NextPage | undefined {
    const scheme = this.#scheme;
    const body = this.#body;
    if (scheme.hasMore !== undefined && fieldOf(body, scheme.hasMore) === false) return undefined;
    const { request, response } = this.#context;
    return this.#walk.next(scheme, { body, items: this.getPaginatedItems(), request, response });
  }

  /** The key of the request that fetched this page, to catch a server that points back at it. */
  #key(): string | undefined {
    return this.#walk.key(this.#scheme, this.#context.request);
  }
}

/** The cursor in a response field, sent back as a request parameter. */
export const cursorWalk: PageWalk<CursorScheme> = {
  next: (scheme, { body, request }) => {
    const cursor = asCursor(fieldOf(body, scheme.cursorField));
    return cursor === undefined ? undefined : withParam(request, scheme.cursorParam, cursor);
  },
  key: (scheme, request) => asCursor(pageParams(request)[scheme.cursorParam]),
};

/** A field of the page's last item (its first, paging backward) sent back as a request parameter. */
export const itemIdWalk: PageWalk<ItemIdScheme> = {
  next: (scheme, { items, request }) => {
    const param = itemIdParam(scheme, pageParams(request));
    // Backward, the page before this one ends before its first item.
    const edge: unknown = param === scheme.cursorParam ? items[items.length - 1] : items[0];
    const cursor =
      edge !== null && typeof edge === 'object'
        ? asCursor((edge as Record<string, unknown>)[scheme.idField])
        : undefined;
    return cursor === undefined ? undefined : withParam(request, param, cursor);
  },
  key: (scheme, request) => {
    const params = pageParams(request);
    return asCursor(params[itemIdParam(scheme, params)]);
  },
};

/** The page number counted up, until a page is empty or the last of `totalPages`. */
export const pageNumberWalk: PageWalk<PageNumberScheme> = {
  next: (scheme, { body, items, request }) => {
    if (items.length === 0) return undefined;
    const current = asNumber(pageParams(request)[scheme.pageParam]) ?? 1;
    const total = scheme.totalPages === undefined ? undefined : asNumber(fieldOf(body, scheme.totalPages));
    return total !== undefined && current >= total ? undefined : withParam(request, scheme.pageParam, current + 1);
  },
  key: (scheme, request) => asCursor(pageParams(request)[scheme.pageParam]),
};

/** The offset moved on by the items received, until a page is empty or the `total` is reached. */
export const offsetWalk: PageWalk<OffsetScheme> = {
  next: (scheme, { body, items, request }) => {
    if (items.length === 0) return undefined;
    const next = (asNumber(pageParams(request)[scheme.offsetParam]) ?? 0) + items.length;
    const total = scheme.total === undefined ? undefined : asNumber(fieldOf(body, scheme.total));
    return total !== undefined && next >= total ? undefined : withParam(request, scheme.offsetParam, next);
  },
  key: (scheme, request) => asCursor(pageParams(request)[scheme.offsetParam]),
};

/** The URL in a response field. */
export const nextURLWalk: PageWalk<NextURLScheme> = {
  next: (scheme, { body, request }) => followURL(request, asCursor(fieldOf(body, scheme.urlField))),
  key: (_scheme, request) => request.path,
};

/** The `rel="next"` URL of the response's `Link` header. */
export const linkHeaderWalk: PageWalk<LinkHeaderScheme> = {
  next: (_scheme, { request, response }) => followURL(request, nextLink(response)),
  key: (_scheme, request) => request.path,
};

/** A list sent whole: no page after the first. */
export const singleWalk: PageWalk<SingleScheme> = {
  next: () => undefined,
  key: () => undefined,
};

/** The request of a next page's URL, which carries its own query: nothing of the first request's is added to it. */
function followURL(request: APIRequest, url: string | undefined): NextPage | undefined {
  if (url === undefined) return undefined;
  const template = request.template ?? request.path;
  return {
    request: { method: request.method, path: url, template, auth: request.auth, format: request.format },
    key: url,
  };
}

/**
 * The items of a first page and of every page after it. Written by hand rather than as
 * nested async generators: an item then costs one promise, and a page no generator step,
 * which keeps walking a long list close to the speed of a raw fetch loop.
 */
export function itemIterator<Item>(
  firstPage: () => PromiseLike<Page<Item>>,
): AsyncIterator<Item> & AsyncIterable<Item> {
  const guard = new CursorLoopGuard();
  let page: Page<Item> | undefined;
  let items: readonly Item[] = [];
  let index = 0;
  let done = false;
  // Between pages: fetches pages until one has items, or the walk ends.
  const nextPage = async (): Promise<IteratorResult<Item, undefined>> => {
    while (index >= items.length) {
      const next = done ? undefined : page === undefined ? firstPage() : following(page, guard);
      if (next === undefined) {
        done = true;
        return { value: undefined, done: true };
      }
      page = await next;
      items = page.getPaginatedItems();
      index = 0;
    }
    return { value: items[index++] as Item, done: false };
  };
  const iterator: AsyncIterator<Item> & AsyncIterable<Item> = {
    // Not `async`: an item already at hand costs one resolved promise and nothing more.
    next(): Promise<IteratorResult<Item, undefined>> {
      return index < items.length ? Promise.resolve({ value: items[index++] as Item, done: false }) : nextPage();
    },
    // Leaving a `for await` early: nothing is in flight between items, so there is nothing to cancel.
    return(): Promise<IteratorResult<Item, undefined>> {
      done = true;
      items = [];
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** The parameter a walk by item ids sends: `beforeParam` when the first request set it, else `cursorParam`. */
function itemIdParam(scheme: ItemIdScheme, query: Readonly<Record<string, unknown>>): string {
  return scheme.beforeParam !== undefined && asCursor(query[scheme.beforeParam]) !== undefined
    ? scheme.beforeParam
    : scheme.cursorParam;
}

/** A response field: a top-level key, else a dotted path into nested objects (`next_page.offset`). */
function fieldOf(body: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(body, path) || !path.includes('.')) return body[path];
  let value: unknown = body;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key))
      return undefined;
    value = (value as Readonly<Record<string, unknown>>)[key];
  }
  return value;
}

/** Where the request carries its page parameters: its query, or its JSON body (`pageParamsIn: 'body'`). */
function pageParams(request: APIRequest): Readonly<Record<string, unknown>> {
  const params = request.pageParamsIn === 'body' ? request.body : request.query;
  return (params !== null && typeof params === 'object' ? params : {}) as Readonly<Record<string, unknown>>;
}

/** The same request with one page parameter set, in the query or the body: the next page's. */
function withParam(request: APIRequest, param: string, value: string | number): NextPage {
  // Assigned rather than a computed key after a spread, which V8 builds on a slow path.
  const next: Record<string, unknown> = { ...pageParams(request) };
  next[param] = value;
  const nextRequest = request.pageParamsIn === 'body' ? { ...request, body: next } : { ...request, query: next };
  return { request: nextRequest, key: String(value) };
}

const reservedByClass = new WeakMap<object, ReadonlySet<string>>();

/** Every name a page of this class has from its prototypes (methods, `constructor`, `__proto__`, …), worked out once per class. */
function reservedNames(pageClass: object): ReadonlySet<string> {
  let names = reservedByClass.get(pageClass);
  if (names === undefined) {
    const found = new Set<string>(['__proto__']);
    for (
      let proto: object | null = (pageClass as { prototype: object }).prototype;
      proto !== null;
      proto = Object.getPrototypeOf(proto)
    ) {
      for (const name of Object.getOwnPropertyNames(proto)) found.add(name);
    }
    names = found;
    reservedByClass.set(pageClass, names);
  }
  return names;
}

/**
 * The `rel="next"` target of an RFC 8288 `Link` header, resolved against the response's URL:
 * `<https://api.github.com/repos?page=2>; rel="next", <…>; rel="last"`. A relation may be one
 * of several (`rel="next last"`), quoted or not, in any case; parameter values may be quoted
 * strings with commas in them.
 */
export function nextLink(
  response: { readonly headers: Headers; readonly url: string } | undefined,
): string | undefined {
  const header = response?.headers.get('link');
  if (header === null || header === undefined) return undefined;
  const link = /<([^>]*)>((?:\s*;\s*[^\s;,=]+(?:\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^\s;,]*))?)*)/g;
  for (const [, target, params] of header.matchAll(link)) {
    const rel = /;\s*rel\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;,]*))/i.exec(params ?? '');
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!relations.includes('next') || target === undefined) continue;
    try {
      return new URL(target, response?.url || undefined).toString();
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A usable cursor: a non-empty string, or a finite number as text. */
function asCursor(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
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
