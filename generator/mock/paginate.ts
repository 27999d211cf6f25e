import type { OperationModel, PageScheme } from '../model/model.js';
import type { Problem } from '../values/validate-value.js';
import type { Item } from './store.js';

/** Query parameters that set a page's size, by their usual names. */
export const PAGE_SIZE = /^(limit|per_page|perPage|page_size|pageSize|size|max_results|maxResults|top)$/;
const DEFAULT_PAGE_SIZE = 20;
/** The next-URL scheme's own cursor parameter: the mock makes the URLs, so it picks the name. */
export const NEXT_URL_CURSOR = 'cursor';

export interface PageRequest {
  readonly operation: OperationModel;
  readonly scheme: PageScheme;
  /** The request's query, typed. */
  readonly query: Readonly<Record<string, unknown>>;
  /** The URL asked for, to make next-page URLs from. */
  readonly url: URL;
  readonly idField: string | undefined;
}

export interface PageResult {
  readonly items: readonly Item[];
  /** Envelope fields the scheme fills in (`has_more`, `next`, `total`, …). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Response headers the scheme fills in (a `Link` to the next page). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Where the page starts and ends in the list, for envelope fields any scheme may carry (`page`, `total`). */
  readonly facts: PageFacts;
}

export interface PageFacts {
  /** The first item's position, from 0. */
  readonly start: number;
  readonly size: number;
  readonly total: number;
}

/**
 * One page of `all`, as the operation's pagination scheme says: where it starts (a cursor,
 * a page number, an offset), how many items, and the fields that lead to the next page.
 */
export function pageOf(all: readonly Item[], request: PageRequest): PageResult | Problem {
  const { scheme, query } = request;
  const size = pageSize(request);
  const cursorOf = (item: Item | undefined, position: number): string | null => {
    if (item === undefined) return null;
    const field = scheme.type === 'item-id' ? scheme.idField : request.idField;
    return field !== undefined && item[field] !== undefined ? String(item[field]) : `position_${position}`;
  };
  let start = 0;
  const fields: Record<string, unknown> = {};
  switch (scheme.type) {
    case 'cursor':
    case 'item-id':
    case 'next-url':
    case 'link-header': {
      const byURL = scheme.type === 'next-url' || scheme.type === 'link-header';
      const param = byURL ? NEXT_URL_CURSOR : scheme.cursorParam;
      const cursor = byURL ? request.url.searchParams.get(NEXT_URL_CURSOR) : query[param];
      if (cursor !== undefined && cursor !== null && cursor !== '') {
        const at = all.findIndex((item, i) => cursorOf(item, i) === String(cursor));
        if (at < 0)
          return {
            where: `query.${param}`,
            message: `is not a cursor of this list: no item has the id ${JSON.stringify(String(cursor))}`,
          };
        start = at + 1;
      }
      break;
    }
    case 'page-number': {
      const page = Number(query[scheme.pageParam] ?? 1);
      if (!Number.isInteger(page) || page < 1)
        return {
          where: `query.${scheme.pageParam}`,
          message: `must be a whole number ≥ 1, got ${String(query[scheme.pageParam])}`,
        };
      start = (page - 1) * size;
      if (scheme.totalPages !== undefined) fields[scheme.totalPages] = Math.ceil(all.length / Math.max(size, 1));
      break;
    }
    case 'offset': {
      const offset = Number(query[scheme.offsetParam] ?? 0);
      if (!Number.isInteger(offset) || offset < 0)
        return {
          where: `query.${scheme.offsetParam}`,
          message: `must be a whole number ≥ 0, got ${String(query[scheme.offsetParam])}`,
        };
      start = offset;
      if (scheme.total !== undefined) fields[scheme.total] = all.length;
      break;
    }
    case 'single':
      // The whole list, in one answer.
      return { items: all, fields, facts: { start: 0, size: all.length, total: all.length } };
    default:
      return assertNever(scheme);
  }
  const items = all.slice(start, start + size);
  const facts = { start, size, total: all.length };
  // `limit=0` answers an empty page that still says more exist, as real APIs do.
  const more = start + items.length < all.length;
  const last = cursorOf(items.at(-1), start + items.length - 1);
  if (scheme.hasMore !== undefined) fields[scheme.hasMore] = more;
  switch (scheme.type) {
    case 'cursor':
      // With a has-more flag the cursor field is the page's last id either way (`last_id`);
      // without one, `null` is what says the list ended.
      fields[scheme.cursorField] = scheme.hasMore !== undefined || more ? last : null;
      break;
    case 'next-url':
    case 'link-header': {
      const next = new URL(request.url);
      // An empty page (limit=0) leads on from where it asked.
      next.searchParams.set(NEXT_URL_CURSOR, last ?? request.url.searchParams.get(NEXT_URL_CURSOR) ?? '');
      if (scheme.type === 'next-url') fields[scheme.urlField] = more ? next.toString() : null;
      else if (more) return { items, fields, facts, headers: { link: `<${next.toString()}>; rel="next"` } };
      break;
    }
    case 'item-id':
    case 'page-number':
    case 'offset':
      break;
    default:
      return assertNever(scheme);
  }
  return { items, fields, facts };
}

/** The page size the request asks for, else the parameter's default, else 20. */
function pageSize(request: PageRequest): number {
  const param = request.operation.queryParams.find((p) => PAGE_SIZE.test(p.name));
  if (param === undefined) return DEFAULT_PAGE_SIZE;
  const asked = request.query[param.name];
  const fallback = param.docs.default?.value;
  const size = typeof asked === 'number' ? asked : typeof fallback === 'number' ? fallback : DEFAULT_PAGE_SIZE;
  return Math.max(0, Math.floor(size));
}

function assertNever(value: never): never {
  throw new Error(`Unknown pagination scheme: ${JSON.stringify(value)}`);
}
