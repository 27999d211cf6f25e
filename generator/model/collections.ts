import { validateValue } from '../values/validate-value.js';
import type { OperationModel, ParameterModel, ResourceModel, TypeModel } from './model.js';
import { singular } from './names.js';
import { objectProperties, resolveType, type SchemaLookup } from './type-queries.js';

/**
 * A list at one path template (`/projects/{project_id}/groups`), whose items the paths below it
 * name (`/projects/{project_id}/groups/{group_id}`): what the mock keeps state for, and what
 * tells an example which id a path parameter takes.
 */
export interface Collection {
  readonly template: string;
  readonly itemType: TypeModel;
  /** The item field that names an item in its path (`id`, `group_id`); `undefined` if none does. */
  readonly idField: string | undefined;
  /** `groups` → `group`, for ids made up where the spec gives none. */
  readonly idPrefix: string;
  /**
   * The ids of the first items: what the docs' example calls pass for the item's path parameter
   * (its example, else the placeholder made from its name), one per distinct value among the
   * operations on an item, so that a call copied from the docs finds an item on the mock.
   */
  readonly exampleIds: readonly (string | number)[];
}

/**
 * `book_id` → `book_001`, `petId` → `pet_001`: an id for a path parameter without an example, as
 * docs show it and as the mock's first item has it; `undefined` for a name that is no id.
 */
export function placeholderId(name: string): string | undefined {
  const prefix = /^(.+?)[-_]?(id|Id|ID)$/.exec(name)?.[1];
  return prefix === undefined ? undefined : `${prefix.replace(/[^A-Za-z0-9]+/g, '_')}_001`;
}

/** What a docs example passes for a path parameter, before its type is checked: its example, else an id-like placeholder. */
export function pathArgumentCandidates(param: ParameterModel): unknown[] {
  const placeholder = placeholderId(param.name);
  return [param.docs.example?.value, placeholder, placeholder === undefined ? undefined : 1, param.name].filter(
    (value) => value !== undefined,
  );
}

/** Every GET that returns a list makes its path a collection; the first one at a path wins. */
export function collectionsOf(operations: readonly OperationModel[], lookup: SchemaLookup): Map<string, Collection> {
  // `/groups` → `group_id` where some operation is at `/groups/{group_id}` (or on one group, at
  // `/groups/{group_id}/archive`): one pass, not one per list.
  const itemParams = new Map<string, ParameterModel[]>();
  for (const operation of operations) {
    const item = /^(.*)\/\{([^{}/]+)\}(?:\/[^{}/]+)?$/.exec(operation.path);
    const param = operation.pathParams.find((p) => p.name === item?.[2]);
    if (item === null || param === undefined) continue;
    const params = itemParams.get(item[1] as string);
    if (params === undefined) itemParams.set(item[1] as string, [param]);
    else params.push(param);
  }
  const collections = new Map<string, Collection>();
  for (const operation of operations) {
    if (operation.method !== 'get') continue;
    const itemType = listItemType(operation, lookup);
    if (itemType === undefined || collections.has(operation.path)) continue;
    const params = itemParams.get(operation.path) ?? [];
    const ids = params.map((p) => firstIdOf(p, lookup)).filter((id) => id !== undefined);
    collections.set(operation.path, {
      template: operation.path,
      itemType,
      idField: idFieldOf(itemType, params[0]?.name, operation, lookup),
      idPrefix: singular(lastStaticSegment(operation.path).replace(/[^A-Za-z0-9]+/g, '_')),
      exampleIds: [...new Set(ids)],
    });
  }
  return collections;
}

export function allOperations(resource: ResourceModel): OperationModel[] {
  return [...resource.operations, ...resource.children.flatMap(allOperations)];
}

/** `id`, `group_id`, `groupId`: a field whose values must be unique. */
export function isIdName(name: string): boolean {
  return /^(id|.+_id|.+Id|.+ID)$/.test(name);
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

/** `/projects/{project_id}/groups` → `groups`. */
export function lastStaticSegment(path: string): string {
  return (
    path
      .split('/')
      .filter((s) => s !== '' && !s.includes('{'))
      .at(-1) ?? 'item'
  );
}

/** The first of a parameter's candidate arguments that its schema takes: what the docs pass. */
export function firstIdOf(param: ParameterModel, lookup: SchemaLookup): string | number | undefined {
  for (const value of pathArgumentCandidates(param)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    if (validateValue(value, param.type, param.docs, lookup, 'path').length === 0) return value;
  }
  return undefined;
}
