// How a page walks on: where it reads the next cursor (nested fields too), which way an item-id
// walk goes, and which pages iterPages() hands out. Against a server on 127.0.0.1.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BaseClient } from '../../generator/runtime/client.js';
import {
  cursorWalk,
  itemIdWalk,
  linkHeaderWalk,
  nextURLWalk,
  offsetWalk,
  Page,
  type PageClass,
  type PageScheme,
  type PageWalk,
  pageNumberWalk,
  singleWalk,
} from '../../generator/runtime/pagination.js';

/** What the test server answers for a request's query. */
type Answer = (query: URLSearchParams) => unknown;

let server: Server | undefined;
let asked: string[] = [];

async function serve(answer: Answer): Promise<BaseClient> {
  asked = [];
  server = createServer((req, res: ServerResponse) => {
    const url = new URL(req.url ?? '', 'http://x');
    asked.push(url.search);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer(url.searchParams)));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return new BaseClient({ maxRetries: 0 }, { baseURL, auth: [], credentials: {} });
}

afterEach(async () => {
  const running = server;
  server = undefined;
  running?.closeAllConnections();
  await new Promise((resolve) => running?.close(resolve));
});

/** Each scheme's walk, as a generated page class names it. */
const WALKS: Readonly<Record<PageScheme['type'], PageWalk>> = {
  cursor: cursorWalk,
  'item-id': itemIdWalk,
  'page-number': pageNumberWalk,
  offset: offsetWalk,
  'next-url': nextURLWalk,
  'link-header': linkHeaderWalk,
  single: singleWalk,
};

function pageClass(scheme: PageScheme): PageClass<Page<unknown>> {
  return class extends Page<unknown> {
    static readonly scheme = scheme;
    static readonly walk = WALKS[scheme.type];
  };
}

/** The item counts of the pages iterPages() yields, and every item the page iterator gives. */
async function walk(
  client: BaseClient,
  scheme: PageScheme,
  query: Record<string, unknown> = {},
): Promise<{ pages: number[]; items: unknown[] }> {
  const request = { method: 'get' as const, path: '/l', query };
  const first = await client.requestPage<Page<unknown>, unknown>(pageClass(scheme), request);
  const pages: number[] = [];
  for await (const page of first.iterPages()) pages.push(page.getPaginatedItems().length);
  const items: unknown[] = [];
  for await (const item of client.requestPage<Page<unknown>, unknown>(pageClass(scheme), request)) items.push(item);
  return { pages, items };
}

const OFFSET: PageScheme = { type: 'offset', items: 'data', offsetParam: 'offset' };
const CURSOR: PageScheme = {
  type: 'cursor',
  items: 'data',
  hasMore: 'has_more',
  cursorField: 'next',
  cursorParam: 'after',
};
const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

describe('iterPages', () => {
  it('never yields the empty page an offset walk ends at', async () => {
    // Six items by three: the third request answers an empty page, which only says the list ended.
    const client = await serve((q) => ({ data: range(Number(q.get('offset') ?? 0), 6).slice(0, 3) }));
    const { pages, items } = await walk(client, OFFSET);
    expect(pages).toEqual([3, 3]);
    expect(items).toEqual([0, 1, 2, 3, 4, 5]);
    expect(asked.slice(0, 3)).toEqual(['', '?offset=3', '?offset=6']);
  });

  it('never yields an empty last page a server sends after saying it had more', async () => {
    const client = await serve((q) => {
      const after = q.get('after');
      if (after === null) return { data: [1, 2], has_more: true, next: 'c1' };
      if (after === 'c1') return { data: [3, 4], has_more: true, next: 'c2' };
      return { data: [], has_more: false, next: null };
    });
    expect(await walk(client, CURSOR)).toEqual({ pages: [2, 2], items: [1, 2, 3, 4] });
  });

  it('walks through an empty page that leads on, yielding the pages with items', async () => {
    const client = await serve((q) => {
      const after = q.get('after');
      if (after === null) return { data: [1], has_more: true, next: 'c1' };
      if (after === 'c1') return { data: [], has_more: true, next: 'c2' };
      return { data: [2], has_more: false };
    });
    expect(await walk(client, CURSOR)).toEqual({ pages: [1, 1], items: [1, 2] });
  });

  it('yields the first page even when it is empty: an empty list is one empty page', async () => {
    const client = await serve(() => ({ data: [], has_more: false }));
    expect(await walk(client, CURSOR)).toEqual({ pages: [0], items: [] });
  });
});

describe('nextPageRequestOptions', () => {
  it("gives the next page's request, its cursor in the query, and null after the last page", async () => {
    const client = await serve((q) =>
      q.get('after') === null ? { data: [1, 2], has_more: true, next: 'c2' } : { data: [3], has_more: false },
    );
    const request = { method: 'get' as const, path: '/l', query: { limit: 2 } };
    const first = await client.requestPage<Page<unknown>, unknown>(pageClass(CURSOR), request);
    expect(first.nextPageRequestOptions()).toMatchObject({
      method: 'get',
      path: '/l',
      query: { limit: 2, after: 'c2' },
    });
    const last = await first.getNextPage();
    expect(asked).toEqual(['?limit=2', '?limit=2&after=c2']);
    expect(last.nextPageRequestOptions()).toBeNull();
  });
});

describe('a page class', () => {
  it('walks by the walk it names, which a bundle keeps, and refuses to be made without one', async () => {
    const client = await serve(() => ({ data: [2], has_more: false }));
    const context = { client, request: { method: 'get' as const, path: '/l' }, options: undefined };
    const NoWalk = class extends Page<unknown> {
      static readonly scheme: PageScheme = CURSOR;
    };
    expect(() => new NoWalk(context, { data: [] })).toThrow('has no pagination scheme, or no walk of it.');
    // The walk decides the next request: a cursor scheme walked as a single list has none.
    const Whole = class extends Page<unknown> {
      static readonly scheme: PageScheme = CURSOR;
      static readonly walk = singleWalk;
    };
    expect(new Whole(context, { data: [1], has_more: true, next: 'c2' }).hasNextPage()).toBe(false);
    const cursorPage = new (pageClass(CURSOR))(context, { data: [1], has_more: true, next: 'c2' });
    expect(cursorPage.hasNextPage()).toBe(true);
    expect((await cursorPage.getNextPage()).getPaginatedItems()).toEqual([2]);
    expect(asked).toEqual(['?after=c2']);
  });
});

describe('where the next page is read from', () => {
  it('reads a cursor nested in the answer, and ends where its object is null (Asana’s next_page.offset)', async () => {
    const tokens = ['eyJhIjoxfQ', 'eyJhIjoyfQ'];
    const client = await serve((q) => {
      const at = q.get('offset') === null ? 0 : tokens.indexOf(q.get('offset') as string) + 1;
      const next = tokens[at];
      return {
        data: [`item ${at}`],
        next_page: next === undefined ? null : { offset: next, path: `/l?offset=${next}`, uri: 'https://x/l' },
      };
    });
    const scheme: PageScheme = {
      type: 'cursor',
      items: 'data',
      cursorField: 'next_page.offset',
      cursorParam: 'offset',
    };
    expect(await walk(client, scheme, { limit: 1 })).toEqual({
      pages: [1, 1, 1],
      items: ['item 0', 'item 1', 'item 2'],
    });
    expect(asked.slice(0, 3)).toEqual(['?limit=1', `?limit=1&offset=${tokens[0]}`, `?limit=1&offset=${tokens[1]}`]);
  });

  it('reads a nested has-more flag, and a top-level key with a dot in its name as itself', async () => {
    const client = await serve((q) => ({
      data: [q.get('after') ?? 'first'],
      meta: { has_more: q.get('after') === null },
      'odata.next': 'second',
    }));
    const scheme: PageScheme = {
      type: 'cursor',
      items: 'data',
      hasMore: 'meta.has_more',
      cursorField: 'odata.next',
      cursorParam: 'after',
    };
    expect(await walk(client, scheme)).toEqual({ pages: [1, 1], items: ['first', 'second'] });
  });
});

describe('a walk by item ids', () => {
  const cards = range(0, 7).map((n) => ({ token: `card_${n}` }));
  // Lithic's lists: a page after an item, or before one, and whether more lie that way.
  const lithic: Answer = (q) => {
    const after = q.get('starting_after');
    const before = q.get('ending_before');
    const size = Number(q.get('page_size') ?? 3);
    if (before !== null) {
      const end = cards.findIndex((c) => c.token === before);
      return { data: cards.slice(Math.max(0, end - size), end), has_more: end - size > 0 };
    }
    const start = after === null ? 0 : cards.findIndex((c) => c.token === after) + 1;
    return { data: cards.slice(start, start + size), has_more: start + size < cards.length };
  };
  const scheme: PageScheme = {
    type: 'item-id',
    items: 'data',
    hasMore: 'has_more',
    idField: 'token',
    cursorParam: 'starting_after',
    beforeParam: 'ending_before',
  };

  it('goes forward after the last item’s id field, whatever it is called', async () => {
    const { pages, items } = await walk(await serve(lithic), scheme);
    expect(pages).toEqual([3, 3, 1]);
    expect(items).toEqual(cards);
    expect(asked.slice(0, 3)).toEqual(['', '?starting_after=card_2', '?starting_after=card_5']);
  });

  it('goes backward before the first item’s, when the first request pages backward', async () => {
    const { pages, items } = await walk(await serve(lithic), scheme, { ending_before: 'card_6' });
    expect(pages).toEqual([3, 3]);
    expect(items).toEqual([...cards.slice(3, 6), ...cards.slice(0, 3)]);
    expect(asked.slice(0, 2)).toEqual(['?ending_before=card_6', '?ending_before=card_3']);
  });
});

describe('the fields a page fills where the body has none', () => {
  const DEFAULTED = class extends Page<unknown> {
    static readonly scheme: PageScheme = {
      type: 'cursor',
      items: 'data',
      hasMore: 'hasMore',
      cursorField: 'nextCursor',
      cursorParam: 'cursor',
    };
    static readonly walk = cursorWalk;
    static readonly fieldDefaults = { data: [], nextCursor: '', hasMore: false, totalCount: 0 };
  };

  it("holds the class's default for a missing or null field, and the body's value where it sends one (Stainless's `body.nextCursor || ''`)", async () => {
    const client = await serve(() => ({ hasMore: true, nextCursor: null }));
    const page = (await client.requestPage(DEFAULTED, { method: 'get', path: '/l', query: {} })) as unknown as Record<
      string,
      unknown
    > &
      Page<unknown>;
    expect([page['data'], page['nextCursor'], page['hasMore'], page['totalCount']]).toEqual([[], '', true, 0]);
    // The cursor read from the body is still absent: no next page is asked for.
    expect(page.hasNextPage()).toBe(false);
  });

  it('gives each page its own empty array', async () => {
    const client = await serve(() => ({}));
    const request = { method: 'get' as const, path: '/l', query: {} };
    const [a, b] = (await Promise.all([
      client.requestPage(DEFAULTED, request),
      client.requestPage(DEFAULTED, request),
    ])) as unknown as Record<string, unknown>[];
    expect(a?.['data']).not.toBe(b?.['data']);
  });

  it('leaves a class without defaults as its body is', async () => {
    const client = await serve(() => ({ data: [] }));
    const page = (await client.requestPage(pageClass(CURSOR), {
      method: 'get',
      path: '/l',
      query: {},
    })) as unknown as Record<string, unknown>;
    expect('has_more' in page).toBe(false);
  });
});
