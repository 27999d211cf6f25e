import type { TypeModel } from '../model/model.js';
import { objectProperties, resolveType, type SchemaLookup } from '../model/type-queries.js';
import { validateValue } from '../values/validate-value.js';
import type { Item } from './store.js';

/**
 * Copies into `target` each field of `source` that `type` declares and whose value it accepts:
 * a request's fields go into an answer only where the answer's schema takes them as they are
 * (a message's `content` sent as a string stays out of an answer whose `content` is an array).
 */
export function copyFitting(
  target: Item,
  source: Readonly<Item>,
  type: TypeModel,
  lookup: SchemaLookup,
  skip: readonly (string | undefined)[] = [],
): void {
  for (const property of objectProperties(type, lookup)) {
    if (!Object.hasOwn(source, property.name) || skip.includes(property.name)) continue;
    const value = source[property.name];
    if (validateValue(value, property.type, property.docs, lookup, property.name).length === 0)
      target[property.name] = value;
  }
}

/**
 * A new item as a server makes it: what it fills in itself (required and read-only fields, its
 * id), the spec's defaults, and what was sent where the item's schema takes it. Optional fields
 * nobody sent are left out.
 */
export function createdItem(
  made: Readonly<Item>,
  sent: Readonly<Item>,
  type: TypeModel,
  lookup: SchemaLookup,
  idField: string | undefined,
): Item {
  const properties = objectProperties(type, lookup);
  // Not an object schema (a union of shapes): the made item, with what was sent if it still fits.
  if (properties.length === 0) {
    const merged = { ...made, ...sent };
    if (idField !== undefined) merged[idField] = made[idField];
    return validateValue(merged, type, undefined, lookup, 'item').length === 0 ? merged : { ...made };
  }
  const item: Item = {};
  for (const property of properties) {
    const ownValue = property.name === idField || property.readOnly;
    if (!ownValue && property.docs.default !== undefined) item[property.name] = property.docs.default.value;
    else if ((property.required || ownValue) && Object.hasOwn(made, property.name))
      item[property.name] = made[property.name];
  }
  copyFitting(item, sent, type, lookup, [idField]);
  return item;
}

/**
 * The status an action's name moves an item to: `POST /tickets/{id}/close` sets a `status`
 * (or `state`) enum to `closed`, `cancel` to `cancelled`, `archive` to `archived`. A past
 * participle wins over another form (`cancelled` over `cancelling`); no match, no change.
 */
export function statusAfter(
  action: string,
  type: TypeModel,
  lookup: SchemaLookup,
): { readonly field: string; readonly value: string } | undefined {
  const words = action
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 3)
    .reverse();
  for (const property of objectProperties(type, lookup)) {
    if (property.name !== 'status' && property.name !== 'state') continue;
    const values = enumValues(property.type, lookup);
    for (const word of words) {
      const stem = word.replace(/e$/, '');
      const matches = values.filter((v) => v.toLowerCase().startsWith(stem));
      const chosen = matches.find((v) => v.toLowerCase().endsWith('ed')) ?? matches[0];
      if (chosen !== undefined) return { field: property.name, value: chosen };
    }
  }
  return undefined;
}

/** The strings an enum (a union of string literals, maybe nullable) allows. */
function enumValues(type: TypeModel, lookup: SchemaLookup): string[] {
  const resolved = resolveType(type, lookup);
  if (resolved?.kind === 'literal') return typeof resolved.value === 'string' ? [resolved.value] : [];
  if (resolved?.kind !== 'union') return [];
  return resolved.members.flatMap((member) => enumValues(member, lookup));
}

/**
 * What an uploaded file says about the item made with it, under the usual names: a file
 * object's `filename` and `bytes` are the upload's (each kept only where the schema takes it).
 */
export function uploadFacts(file: { readonly bytes: Buffer; readonly name: string; readonly type: string }): Item {
  const size = file.bytes.length;
  return {
    filename: file.name,
    file_name: file.name,
    fileName: file.name,
    bytes: size,
    size,
    file_size: size,
    fileSize: size,
    size_bytes: size,
    content_type: file.type,
    contentType: file.type,
    mime_type: file.type,
    mimeType: file.type,
  };
}
