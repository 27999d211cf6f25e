import { type Collection, collectionsOf, firstIdOf, isIdName, lastStaticSegment } from '../model/collections.js';
import type { OperationModel, ParameterModel, TypeModel } from '../model/model.js';
import { singular } from '../model/names.js';
import { objectProperties, resolveType, type SchemaLookup } from '../model/type-queries.js';
import { arrayEnvelopeOf, unwrapped } from './envelopes.js';

/** A collection as the mock keeps it: what its items are stored as, and where its list answers put them. */
export interface MockCollection extends Collection {
  /**
   * The type an item is kept as: the fullest answer about one item (Asana's `ProjectResponse`,
   * where the list shows `ProjectCompact`), envelopes taken off; else the list's item type.
   */
  readonly recordType: TypeModel;
  /** Whether a GET (or a paged POST) lists it; a collection made only of `POST /files` and `GET /files/{id}` has none. */
  readonly listed: boolean;
}

/**
 * The collections the mock keeps state for: every list the model knows (`collectionsOf`), the
 * lists it does not because their array is under another one-field envelope (`{ result: [...] }`),
 * and the collections without a list (`POST /files`, `GET /files/{id}`). Items are kept as the
 * fullest type an item's own answer gives, whatever envelope it comes in.
 */
export function mockCollections(
  operations: readonly OperationModel[],
  lookup: SchemaLookup,
): Map<string, MockCollection> {
  const itemOps = itemOperations(operations);
  const found = new Map<string, Collection>(collectionsOf(operations, lookup));
  for (const operation of operations) {
    if (operation.method !== 'get' || found.has(operation.path)) continue;
    const list = arrayEnvelopeOf(operation.response.type, lookup);
    if (list !== undefined) found.set(operation.path, collectionFrom(operation.path, list.inner, itemOps, lookup));
  }
  const collections = new Map<string, MockCollection>();
  for (const [path, collection] of found) {
    // A list of scalars (`{ values: [1, 2] }`) is data, not items to keep.
    if (isScalar(collection.itemType, lookup)) continue;
    const idField = collection.idField ?? idFieldByParam(collection.itemType, itemOps.get(path)?.params, lookup);
    const withId = { ...collection, idField };
    collections.set(path, { ...withId, recordType: recordTypeOf(withId, itemOps.get(path), lookup), listed: true });
  }
  // A POST list (filters in its body, `POST /v1/search`) pages a collection of its own, read only.
  for (const operation of operations) {
    const item = operation.pagination?.item;
    if (operation.method !== 'post' || item === undefined || collections.has(operation.path)) continue;
    if (isScalar(item, lookup)) continue;
    const collection = collectionFrom(operation.path, item, itemOps, lookup);
    collections.set(operation.path, { ...collection, recordType: item, listed: true });
  }
  for (const operation of operations) {
    if (operation.method !== 'post' || collections.has(operation.path) || operation.response.type === undefined)
      continue;
    const ops = itemOps.get(operation.path);
    if (ops === undefined) continue;
    const itemType = unwrapped(operation.response.type, lookup);
    const collection = collectionFrom(operation.path, itemType, itemOps, lookup);
    if (collection.idField === undefined) continue;
    collections.set(operation.path, {
      ...collection,
      recordType: recordTypeOf(collection, ops, lookup),
      listed: false,
    });
  }
  return collections;
}

function isScalar(type: TypeModel, lookup: SchemaLookup): boolean {
  const kind = resolveType(type, lookup)?.kind;
  return kind === 'primitive' || kind === 'literal' || kind === 'array';
}

interface ItemOperations {
  /** The path parameters naming one item (`/files/{file_id}` → `file_id`). */
  readonly params: ParameterModel[];
  /** The answer of `GET <path>/{id}`, if there is one. */
  retrieve?: TypeModel | undefined;
}

/** For each path, the operations on one item below it (`/files` ← `/files/{file_id}`, `/files/{file_id}/content`). */
function itemOperations(operations: readonly OperationModel[]): Map<string, ItemOperations> {
  const byBase = new Map<string, ItemOperations>();
  for (const operation of operations) {
    const match = /^(.*)\/\{([^{}/]+)\}(\/[^{}/]+)?$/.exec(operation.path);
    const param = operation.pathParams.find((p) => p.name === match?.[2]);
    if (match === null || param === undefined) continue;
    const base = match[1] as string;
    const entry = byBase.get(base) ?? { params: [] };
    entry.params.push(param);
    if (match[3] === undefined && operation.method === 'get') entry.retrieve = operation.response.type;
    byBase.set(base, entry);
  }
  return byBase;
}

function collectionFrom(
  path: string,
  itemType: TypeModel,
  itemOps: ReadonlyMap<string, ItemOperations>,
  lookup: SchemaLookup,
): Collection {
  const params = itemOps.get(path)?.params ?? [];
  const names = objectProperties(itemType, lookup).map((p) => p.name);
  const idField =
    (names.includes('id') ? 'id' : undefined) ??
    idFieldByParam(itemType, params, lookup) ??
    names.find((name) => isIdName(name));
  const ids = params.map((p) => firstIdOf(p, lookup)).filter((id) => id !== undefined);
  return {
    template: path,
    itemType,
    idField,
    idPrefix: singular(lastStaticSegment(path).replace(/[^A-Za-z0-9]+/g, '_')),
    exampleIds: [...new Set(ids)],
  };
}

/**
 * The item field a path parameter names by its last word: `{project_gid}` → `gid`, `{userKey}` →
 * `key`, as Asana names its items by `gid`.
 */
function idFieldByParam(
  itemType: TypeModel,
  params: readonly ParameterModel[] | undefined,
  lookup: SchemaLookup,
): string | undefined {
  const names = new Set(objectProperties(itemType, lookup).map((p) => p.name));
  for (const param of params ?? []) {
    const snake = /[_-]([A-Za-z0-9]+)$/.exec(param.name)?.[1];
    const camel = /[a-z0-9]([A-Z][a-z0-9]*)$/.exec(param.name)?.[1]?.toLowerCase();
    for (const name of [param.name, snake, snake?.toLowerCase(), camel])
      if (name !== undefined && names.has(name)) return name;
  }
  return undefined;
}

/**
 * The type to keep items as: the item's own answer (`GET /projects/{gid}`, envelope off) where it
 * has every field the list shows, so that what a create sends beyond the list's view is kept.
 */
function recordTypeOf(collection: Collection, ops: ItemOperations | undefined, lookup: SchemaLookup): TypeModel {
  if (ops?.retrieve === undefined) return collection.itemType;
  const full = unwrapped(ops.retrieve, lookup);
  const fields = new Set(objectProperties(full, lookup).map((p) => p.name));
  const listed = objectProperties(collection.itemType, lookup);
  const covers = listed.length > 0 && listed.every((p) => fields.has(p.name));
  return covers ? full : collection.itemType;
}
