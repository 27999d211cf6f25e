import type { OperationModel, PageScheme } from '../model/model.js';
import { objectProperties } from '../model/type-queries.js';
import type { Problem } from '../values/validate-value.js';
import type { SchemaLookup } from './fake-data.js';
import type { Item } from './store.js';

/** Query parameters that set a page's size, by their usual names. */
export const PAGE_SIZE = /^(limit|per_page|perPage|page_size|pageSize|size|max_results|maxResults|top)$/;
const DEFAULT_PAGE_SIZE = 20;
/** The next-URL scheme's own cursor parameter: the mock makes the URLs, so it picks the name. */
export const NEXT_URL_CURSOR = 'cursor';

export interface PageRequest {
  readonly operation: OperationModel;
  readonly scheme: PageScheme;
  /** The request's query, typed; with `paramsIn: 'body'`, the JSON body's fields over it. */
  readonly query: Readonly<Record<string, unknown>>;
  /** Where the page parameters are: the query, or the JSON body (`pageParamsIn: 'body'`), for the problems' `where`. */
  readonly paramsIn: 'query' | 'body';
  /** The URL asked for, to make next-page URLs from. */
  readonly url: URL;
  readonly idField: string | undefined;
  readonly lookup: SchemaLookup;
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
  const { scheme, query, paramsIn } = request;
  const size = pageSize(request);
  const keyOf = (item: Item | undefined, position: number): string | null => {
    if (item === undefined) return null;
    const field = scheme.type === 'item-id' ? scheme.idField : request.idField;
    return field !== undefined && item[field] !== undefined ? String(item[field]) : `position_${position}`;
  };
  // A cursor named for an id (`last_id`) is the item's id; any other (`next_cursor`, Asana's
  // `next_page.offset`) is an opaque token, which a client can only send back as it was given.
  const opaque = scheme.type === 'cursor' && !ID_NAME.test(scheme.cursorField.split('.').at(-1) ?? '');
  const cursorOf = (item: Item | undefined, position: number): string | null => {
    const key = keyOf(item, position);
    return key === null || !opaque ? key : tokenOf(key);
  };
  let start = 0;
  let end: number | undefined;
  const fields: Record<string, unknown> = {};
  switch (scheme.type) {
    case 'cursor':
    case 'item-id':
    case 'next-url':
    case 'link-header': {
      const byURL = scheme.type === 'next-url' || scheme.type === 'link-header';
      const before = scheme.type === 'item-id' ? scheme.beforeParam : undefined;
      const backward = before !== undefined && isSet(query[before]);
      const param = byURL ? NEXT_URL_CURSOR : backward ? (before as string) : scheme.cursorParam;
      const cursor = byURL ? request.url.searchParams.get(NEXT_URL_CURSOR) : query[param];
      if (backward && isSet(query[(scheme as { cursorParam: string }).cursorParam]))
        return {
          where: `${paramsIn}.${param}`,
          message: `cannot be sent with ${(scheme as { cursorParam: string }).cursorParam}: a page is after an item or before one`,
        };
      if (isSet(cursor)) {
        const at = all.findIndex((item, i) => cursorOf(item, i) === String(cursor));
        if (at < 0)
          return {
            where: `${paramsIn}.${param}`,
            message: opaque
              ? `is not a cursor of this list: ${JSON.stringify(String(cursor))} is no token this list handed out`
              : `is not a cursor of this list: no item has the id ${JSON.stringify(String(cursor))}`,
          };
        // Backward, the page is the items just before the cursor's.
        if (backward) {
          end = at;
          start = Math.max(0, at - size);
        } else start = at + 1;
      }
      break;
    }
    case 'page-number': {
      const page = Number(query[scheme.pageParam] ?? 1);
      if (!Number.isInteger(page) || page < 1)
        return {
          where: `${paramsIn}.${scheme.pageParam}`,
          message: `must be a whole number ≥ 1, got ${String(query[scheme.pageParam])}`,
        };
      start = (page - 1) * size;
      if (scheme.totalPages !== undefined)
        setField(fields, scheme.totalPages, Math.ceil(all.length / Math.max(size, 1)), request);
      break;
    }
    case 'offset': {
      const offset = Number(query[scheme.offsetParam] ?? 0);
      if (!Number.isInteger(offset) || offset < 0)
        return {
          where: `${paramsIn}.${scheme.offsetParam}`,
          message: `must be a whole number ≥ 0, got ${String(query[scheme.offsetParam])}`,
        };
      start = offset;
      if (scheme.total !== undefined) setField(fields, scheme.total, all.length, request);
      break;
    }
    case 'single':
      // The whole list, in one answer.
      return { items: all, fields, facts: { start: 0, size: all.length, total: all.length } };
    default:
      return assertNever(scheme);
  }
  const items = end === undefined ? all.slice(start, start + size) : all.slice(start, end);
  const facts = { start, size, total: all.length };
  // `limit=0` answers an empty page that still says more exist, as real APIs do. Walking
  // backward, more are the items before the page.
  const more = end === undefined ? start + items.length < all.length : start > 0;
  const last = cursorOf(items.at(-1), start + items.length - 1);
  const set = (path: string, value: unknown): void => setField(fields, path, value, request);
  if (scheme.hasMore !== undefined) set(scheme.hasMore, more);
  switch (scheme.type) {
    case 'cursor':
      // With a has-more flag the cursor field is the page's last id either way (`last_id`);
      // without one, `null` is what says the list ended: the object it is in, for a nested one
      // (Asana's `next_page` is null on the last page).
      if (scheme.hasMore !== undefined || more) set(scheme.cursorField, last);
      else set(nestedIn(scheme.cursorField, request) ?? scheme.cursorField, null);
      break;
    case 'next-url':
    case 'link-header': {
      const next = new URL(request.url);
      // An empty page (limit=0) leads on from where it asked.
      next.searchParams.set(NEXT_URL_CURSOR, last ?? request.url.searchParams.get(NEXT_URL_CURSOR) ?? '');
      if (scheme.type === 'next-url') set(scheme.urlField, more ? next.toString() : null);
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

const ID_NAME = /^(id|.+_id|.+Id|.+ID)$/;

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** An opaque token for the place after an item: what a client cannot make up, only send back. */
function tokenOf(key: string): string {
  return Buffer.from(JSON.stringify({ after: key })).toString('base64url');
}

/**
 * The object a dotted path's field is in (`next_page` of `next_page.offset`), or `undefined`
 * for a top-level field: one the response declares by that whole name (`@odata.nextLink`).
 */
function nestedIn(path: string, request: PageRequest): string | undefined {
  if (!path.includes('.')) return undefined;
  const type = request.operation.response.type;
  const declared = type !== undefined && objectProperties(type, request.lookup).some((p) => p.name === path);
  return declared ? undefined : path.slice(0, path.lastIndexOf('.'));
}

/** Sets a response field the scheme reads, making the objects a nested one is in (`{ next_page: { offset } }`). */
function setField(fields: Record<string, unknown>, path: string, value: unknown, request: PageRequest): void {
  if (nestedIn(path, request) === undefined) {
    fields[path] = value;
    return;
  }
  const keys = path.split('.');
  let object = fields;
  for (const key of keys.slice(0, -1)) {
    const inner = object[key];
    const next: Record<string, unknown> =
      inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>) : {};
    object[key] = next;
    object = next;
  }
  object[keys.at(-1) as string] = value;
}

/** The page size the request asks for (in the body too, for a list paged there), else the parameter's default, else 20. */
function pageSize(request: PageRequest): number {
  const param = request.operation.queryParams.find((p) => PAGE_SIZE.test(p.name));
  const inBody =
    param === undefined && request.paramsIn === 'body'
      ? Object.keys(request.query).find((name) => PAGE_SIZE.test(name))
      : undefined;
  if (param === undefined && inBody === undefined) return DEFAULT_PAGE_SIZE;
  const asked = request.query[param?.name ?? (inBody as string)];
  const fallback = param?.docs.default?.value;
  const size = typeof asked === 'number' ? asked : typeof fallback === 'number' ? fallback : DEFAULT_PAGE_SIZE;
  return Math.max(0, Math.floor(size));
}

function assertNever(value: never): never {
  throw new Error(`Unknown pagination scheme: ${JSON.stringify(value)}`);
}
