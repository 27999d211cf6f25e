import { fieldType, inferScheme } from './infer-pagination.js';
import { bodyObjectType } from './merged-params.js';
import type { OperationPagination, PageClassModel, PageScheme, TypeModel } from './model.js';
import { type NameRegistry, pascalCase } from './names.js';
import type { OperationDraft } from './operations.js';
import type { SchemaConverter } from './schemas.js';
import type { SpecContext } from './spec-context.js';
import { objectProperties } from './type-queries.js';

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
    case 'link-header':
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
    case 'link-header':
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
  const checked = checkScheme(schemas, draft, pageClass.scheme);
  if ('problem' in checked) {
    ctx.diagnostics.error(
      'pagination-field-missing',
      `${pageClass.name} on ${draft.method.toUpperCase()} ${draft.path}: ${checked.problem}.`,
      draft.location,
    );
    return undefined;
  }
  return { pageClass, item: checked.item, inferred: false, envelope: true, ...paramsInOf(checked) };
}

/** `paramsIn: 'body'` where the page parameter is a body field. */
export function paramsInOf(checked: { readonly paramsIn?: 'body' }): Pick<OperationPagination, 'paramsIn'> {
  return checked.paramsIn === undefined ? {} : { paramsIn: checked.paramsIn };
}

/** An operation's pagination, or why a list it returns has none. */
export interface PaginationFound {
  readonly pagination: OperationPagination | undefined;
  readonly unpaginated: string | undefined;
}

/**
 * How an operation pages: as `x-sdkgen-pagination` says; else as another generator's
 * extension says (`x-ms-pageable`, `x-speakeasy-pagination`, `x-fern-pagination`), when the
 * response and parameters have what it names; else as inferred from the response's shape.
 */
export function paginationOf(
  ctx: SpecContext,
  schemas: SchemaConverter,
  draft: OperationDraft,
  classes: InferredPageClasses,
  inference = true,
): PaginationFound {
  if (draft.extensions.pagination === false)
    return { pagination: undefined, unpaginated: 'declared (x-sdkgen-pagination: false)' };
  if (draft.pageClass !== undefined || draft.extensions.pagination !== undefined)
    return { pagination: resolvePagination(ctx, schemas, draft), unpaginated: undefined };
  const vendor = draft.vendorPagination;
  if (vendor !== undefined) {
    const checked =
      vendor.scheme === undefined
        ? { problem: vendor.problem ?? 'is not understood' }
        : draft.method !== 'get'
          ? { problem: `is on a ${draft.method.toUpperCase()}; sdkgen follows the pages of GETs only` }
          : checkScheme(schemas, draft, vendor.scheme);
    // A spec that names what its responses lack is told so; a POST that pages (AutoRest fetches
    // its next links by GET) is sdkgen's limit, not the spec's fault: the plan says it.
    if ('problem' in checked && draft.method === 'get') {
      ctx.diagnostics.warning(
        'pagination-unusable',
        `${vendor.source} on ${draft.method.toUpperCase()} ${draft.path} cannot be followed: it ${checked.problem}; the method returns the first answer only.`,
        draft.location,
      );
    }
    if ('problem' in checked) return { pagination: undefined, unpaginated: `${vendor.source} ${checked.problem}` };
    const scheme = vendor.scheme as PageScheme;
    return {
      pagination: {
        pageClass: classes.classFor(scheme),
        item: checked.item,
        inferred: false,
        declaredBy: vendor.source,
        envelope: true,
      },
      unpaginated: undefined,
    };
  }
  const found = inferScheme(schemas, draft);
  if (found === undefined) return { pagination: undefined, unpaginated: undefined };
  if (!inference && !('reason' in found))
    return {
      pagination: undefined,
      unpaginated: 'no declared page class fits it (x-sdkgen-client.pagination: declared)',
    };
  if ('reason' in found) return { pagination: undefined, unpaginated: found.reason };
  return {
    pagination: {
      pageClass: classes.classFor(found.scheme),
      item: found.item,
      inferred: true,
      envelope: found.envelope,
    },
    unpaginated: undefined,
  };
}

/** The item type, when the response and parameters have all a scheme reads and sends; else what is missing. */
export function checkScheme(
  schemas: SchemaConverter,
  draft: OperationDraft,
  scheme: PageScheme,
): { readonly item: TypeModel; readonly paramsIn?: 'body' } | { readonly problem: string } {
  const envelope = draft.response.type === undefined ? undefined : schemas.objectOf(draft.response.type);
  if (envelope === undefined) return { problem: 'the response is not a JSON object' };
  const field = (name: string): TypeModel | undefined => fieldType(schemas, envelope, name);
  const items = envelope.properties.find((p) => p.name === scheme.items)?.type;
  if (items === undefined) return { problem: `the response has no field "${scheme.items}" for the items` };
  if (items.kind !== 'array') return { problem: `the response field "${scheme.items}" is not an array` };
  for (const name of responseFieldsOf(scheme)) {
    if (field(name) === undefined) return { problem: `the response has no field "${name}"` };
  }
  if (scheme.type === 'item-id') {
    const item = schemas.objectOf(items.items);
    if (item !== undefined && !item.properties.some((p) => p.name === scheme.idField))
      return { problem: `the items have no field "${scheme.idField}"` };
  }
  const params = [requestParamOf(scheme), scheme.type === 'item-id' ? scheme.beforeParam : undefined].filter(
    (param) => param !== undefined,
  );
  const inQuery = (param: string): boolean => draft.queryParams.some((p) => p.name === param);
  if (params.every(inQuery)) return { item: items.items };
  // A POST list whose filters are in its body (Stainless pages those) may take the cursor there too.
  const fields = draft.method === 'get' ? [] : bodyFieldNames(schemas, draft);
  if (params.length > 0 && params.every((param) => fields.includes(param)))
    return { item: items.items, paramsIn: 'body' };
  const missing = params.find((param) => !inQuery(param));
  return { problem: `the operation has no query parameter "${missing}"` };
}

/** The fields of a JSON object body, or of a body that is such an object or `null`. */
function bodyFieldNames(schemas: SchemaConverter, draft: OperationDraft): string[] {
  const body = draft.body;
  if (body === undefined || !/json/i.test(body.contentType)) return [];
  const lookup = (name: string) => schemas.lookup(name);
  const object = bodyObjectType(body, lookup);
  return object === undefined ? [] : objectProperties(object, lookup).map((p) => p.name);
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
    const prefix = scheme.items === 'data' ? '' : pascalCase(scheme.items);
    const names = [baseName(scheme), ...otherNames(scheme)].map((name) => `${prefix}${name}`);
    const pageClass: PageClassModel = {
      name: this.#names.claim(...names),
      description: describeScheme(scheme),
      scheme,
    };
    this.#byScheme.set(key, pageClass);
    return pageClass;
  }

  get all(): PageClassModel[] {
    return [...this.#byScheme.values()];
  }
}

/**
 * Names for a scheme whose base name another scheme took, by what sets it apart (a walk by
 * Lithic's `token` beside one by `id`: TokenCursorPage), rather than a number.
 */
function otherNames(scheme: PageScheme): string[] {
  switch (scheme.type) {
    case 'item-id':
      return [
        `${pascalCase(scheme.idField)}CursorPage`,
        `${pascalCase(scheme.cursorParam)}CursorPage`,
        `${pascalCase(scheme.idField)}${pascalCase(scheme.cursorParam)}CursorPage`,
      ];
    case 'cursor':
      return [`${pascalCase(scheme.cursorField)}${pascalCase(scheme.cursorParam)}CursorPage`];
    default:
      return [];
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
    case 'link-header':
      return 'LinkHeaderPage';
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
      return scheme.beforeParam === undefined
        ? `A page whose last item's \`${scheme.idField}\` is sent as \`${scheme.cursorParam}\` to fetch the following page.`
        : `A page whose last item's \`${scheme.idField}\` is sent as \`${scheme.cursorParam}\` to fetch the following page (its first item's as \`${scheme.beforeParam}\`, walking back from a first request that set it).`;
    case 'page-number':
      return `A page of a list numbered by \`${scheme.pageParam}\`.`;
    case 'offset':
      return `A page of a list that \`${scheme.offsetParam}\` moves through by the number of items received.`;
    case 'next-url':
      return `A page whose \`${scheme.urlField}\` field is the URL of the following page.`;
    case 'link-header':
      return 'A page whose `Link` header names the URL of the following page (`rel="next"`).';
    case 'single':
      return 'A list the API sends whole, in one response: it iterates like the other pages, and has no next page.';
    default: {
      const never: never = scheme;
      throw new Error(`unknown scheme ${JSON.stringify(never)}`);
    }
  }
}
