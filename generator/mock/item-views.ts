import type { OperationModel, TypeModel } from '../model/model.js';
import { objectProperties, type SchemaLookup } from '../model/type-queries.js';
import { validateValue } from '../values/validate-value.js';
import { envelopeOf } from './envelopes.js';
import type { Collection } from './routes.js';
import type { Item } from './store.js';

/** Makes a value of a type, for the required fields a kept item does not have. */
export type Maker = (type: TypeModel) => unknown;

/**
 * A kept item as an answer of `type` shows it: the item itself where `type` is what it is kept
 * as; inside the envelope `type` declares (`{ data: item }`, `{ result: item }`); or, for another
 * view of the item (the list's `ProjectCompact` of a `ProjectResponse`), its fields that view
 * declares. `undefined` when `type` is no view of the item (an action's job, a count).
 */
export function itemView(
  type: TypeModel,
  collection: Collection,
  item: Item,
  lookup: SchemaLookup,
  make: Maker,
  depth = 0,
): unknown {
  if (sameType(type, collection.recordType)) return item;
  const properties = objectProperties(type, lookup);
  const { idField } = collection;
  if (sameType(type, collection.itemType) || (idField !== undefined && properties.some((p) => p.name === idField)))
    return projected(item, type, lookup, make);
  const envelope = depth < 2 ? envelopeOf(type, lookup) : undefined;
  if (envelope === undefined) return undefined;
  const inner = itemView(envelope.inner, collection, item, lookup, make, depth + 1);
  return inner === undefined ? undefined : { [envelope.field]: inner };
}

/** The item as the list shows it: its fields the list's item type declares. */
export function listedView(item: Item, collection: Collection, lookup: SchemaLookup, make: Maker): Item {
  if (sameType(collection.itemType, collection.recordType)) return item;
  const view = projected(item, collection.itemType, lookup, make);
  return isItem(view) ? view : item;
}

/**
 * What a create or an update sends for the item, its envelope taken off where the answer has the
 * same one (Asana sends `{ data: { name } }` and answers `{ data: project }`).
 */
export function sentItem(operation: OperationModel, body: unknown, lookup: SchemaLookup): unknown {
  const envelope = envelopeOf(operation.body?.type, lookup);
  if (envelope === undefined || !isItem(body)) return body;
  const answered = envelopeOf(operation.response.type, lookup);
  const inner = body[envelope.field];
  return answered?.field === envelope.field && isItem(inner) ? inner : body;
}

/**
 * `item` shaped as `type`: each field `type` declares that the item has and that fits, then the
 * required ones it lacks, made up. Optional fields the item lacks are left out, never invented.
 */
function projected(item: Item, type: TypeModel, lookup: SchemaLookup, make: Maker): unknown {
  const properties = objectProperties(type, lookup);
  if (properties.length === 0)
    return validateValue(item, type, undefined, lookup, 'item').length === 0 ? item : make(type);
  const out: Item = {};
  let made: unknown;
  for (const property of properties) {
    const { name } = property;
    if (Object.hasOwn(item, name) && validateValue(item[name], property.type, property.docs, lookup, name).length === 0)
      setField(out, name, item[name]);
    else if (property.required) {
      made ??= make(type);
      if (isItem(made) && Object.hasOwn(made, name)) setField(out, name, made[name]);
    }
  }
  return out;
}

/** A field named `__proto__` is data, not the object's prototype. */
function setField(target: Item, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

export function sameType(a: TypeModel, b: TypeModel): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
