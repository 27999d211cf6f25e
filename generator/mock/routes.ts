import type { ApiModel, OperationModel, ResourceModel, TypeModel } from '../model/model.js';
import { singular } from '../model/names.js';
import { objectProperties, resolveType } from '../model/type-queries.js';
import { isIdName, type SchemaLookup } from './fake-data.js';

/**
 * A list the mock keeps, at one path template (`/projects/{project_id}/groups`): the
 * operations on it and on its items share its state, one set of items per concrete path.
 */
export interface Collection {
  readonly template: string;
  readonly itemType: TypeModel;
  /** The item field that names an item in its path (`id`, `group_id`); `undefined` if none does. */
  readonly idField: string | undefined;
  /** `groups` → `group`, for ids the data set makes up. */
  readonly idPrefix: string;
}

export type Role =
  | { readonly kind: 'list' | 'create'; readonly collection: Collection }
  | { readonly kind: 'retrieve' | 'update' | 'delete'; readonly collection: Collection; readonly idParam: string }
  | { readonly kind: 'other' };

export interface Route {
  readonly operation: OperationModel;
  readonly role: Role;
  readonly pattern: RegExp;
  /** Path parameter names, in the order the pattern captures them. */
  readonly params: readonly string[];
}

/**
 * Every operation as a route, with what it does to the mock's state: a GET that returns a
 * list makes its path a collection; POST there creates, and GET / POST / PUT / PATCH / DELETE
 * on `<collection>/{id}` read, change and remove one item. Anything else answers from its
 * response schema and examples.
 */
export function buildRoutes(model: ApiModel, lookup: SchemaLookup): Route[] {
  const operations = allOperations(model.root);
  const collections = new Map<string, Collection>();
  for (const operation of operations) {
    if (operation.method !== 'get') continue;
    const itemType = listItemType(operation, lookup);
    if (itemType === undefined || collections.has(operation.path)) continue;
    const itemParam = operations.map((o) => itemParamOf(operation.path, o.path)).find((p) => p !== undefined);
    collections.set(operation.path, {
      template: operation.path,
      itemType,
      idField: idFieldOf(itemType, itemParam, operation, lookup),
      idPrefix: singular(lastStaticSegment(operation.path).replace(/[^A-Za-z0-9]+/g, '_')),
    });
  }
  const routes = operations.map((operation): Route => {
    const { pattern, params } = compileTemplate(operation.path);
    return { operation, role: roleOf(operation, collections), pattern, params };
  });
  // `/jobs/active` before `/jobs/{id}`: fixed segments are more specific than parameters.
  return routes.sort(
    (a, b) =>
      staticSegments(b.operation.path) - staticSegments(a.operation.path) ||
      b.operation.fixedQuery.length - a.operation.fixedQuery.length ||
      a.operation.path.localeCompare(b.operation.path),
  );
}

function roleOf(operation: OperationModel, collections: ReadonlyMap<string, Collection>): Role {
  const collection = collections.get(operation.path);
  if (collection !== undefined) {
    if (operation.method === 'get') return { kind: 'list', collection };
    if (operation.method === 'post') return { kind: 'create', collection };
    return { kind: 'other' };
  }
  const parent = operation.path.replace(/\/\{[^{}/]+\}$/, '');
  const idParam = /\/\{([^{}/]+)\}$/.exec(operation.path)?.[1];
  const owner = collections.get(parent);
  if (owner === undefined || idParam === undefined || owner.idField === undefined) return { kind: 'other' };
  switch (operation.method) {
    case 'get':
      return { kind: 'retrieve', collection: owner, idParam };
    case 'post':
    case 'put':
    case 'patch':
      return { kind: 'update', collection: owner, idParam };
    case 'delete':
      return { kind: 'delete', collection: owner, idParam };
    default:
      return { kind: 'other' };
  }
}

/** The type of one item of a list response: the paginated item, a top-level array, or `data: [...]`. */
function listItemType(operation: OperationModel, lookup: SchemaLookup): TypeModel | undefined {
  if (operation.pagination !== undefined) return operation.pagination.item;
  const response = operation.response.type === undefined ? undefined : resolveType(operation.response.type, lookup);
  if (response?.kind === 'array') return response.items;
  if (response?.kind === 'object') {
    const data = response.properties.find((p) => p.name === 'data');
    const type = data === undefined ? undefined : resolveType(data.type, lookup);
    if (type?.kind === 'array') return type.items;
  }
  return undefined;
}

/** `group_id` when `/projects/{p}/groups/{group_id}` is an item of `/projects/{p}/groups`. */
function itemParamOf(collection: string, path: string): string | undefined {
  if (!path.startsWith(`${collection}/`)) return undefined;
  return /^\/\{([^{}/]+)\}$/.exec(path.slice(collection.length))?.[1];
}

function idFieldOf(
  itemType: TypeModel,
  itemParam: string | undefined,
  list: OperationModel,
  lookup: SchemaLookup,
): string | undefined {
  const names = objectProperties(itemType, lookup).map((p) => p.name);
  if (names.includes('id')) return 'id';
  if (itemParam !== undefined && names.includes(itemParam)) return itemParam;
  const scheme = list.pagination?.pageClass.scheme;
  if (scheme?.type === 'item-id' && names.includes(scheme.idField)) return scheme.idField;
  const parents = new Set(list.pathParams.map((p) => p.name));
  return names.find((name) => isIdName(name) && !parents.has(name));
}

/** `/projects/{project_id}/groups` → `^/projects/([^/]+)/groups$`, capturing `project_id`. */
export function compileTemplate(template: string): { pattern: RegExp; params: string[] } {
  const params: string[] = [];
  let source = '';
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]+)\}/g)) {
    source += `${escapeRegExp(template.slice(last, match.index))}([^/]+)`;
    params.push(match[1] as string);
    last = match.index + match[0].length;
  }
  source += escapeRegExp(template.slice(last));
  return { pattern: new RegExp(`^${source}/?$`), params };
}

function allOperations(resource: ResourceModel): OperationModel[] {
  return [...resource.operations, ...resource.children.flatMap(allOperations)];
}

function staticSegments(path: string): number {
  return path.split('/').filter((s) => s !== '' && !s.includes('{')).length;
}

function lastStaticSegment(path: string): string {
  return (
    path
      .split('/')
      .filter((s) => s !== '' && !s.includes('{'))
      .at(-1) ?? 'item'
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
