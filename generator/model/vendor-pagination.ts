/**
 * Pagination declared in other generators' extensions, read as sdkgen's own schemes:
 * - AutoRest's `x-ms-pageable` (`nextLinkName`, `itemName`: Azure, Microsoft Graph);
 * - Speakeasy's `x-speakeasy-pagination` (`type: offsetLimit | cursor | url`, `inputs`, `outputs`);
 * - Fern's `x-fern-pagination` (`cursor`/`next_cursor`, `offset`/`step`, `next_uri`, `results`).
 * Cursors, next URLs, has-more flags and totals may be nested (`$.next_page.offset`); what cannot
 * be expressed (items below the top level, a cursor sent in the body) is kept as a problem, which
 * `sdkgen plan` shows as the reason the list is not paginated.
 */

import type { PageScheme } from './model.js';
import { isRecord } from './spec-context.js';

export type VendorExtension = 'x-ms-pageable' | 'x-speakeasy-pagination' | 'x-fern-pagination';

export interface VendorPagination {
  readonly source: VendorExtension;
  /** The scheme it declares, in sdkgen's terms; `undefined` with a problem. */
  readonly scheme: PageScheme | undefined;
  readonly problem: string | undefined;
}

/** The vendor pagination an operation declares, if any (the first of the three it has). */
export function readVendorPagination(
  operation: Readonly<Record<string, unknown>>,
  document: Readonly<Record<string, unknown>>,
): VendorPagination | undefined {
  if (operation['x-ms-pageable'] !== undefined) return fromAutoRest(operation['x-ms-pageable']);
  if (operation['x-speakeasy-pagination'] !== undefined) return fromSpeakeasy(operation['x-speakeasy-pagination']);
  const fern = operation['x-fern-pagination'];
  // `x-fern-pagination: true` takes the document's.
  if (fern !== undefined && fern !== false) return fromFern(fern === true ? document['x-fern-pagination'] : fern);
  return undefined;
}

const ok = (source: VendorExtension, scheme: PageScheme): VendorPagination => ({ source, scheme, problem: undefined });
const problem = (source: VendorExtension, text: string): VendorPagination => ({
  source,
  scheme: undefined,
  problem: text,
});

/** `{ nextLinkName: nextLink, itemName: value }`; a `null` next link is one page. */
function fromAutoRest(raw: unknown): VendorPagination {
  const source = 'x-ms-pageable';
  if (!isRecord(raw)) return problem(source, 'is not a mapping');
  const items = raw['itemName'] ?? 'value';
  if (typeof items !== 'string') return problem(source, 'has an itemName that is not a string');
  const next = raw['nextLinkName'];
  if (next === null) return ok(source, { type: 'single', items });
  if (next !== undefined && typeof next !== 'string') return problem(source, 'has a nextLinkName that is not a string');
  return ok(source, { type: 'next-url', items, urlField: next ?? 'nextLink' });
}

/** A top-level field of a JSONPath (`$.data`, `$['data']`, `$response.data` for Fern), or `undefined`. */
function topField(path: unknown, root: string): string | undefined {
  if (typeof path !== 'string') return undefined;
  const escaped = root.replace(/\$/g, '\\$');
  const match =
    new RegExp(`^${escaped}\\.([A-Za-z_@$][\\w$@.-]*)$`).exec(path) ??
    new RegExp(`^${escaped}\\[(?:'([^']+)'|"([^"]+)")\\]$`).exec(path);
  const field = match?.[1] ?? match?.[2];
  // A dotted rest is a nested path, except an OData name such as `@odata.nextLink`.
  return field === undefined || (field.includes('.') && !field.startsWith('@')) ? undefined : field;
}

/**
 * A response field a scheme reads besides the items: top-level (`$.next`), or a dotted path
 * into nested objects (`$.next_page.offset`, `$response.meta.next_cursor`), as sdkgen's schemes
 * write it.
 */
function responseField(path: unknown, root: string): string | undefined {
  const top = topField(path, root);
  if (top !== undefined || typeof path !== 'string') return top;
  const escaped = root.replace(/\$/g, '\\$');
  const match = new RegExp(`^${escaped}((?:\\.[A-Za-z_$][\\w$-]*){2,})$`).exec(path);
  return match?.[1]?.slice(1);
}

/** `$.data[-1].id`, a field of the last item of the results. */
function lastItemField(path: unknown, results: string): string | undefined {
  if (typeof path !== 'string') return undefined;
  const match = /^\$\.([\w$@-]+)\[-1\]\.([\w$@-]+)$/.exec(path);
  return match?.[1] === results ? match[2] : undefined;
}

function fromSpeakeasy(raw: unknown): VendorPagination {
  const source = 'x-speakeasy-pagination';
  if (!isRecord(raw)) return problem(source, 'is not a mapping');
  const outputs = isRecord(raw['outputs']) ? raw['outputs'] : {};
  const inputs = Array.isArray(raw['inputs']) ? raw['inputs'].filter(isRecord) : [];
  const results = topField(outputs['results'] ?? '$.data', '$');
  if (results === undefined)
    return problem(
      source,
      `reads its results at ${String(outputs['results'])}; sdkgen reads items from a top-level field`,
    );
  const input = (type: string): string | undefined | null => {
    const found = inputs.find((i) => i['type'] === type);
    if (found === undefined) return undefined;
    return found['in'] === 'parameters' && typeof found['name'] === 'string' ? found['name'] : null;
  };
  const inBody = (type: string): VendorPagination =>
    problem(source, `sends its ${type} in the request body; sdkgen sends the next page's in the query`);
  switch (raw['type']) {
    case 'offsetLimit': {
      const page = input('page');
      const offset = input('offset');
      if (page === null) return inBody('page');
      if (offset === null) return inBody('offset');
      if (page !== undefined) {
        const totalPages = responseField(outputs['numPages'], '$');
        return ok(source, {
          type: 'page-number',
          items: results,
          pageParam: page,
          ...(totalPages === undefined ? {} : { totalPages }),
        });
      }
      if (offset !== undefined) return ok(source, { type: 'offset', items: results, offsetParam: offset });
      return problem(source, 'has no page or offset input');
    }
    case 'cursor': {
      const cursor = input('cursor');
      if (cursor === null) return inBody('cursor');
      if (cursor === undefined) return problem(source, 'has no cursor input');
      const idField = lastItemField(outputs['nextCursor'], results);
      if (idField !== undefined) return ok(source, { type: 'item-id', items: results, idField, cursorParam: cursor });
      const cursorField = responseField(outputs['nextCursor'], '$');
      if (cursorField === undefined)
        return problem(
          source,
          `reads its next cursor at ${String(outputs['nextCursor'])}; sdkgen reads a field or a path of fields`,
        );
      return ok(source, { type: 'cursor', items: results, cursorField, cursorParam: cursor });
    }
    case 'url': {
      const urlField = responseField(outputs['nextUrl'], '$');
      if (urlField === undefined)
        return problem(
          source,
          `reads its next URL at ${String(outputs['nextUrl'])}; sdkgen reads a field or a path of fields`,
        );
      return ok(source, { type: 'next-url', items: results, urlField });
    }
    default:
      return problem(source, `has the type ${JSON.stringify(raw['type'])}; known: offsetLimit, cursor, url`);
  }
}

function fromFern(raw: unknown): VendorPagination {
  const source = 'x-fern-pagination';
  if (!isRecord(raw)) return problem(source, 'is not a mapping (nor `true` with one at the top of the document)');
  const results = topField(raw['results'], '$response');
  if (results === undefined)
    return problem(source, `reads its results at ${String(raw['results'])}; sdkgen reads items from a top-level field`);
  const request = (key: string): string | undefined => topField(raw[key], '$request');
  const response = (key: string): string | undefined => responseField(raw[key], '$response');
  const hasMore = response('has-next-page');
  const common = { items: results, ...(hasMore === undefined ? {} : { hasMore }) };
  if (raw['next_uri'] !== undefined) {
    const urlField = response('next_uri');
    return urlField === undefined
      ? problem(source, `reads its next URI at ${String(raw['next_uri'])}; sdkgen reads a field or a path of fields`)
      : ok(source, { type: 'next-url', ...common, urlField });
  }
  if (raw['cursor'] !== undefined) {
    const cursorParam = request('cursor');
    const cursorField = response('next_cursor');
    if (cursorParam === undefined)
      return problem(source, `sends its cursor as ${String(raw['cursor'])}; sdkgen sends a query parameter`);
    if (cursorField === undefined)
      return problem(
        source,
        `reads its next cursor at ${String(raw['next_cursor'])}; sdkgen reads a field or a path of fields`,
      );
    return ok(source, { type: 'cursor', ...common, cursorField, cursorParam });
  }
  if (raw['offset'] !== undefined) {
    const param = request('offset');
    if (param === undefined)
      return problem(source, `sends its offset as ${String(raw['offset'])}; sdkgen sends a query parameter`);
    // Without a step the offset counts pages; with one (`$request.limit`) it moves by the items received.
    return raw['step'] === undefined
      ? ok(source, { type: 'page-number', ...common, pageParam: param })
      : ok(source, { type: 'offset', ...common, offsetParam: param });
  }
  return problem(source, 'has none of cursor, offset or next_uri');
}
