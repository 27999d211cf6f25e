/**
 * Pagination read from an operation that declares none: the response's shape and the
 * operation's query parameters say how its pages are reached, by the names and habits of
 * public APIs. Where a list cannot be followed, the reason is kept, for `sdkgen plan`.
 */
import type { PageScheme, PropertyModel, TypeModel } from './model.js';
import type { OperationDraft } from './operations.js';
import type { SchemaConverter } from './schemas.js';

export interface InferredScheme {
  readonly scheme: PageScheme;
  readonly item: TypeModel;
  /** Whether the response is an object around the items (else a bare array). */
  readonly envelope: boolean;
}

/** A list-like operation left unpaginated, and why. */
export interface NotPaginated {
  readonly reason: string;
}

const ITEM_FIELDS = ['data', 'items', 'results', 'records', 'entries', 'values', 'value', 'collection', 'list'];
/** Arrays beside the items that are no list of them: what went wrong, or where else to look. */
const NOT_ITEMS = new Set(['warnings', 'errors', 'messages', 'notices', 'links', '_links', 'problems']);
const HAS_MORE_FIELDS = ['has_more', 'hasMore', 'has_next', 'hasNext', 'has_next_page', 'hasNextPage'];
const CURSOR_FIELDS = [
  'next_cursor',
  'nextCursor',
  'next_page_token',
  'nextPageToken',
  'next_token',
  'nextToken',
  'next_page',
  'nextPage',
  'next',
  'cursor',
];
/**
 * Objects of a list response that hold what leads to the next page: Asana's `next_page.offset`,
 * Slack's `response_metadata.next_cursor`, `meta.has_more`, GraphQL's `pageInfo.endCursor`.
 * Never one about another page (`previous_page`, `first`): its fields would lead back.
 */
const PAGING_OBJECTS = [
  'next_page',
  'nextPage',
  'next',
  'pagination',
  'paging',
  'page_info',
  'pageInfo',
  'meta',
  'metadata',
  'response_metadata',
  'responseMetadata',
];
/** Cursor fields of a paging object besides CURSOR_FIELDS and the cursor parameter's own name. */
const NESTED_CURSOR_FIELDS = ['end_cursor', 'endCursor'];
const CURSOR_PARAMS = [
  'after',
  'cursor',
  'starting_after',
  'page_token',
  'pageToken',
  'next_page_token',
  'nextPageToken',
  'next_token',
  'nextToken',
  'continuation_token',
];
const LAST_ID_FIELDS = ['last_id', 'lastId'];
/** Fields an item is known by, to send back after the last one: `id`, Lithic's `token`, Asana's `gid`. */
const ITEM_ID_FIELDS = ['id', 'token', 'uuid', 'gid'];
/** Parameters that page backward from an item id, beside `starting_after`/`after`. */
const BEFORE_PARAMS = ['ending_before', 'before'];
// OData's `@odata.nextLink` (Microsoft Graph; `odata.nextLink` in OData 3), AutoRest's `nextLink`,
// SoundCloud's `next_href`.
const URL_FIELDS = [
  'next_url',
  'nextUrl',
  'next_link',
  'nextLink',
  'next_page_url',
  'nextPageUrl',
  'next_href',
  '@odata.nextLink',
  'odata.nextLink',
];
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber'];
const TOTAL_PAGES_FIELDS = ['total_pages', 'totalPages', 'page_count', 'pageCount'];
const OFFSET_PARAMS = ['offset', 'skip', '$skip'];
const TOTAL_FIELDS = ['total', 'total_count', 'totalCount', 'count', '@odata.count'];
const SIZE_PARAMS = [
  'limit',
  'per_page',
  'perPage',
  'page_size',
  'pageSize',
  'size',
  'max_results',
  'maxResults',
  '$top',
];
const PAGING_PARAMS = [...CURSOR_PARAMS, ...PAGE_PARAMS, ...OFFSET_PARAMS];

/**
 * Whether a response is a list: an array, an object with an array of items under a list-ish
 * name (`data`, `items`, `value`, …) or beside paging fields (`has_more`, totals), or a union
 * with such a member (`Tracks | TracksList`).
 */
export function isListResponse(schemas: SchemaConverter, type: TypeModel | undefined, path = ''): boolean {
  if (type === undefined) return false;
  if (resolvedArray(schemas, type) !== undefined) return true;
  const envelope = envelopeOf(schemas, type);
  if (envelope === undefined) return false;
  const arrays = itemArrays(schemas, envelope, path);
  if (arrays.some((p) => ITEM_FIELDS.includes(p.name))) return true;
  // `GET /chats/{id}/messages` → `{ messages: [...] }`, `GET /webhook-events` → `{ events: [...], doc_url }`:
  // the one array named after what the path lists is its items, a wrapper or not.
  if (arrays.length === 1 && arrays.some((p) => namedAfterPath(p.name, path))) return true;
  // OneBusAway's `{ code, data: { list: [...], references } }`: the items one level down, in `data`.
  const data = envelope.properties.find((p) => p.name === 'data');
  const inner = data === undefined ? undefined : objectOrNull(schemas, data.type);
  if (inner !== undefined && itemArrays(schemas, inner, path).some((p) => ITEM_FIELDS.includes(p.name))) return true;
  const paging = [
    ...HAS_MORE_FIELDS,
    ...TOTAL_FIELDS,
    ...TOTAL_PAGES_FIELDS,
    ...CURSOR_FIELDS,
    ...LAST_ID_FIELDS,
    ...URL_FIELDS,
  ];
  return arrays.length === 1 && envelope.properties.some((p) => paging.includes(p.name));
}

/**
 * Recognizes the common pagination schemes in an undeclared GET whose response is a list:
 * - a next URL in the body (`next_url`, `@odata.nextLink`, or a `next` of format uri);
 * - a next cursor (`next`, `next_cursor`, …) sent back as `after`/`cursor`/…, or a `last_id`;
 * - the last item's `id` sent back as `after`, when the response says `has_more`;
 * - a next URL in an RFC 8288 `Link` response header (GitHub);
 * - a page number (`page`), or an offset (`offset`) moved on by the items received, also for
 *   a bare array, which ends at an empty page;
 * - a list with no paging parameter at all, sent whole.
 * `undefined` for what is no list; a reason for a list it cannot follow.
 */
export function inferScheme(
  schemas: SchemaConverter,
  draft: OperationDraft,
): InferredScheme | NotPaginated | undefined {
  const type = draft.response.type;
  if (type === undefined || draft.response.format !== 'json') return undefined;
  if (!isListResponse(schemas, type, draft.path)) return undefined;
  if (draft.method !== 'get') return undefined;
  const queryParam = (
    names: readonly string[],
    accept: (type: TypeModel) => boolean = () => true,
  ): string | undefined => names.find((n) => draft.queryParams.some((p) => p.name === n && accept(p.type)));
  const linked = draft.response.headers?.some((h) => h.toLowerCase() === 'link') === true;
  const bare = resolvedArray(schemas, type);
  if (bare !== undefined) return bareArrayScheme(bare.items, queryParam, linked);

  const envelope = envelopeOf(schemas, type) as Envelope;
  const byName = new Map(envelope.properties.map((p) => [p.name, p]));
  const pick = (names: readonly string[], accept: (p: PropertyModel) => boolean = () => true): string | undefined =>
    names.find((n) => {
      const property = byName.get(n);
      return property !== undefined && accept(property);
    });
  const itemsField = itemsFieldOf(schemas, envelope, draft.path);
  const field = itemsField === undefined ? undefined : byName.get(itemsField);
  const itemsType = field === undefined ? undefined : resolvedArray(schemas, field.type);
  if (itemsField === undefined || itemsType === undefined) {
    const arrays = itemArrays(schemas, envelope, draft.path).map((p) => `"${p.name}"`);
    return {
      reason: `the response has ${arrays.length} arrays (${arrays.join(', ')}), none named as a list's items (${ITEM_FIELDS.join(', ')}) or after the path`,
    };
  }
  const nested = (names: readonly string[], accept: (type: TypeModel) => boolean): string | undefined =>
    nestedField(schemas, envelope, names, accept);
  const hasMore = pick(HAS_MORE_FIELDS, (p) => isBoolean(p.type)) ?? nested(HAS_MORE_FIELDS, isBoolean);
  const common = { items: itemsField, ...(hasMore === undefined ? {} : { hasMore }) };
  const item = itemsType.items;
  // A union with an array (`Tracks | TracksList`) is typed as the page alone: the array side has no envelope fields.
  const direct = schemas.objectOf(type) !== undefined;
  const found = (scheme: PageScheme): InferredScheme => ({ scheme, item, envelope: direct });

  const urlField =
    pick(URL_FIELDS, (p) => isString(p.type)) ??
    pick(['next'], (p) => isString(p.type) && /^(uri|url|iri)/.test(p.docs.format ?? '')) ??
    nested(URL_FIELDS, isString);
  if (urlField !== undefined) return found({ type: 'next-url', ...common, urlField });
  // A string `page` or `offset` is a token the API hands out (Asana's `offset`), not a number to
  // count, unless the spec shows it is a number written as a string.
  const sizeIsString = queryParam(SIZE_PARAMS, isString) !== undefined;
  const counted = (name: string): boolean => {
    const param = draft.queryParams.find((p) => p.name === name);
    if (param === undefined) return false;
    if (!isString(param.type)) return true;
    return (
      sizeIsString ||
      isWholeNumber(param.docs.example?.value) ||
      isWholeNumber(param.docs.default?.value) ||
      pick([name], (p) => isNumber(p.type)) !== undefined
    );
  };
  const isToken = (name: string): boolean => queryParam([name], isString) !== undefined && !counted(name);
  const tokenParam = [...PAGE_PARAMS, ...OFFSET_PARAMS].find(isToken);
  const cursorParam = queryParam(CURSOR_PARAMS) ?? tokenParam;
  const cursorField =
    pick(CURSOR_FIELDS, (p) => isString(p.type)) ??
    pick(LAST_ID_FIELDS, (p) => isString(p.type)) ??
    nested([...CURSOR_FIELDS, ...NESTED_CURSOR_FIELDS, ...(cursorParam === undefined ? [] : [cursorParam])], isString);
  if (cursorParam !== undefined) {
    if (cursorField !== undefined) return found({ type: 'cursor', ...common, cursorField, cursorParam });
    const idField = ITEM_ID_FIELDS.find((n) => schemas.objectOf(item)?.properties.some((p) => p.name === n));
    const beforeParam = queryParam(BEFORE_PARAMS, isString);
    if (hasMore !== undefined && idField !== undefined && cursorParam !== tokenParam)
      return found({
        type: 'item-id',
        ...common,
        idField,
        cursorParam,
        ...(beforeParam === undefined ? {} : { beforeParam }),
      });
  }
  if (linked) return found({ type: 'link-header', items: itemsField });
  if (tokenParam !== undefined)
    return {
      reason: `it takes "${tokenParam}" as a string, a token the API hands out, but its response declares no field that carries the next one`,
    };
  const pageParam = PAGE_PARAMS.find(
    (name) =>
      queryParam([name], isNumber) !== undefined || (queryParam([name], isString) !== undefined && counted(name)),
  );
  if (pageParam !== undefined) {
    const totalPages = pick(TOTAL_PAGES_FIELDS, (p) => isNumber(p.type));
    return found({ type: 'page-number', ...common, pageParam, ...(totalPages === undefined ? {} : { totalPages }) });
  }
  const offsetParam = OFFSET_PARAMS.find(counted);
  if (offsetParam !== undefined) {
    const total = pick(TOTAL_FIELDS, (p) => isNumber(p.type));
    return found({ type: 'offset', ...common, offsetParam, ...(total === undefined ? {} : { total }) });
  }
  const sizeParam = queryParam(SIZE_PARAMS);
  // A list with nothing to page by (no paging parameter, no has-more flag, no cursor): the API sends it whole.
  if (hasMore === undefined && cursorField === undefined && cursorParam === undefined && sizeParam === undefined)
    return found({ type: 'single', items: itemsField });
  const says = [hasMore, cursorField].filter((f) => f !== undefined).map((f) => `"${f}"`);
  if (says.length > 0)
    return {
      reason: `the response has ${says.join(' and ')}, but the operation takes no cursor, page or offset parameter to ask for the next page`,
    };
  return {
    reason: `it takes "${sizeParam ?? cursorParam}", but neither its response nor its parameters say how to reach a next page`,
  };
}

/** A bare array: followed by its `Link` header, a page number or an offset; else the whole list. */
function bareArrayScheme(
  item: TypeModel,
  queryParam: (names: readonly string[], accept?: (type: TypeModel) => boolean) => string | undefined,
  linked: boolean,
): InferredScheme | NotPaginated {
  const found = (scheme: PageScheme): InferredScheme => ({ scheme, item, envelope: false });
  if (linked) return found({ type: 'link-header', items: 'data' });
  const pageParam = queryParam(PAGE_PARAMS, isNumber);
  if (pageParam !== undefined) return found({ type: 'page-number', items: 'data', pageParam });
  const offsetParam = queryParam(OFFSET_PARAMS, isNumber);
  if (offsetParam !== undefined) return found({ type: 'offset', items: 'data', offsetParam });
  const cursorParam = queryParam(PAGING_PARAMS);
  if (cursorParam !== undefined)
    return { reason: `it takes "${cursorParam}", but its answer is a bare array, with no cursor to send back` };
  return found({ type: 'single', items: 'data' });
}

type Envelope = Extract<TypeModel, { kind: 'object' }>;

/**
 * `object.field` of the first paging object (PAGING_OBJECTS, in that order) with a field of
 * one of `names` (in that order) that `accept`s its type: `next_page.offset`.
 */
function nestedField(
  schemas: SchemaConverter,
  envelope: Envelope,
  names: readonly string[],
  accept: (type: TypeModel) => boolean,
): string | undefined {
  for (const container of PAGING_OBJECTS) {
    const property = envelope.properties.find((p) => p.name === container);
    const object = property === undefined ? undefined : objectOrNull(schemas, property.type);
    const field = names.find((n) => object?.properties.some((p) => p.name === n && accept(p.type)));
    if (field !== undefined && !field.includes('.')) return `${container}.${field}`;
  }
  return undefined;
}

/**
 * The type at a response field: a top-level property, else a dotted path through nested
 * objects, which may be `null` (`next_page.offset`, where `next_page` is null on the last page).
 */
export function fieldType(schemas: SchemaConverter, envelope: Envelope, path: string): TypeModel | undefined {
  const own = envelope.properties.find((p) => p.name === path);
  if (own !== undefined || !path.includes('.')) return own?.type;
  let type: TypeModel | undefined;
  let object: Envelope | undefined = envelope;
  for (const key of path.split('.')) {
    type = object?.properties.find((p) => p.name === key)?.type;
    if (type === undefined) return undefined;
    object = objectOrNull(schemas, type);
  }
  return type;
}

/** The object a type is, or is when it is not `null`. */
function objectOrNull(schemas: SchemaConverter, type: TypeModel): Envelope | undefined {
  const object = schemas.objectOf(type);
  if (object !== undefined) return object;
  const union = resolved(schemas, type);
  if (union?.kind !== 'union') return undefined;
  const members = union.members.filter((m) => !(m.kind === 'primitive' && m.name === 'null'));
  const [only] = members;
  return members.length === 1 && only !== undefined ? schemas.objectOf(only) : undefined;
}

/** The object a list response is: itself, or the object member of a union with an array (`Tracks | TracksList`). */
function envelopeOf(schemas: SchemaConverter, type: TypeModel): Envelope | undefined {
  const object = schemas.objectOf(type);
  if (object !== undefined) return object;
  const union = resolved(schemas, type);
  if (union?.kind !== 'union') return undefined;
  const objects = union.members.map((m) => schemas.objectOf(m)).filter((o) => o !== undefined);
  const arrays = union.members.filter((m) => resolvedArray(schemas, m) !== undefined);
  return objects.length === 1 && arrays.length === union.members.length - 1 ? objects[0] : undefined;
}

/**
 * The arrays of an envelope that may hold its items (a named array type too: `collection: Tracks`).
 * `messages` beside the items is a list of notices, except where the path lists messages.
 */
function itemArrays(schemas: SchemaConverter, envelope: Envelope, path: string): readonly PropertyModel[] {
  return envelope.properties.filter(
    (p) => (!NOT_ITEMS.has(p.name) || namedAfterPath(p.name, path)) && resolvedArray(schemas, p.type) !== undefined,
  );
}

/**
 * Whether a field is named after what the path lists: its last literal segment, or that
 * segment's last word (`webhook-events` → `events`), separators and case aside, singular or plural.
 */
function namedAfterPath(field: string, path: string): boolean {
  const last = path.split('/').findLast((s) => s !== '' && !s.startsWith('{'));
  if (last === undefined) return false;
  const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const name = compact(field);
  const lastWord = last.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).at(-1) ?? '';
  return [compact(last), compact(lastWord)].some(
    (n) => n !== '' && (name === n || name === `${n}s` || `${name}s` === n),
  );
}

/**
 * The field with the items: one named as a list's (`data`, `items`, `value`, …), else the only
 * array (warnings aside), else the array named after the path (`GET /order` → `orders`).
 */
function itemsFieldOf(schemas: SchemaConverter, envelope: Envelope, path: string): string | undefined {
  const arrays = itemArrays(schemas, envelope, path);
  const named = ITEM_FIELDS.find((n) => arrays.some((p) => p.name === n));
  if (named !== undefined) return named;
  if (arrays.length === 1) return arrays[0]?.name;
  const last = (path.split('/').findLast((s) => s !== '' && !s.startsWith('{')) ?? '').toLowerCase();
  const afterPath = arrays.filter((p) => {
    const name = p.name.toLowerCase();
    return name === last || name === `${last}s` || `${name}s` === last;
  });
  return afterPath.length === 1 ? afterPath[0]?.name : undefined;
}

function resolved(schemas: SchemaConverter, type: TypeModel): TypeModel | undefined {
  let current: TypeModel | undefined = type;
  for (let i = 0; current?.kind === 'ref' && i < 32; i++) current = schemas.lookup(current.name)?.type;
  return current;
}

/** The array type behind `type`, following named references. */
function resolvedArray(schemas: SchemaConverter, type: TypeModel): Extract<TypeModel, { kind: 'array' }> | undefined {
  const current = resolved(schemas, type);
  return current?.kind === 'array' ? current : undefined;
}

const isKind = (type: TypeModel, name: string): boolean =>
  (type.kind === 'primitive' && type.name === name) ||
  (type.kind === 'union' &&
    type.members.some((m) => m.kind === 'primitive' && m.name === name) &&
    type.members.every((m) => m.kind === 'primitive' && (m.name === name || m.name === 'null')));
const isString = (type: TypeModel): boolean => isKind(type, 'string');
const isBoolean = (type: TypeModel): boolean => isKind(type, 'boolean');
const isNumber = (type: TypeModel): boolean => isKind(type, 'number');
/** `10` or `"10"`: how a spec that types its numbers as strings shows an offset is one. */
const isWholeNumber = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^\d+$/.test(value));
