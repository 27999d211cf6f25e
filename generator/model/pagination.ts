import type { OperationPagination, PageClassModel, PageScheme, PropertyModel, TypeModel } from './model.js';
import { type NameRegistry, pascalCase } from './names.js';
import type { OperationDraft } from './operations.js';
import type { SchemaConverter } from './schemas.js';
import type { SpecContext } from './spec-context.js';

/** The query parameter a scheme sends for the next page (none for a next URL). */
export function requestParamOf(scheme: PageScheme): string | undefined {
  switch (scheme.type) {
    case 'cursor':
    case 'item-id':
      return scheme.cursorParam;
    case 'page-number':
      return scheme.pageParam;
    case 'offset':
      return scheme.offsetParam;
    case 'next-url':
    case 'single':
      return undefined;
    default: {
      const never: never = scheme;
      throw new Error(`unknown scheme ${JSON.stringify(never)}`);
    }
  }
}

/** The response fields a scheme reads, besides the items. */
function responseFieldsOf(scheme: PageScheme): string[] {
  const fields = scheme.hasMore === undefined ? [] : [scheme.hasMore];
  switch (scheme.type) {
    case 'cursor':
      return [...fields, scheme.cursorField];
    case 'next-url':
      return [...fields, scheme.urlField];
    case 'page-number':
      return scheme.totalPages === undefined ? fields : [...fields, scheme.totalPages];
    case 'offset':
      return scheme.total === undefined ? fields : [...fields, scheme.total];
    case 'item-id':
    case 'single':
      return fields;
    default: {
      const never: never = scheme;
      throw new Error(`unknown scheme ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Checks a declared page class against the operation: the response must have the items
 * array and the fields the scheme reads, and the parameter it sends must be a query
 * parameter of the operation. Returns the pagination with the item type, or `undefined`
 * after diagnosing.
 */
export function resolvePagination(
  ctx: SpecContext,
  schemas: SchemaConverter,
  draft: OperationDraft,
): OperationPagination | undefined {
  const pageClass = draft.pageClass;
  if (pageClass === undefined) return undefined;
  const fail = (message: string): undefined => {
    ctx.diagnostics.error(
      'pagination-field-missing',
      `${pageClass.name} on ${draft.method.toUpperCase()} ${draft.path}: ${message}`,
      draft.location,
    );
    return undefined;
  };
  const envelope = draft.response.type === undefined ? undefined : schemas.objectOf(draft.response.type);
  if (envelope === undefined) return fail('the response is not a JSON object.');
  const field = (name: string): TypeModel | undefined => envelope.properties.find((p) => p.name === name)?.type;
  const { scheme } = pageClass;
  const items = field(scheme.items);
  if (items === undefined) return fail(`the response has no field "${scheme.items}" for the items.`);
  if (items.kind !== 'array') return fail(`the response field "${scheme.items}" is not an array.`);
  for (const name of responseFieldsOf(scheme)) {
    if (field(name) === undefined) return fail(`the response has no field "${name}".`);
  }
  if (scheme.type === 'item-id') {
    const item = schemas.objectOf(items.items);
    if (item !== undefined && !item.properties.some((p) => p.name === scheme.idField))
      return fail(`the items have no field "${scheme.idField}".`);
  }
  const param = requestParamOf(scheme);
  if (param !== undefined && !draft.queryParams.some((p) => p.name === param))
    return fail(`the operation has no query parameter "${param}".`);
  return { pageClass, item: items.items, inferred: false, envelope: true };
}

const ITEM_FIELDS = ['data', 'items', 'results', 'records', 'entries', 'values'];
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
const CURSOR_PARAMS = [
  'after',
  'cursor',
  'starting_after',
  'page_token',
  'pageToken',
  'next_token',
  'nextToken',
  'continuation_token',
];
const LAST_ID_FIELDS = ['last_id', 'lastId'];
const URL_FIELDS = ['next_url', 'nextUrl', 'next_link', 'nextLink', 'next_page_url', 'nextPageUrl'];
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber'];
const TOTAL_PAGES_FIELDS = ['total_pages', 'totalPages', 'page_count', 'pageCount'];
const OFFSET_PARAMS = ['offset', 'skip'];
const TOTAL_FIELDS = ['total', 'total_count', 'totalCount', 'count'];
const SIZE_PARAMS = ['limit', 'per_page', 'perPage', 'page_size', 'pageSize', 'size', 'max_results', 'maxResults'];

/**
 * Whether a response is a list: an array, or an object with an array of items under a
 * list-ish name (`data`, `items`, …), or an array beside paging fields (`has_more`, totals).
 */
export function isListResponse(schemas: SchemaConverter, type: TypeModel | undefined): boolean {
  if (type === undefined) return false;
  if (type.kind === 'array') return true;
  const object = schemas.objectOf(type);
  if (object === undefined) return false;
  const arrays = object.properties.filter((p) => p.type.kind === 'array');
  if (arrays.some((p) => ITEM_FIELDS.includes(p.name))) return true;
  const paging = [...HAS_MORE_FIELDS, ...TOTAL_FIELDS, ...TOTAL_PAGES_FIELDS, ...CURSOR_FIELDS, ...LAST_ID_FIELDS];
  return arrays.length === 1 && object.properties.some((p) => paging.includes(p.name));
}

/**
 * Recognizes the common pagination schemes in an undeclared GET whose response is an
 * object with an array of items:
 * - a next cursor (`next`, `next_cursor`, …) sent back as `after`/`cursor`/…;
 * - a `last_id` sent back as `after`;
 * - the last item's `id` sent back as `after`, when the response says `has_more`;
 * - a next URL (`next_url`, or a `next` of format uri);
 * - a page number (`page`), or an offset (`offset`) moved on by the items received.
 */
export function inferScheme(
  schemas: SchemaConverter,
  draft: OperationDraft,
): { scheme: PageScheme; item: TypeModel; envelope: boolean } | undefined {
  if (draft.method !== 'get' || draft.response.type === undefined || draft.response.format !== 'json') return undefined;
  // A bare array: the whole list, read as the page's `data` (unless it takes paging parameters it cannot follow).
  const bare = resolvedArray(schemas, draft.response.type);
  const pagedBy = (names: readonly string[]): boolean => names.some((n) => draft.queryParams.some((p) => p.name === n));
  if (bare !== undefined && !pagedBy([...CURSOR_PARAMS, ...PAGE_PARAMS, ...OFFSET_PARAMS]))
    return { scheme: { type: 'single', items: 'data' }, item: bare.items, envelope: false };
  const envelope = schemas.objectOf(draft.response.type);
  if (envelope === undefined) return undefined;
  const byName = new Map(envelope.properties.map((p) => [p.name, p]));
  const pick = (names: readonly string[], accept: (p: PropertyModel) => boolean = () => true): string | undefined =>
    names.find((n) => {
      const property = byName.get(n);
      return property !== undefined && accept(property);
    });
  const arrays = envelope.properties.filter((p) => p.type.kind === 'array');
  const itemsField =
    pick(ITEM_FIELDS, (p) => p.type.kind === 'array') ?? (arrays.length === 1 ? arrays[0]?.name : undefined);
  const itemsType = itemsField === undefined ? undefined : byName.get(itemsField)?.type;
  if (itemsField === undefined || itemsType?.kind !== 'array') return undefined;
  const param = (names: readonly string[], accept: (type: TypeModel) => boolean = () => true): string | undefined =>
    names.find((n) => draft.queryParams.some((p) => p.name === n && accept(p.type)));
  const hasMore = pick(HAS_MORE_FIELDS, (p) => isBoolean(p.type));
  const common = { items: itemsField, ...(hasMore === undefined ? {} : { hasMore }) };
  const item = itemsType.items;

  const urlField =
    pick(URL_FIELDS, (p) => isString(p.type)) ??
    pick(['next'], (p) => isString(p.type) && /^(uri|url|iri)/.test(p.docs.format ?? ''));
  if (urlField !== undefined) return { scheme: { type: 'next-url', ...common, urlField }, item, envelope: true };
  // A string `page` is a page token, not a number.
  const cursorParam = param(CURSOR_PARAMS) ?? param(PAGE_PARAMS, isString);
  if (cursorParam !== undefined) {
    const cursorField = pick(CURSOR_FIELDS, (p) => isString(p.type)) ?? pick(LAST_ID_FIELDS, (p) => isString(p.type));
    if (cursorField !== undefined)
      return { scheme: { type: 'cursor', ...common, cursorField, cursorParam }, item, envelope: true };
    const itemObject = schemas.objectOf(item);
    if (hasMore !== undefined && itemObject?.properties.some((p) => p.name === 'id')) {
      return { scheme: { type: 'item-id', ...common, idField: 'id', cursorParam }, item, envelope: true };
    }
  }
  const pageParam = param(PAGE_PARAMS, isNumber);
  if (pageParam !== undefined) {
    const totalPages = pick(TOTAL_PAGES_FIELDS, (p) => isNumber(p.type));
    return {
      scheme: { type: 'page-number', ...common, pageParam, ...(totalPages === undefined ? {} : { totalPages }) },
      item,
      envelope: true,
    };
  }
  const offsetParam = param(OFFSET_PARAMS);
  if (offsetParam !== undefined) {
    const total = pick(TOTAL_FIELDS, (p) => isNumber(p.type));
    return {
      scheme: { type: 'offset', ...common, offsetParam, ...(total === undefined ? {} : { total }) },
      item,
      envelope: true,
    };
  }
  // A list with nothing to page by (no paging parameter, no has-more flag): the API sends it whole.
  const pagingParam = [...CURSOR_PARAMS, ...PAGE_PARAMS, ...OFFSET_PARAMS, ...SIZE_PARAMS].some((n) =>
    draft.queryParams.some((p) => p.name === n),
  );
  if (hasMore === undefined && !pagingParam && isListResponse(schemas, draft.response.type))
    return { scheme: { type: 'single', items: itemsField }, item, envelope: true };
  return undefined;
}

/** Page classes for inferred schemes: one per distinct scheme, named by what it reads. */
export class InferredPageClasses {
  readonly #names: NameRegistry;
  readonly #byScheme = new Map<string, PageClassModel>();

  constructor(names: NameRegistry, declared: Iterable<PageClassModel>) {
    this.#names = names;
    for (const pageClass of declared) this.#byScheme.set(JSON.stringify(pageClass.scheme), pageClass);
  }

  classFor(scheme: PageScheme): PageClassModel {
    const key = JSON.stringify(scheme);
    const known = this.#byScheme.get(key);
    if (known !== undefined) return known;
    // Lists whose items are not `data` are told apart by them: WorkflowsPageNumberPage.
    const base = scheme.items === 'data' ? baseName(scheme) : `${pascalCase(scheme.items)}${baseName(scheme)}`;
    const pageClass: PageClassModel = { name: this.#names.claim(base), description: describeScheme(scheme), scheme };
    this.#byScheme.set(key, pageClass);
    return pageClass;
  }

  get all(): PageClassModel[] {
    return [...this.#byScheme.values()];
  }
}

function baseName(scheme: PageScheme): string {
  switch (scheme.type) {
    case 'cursor':
      return /cursor/i.test(scheme.cursorField)
        ? `${pascalCase(scheme.cursorField)}Page`
        : `${pascalCase(scheme.cursorField)}CursorPage`;
    case 'item-id':
      return 'CursorPage';
    case 'page-number':
      return 'PageNumberPage';
    case 'offset':
      return 'OffsetPage';
    case 'next-url':
      return 'NextURLPage';
    case 'single':
      return 'SinglePage';
    default: {
      const never: never = scheme;
      throw new Error(`unknown scheme ${JSON.stringify(never)}`);
    }
  }
}

function describeScheme(scheme: PageScheme): string {
  switch (scheme.type) {
    case 'cursor':
      return `A page whose \`${scheme.cursorField}\` field is the cursor sent as \`${scheme.cursorParam}\` to fetch the following page.`;
    case 'item-id':
      return `A page whose last item's \`${scheme.idField}\` is sent as \`${scheme.cursorParam}\` to fetch the following page.`;
    case 'page-number':
      return `A page of a list numbered by \`${scheme.pageParam}\`.`;
    case 'offset':
      return `A page of a list that \`${scheme.offsetParam}\` moves through by the number of items received.`;
    case 'next-url':
      return `A page whose \`${scheme.urlField}\` field is the URL of the following page.`;
    case 'single':
      return 'A list the API sends whole, in one response: it iterates like the other pages, and has no next page.';
    default: {
      const never: never = scheme;
      throw new Error(`unknown scheme ${JSON.stringify(never)}`);
    }
  }
}

/** The array type behind `type`, following named references. */
function resolvedArray(schemas: SchemaConverter, type: TypeModel): Extract<TypeModel, { kind: 'array' }> | undefined {
  let current: TypeModel | undefined = type;
  for (let i = 0; current?.kind === 'ref' && i < 32; i++) current = schemas.lookup(current.name)?.type;
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
