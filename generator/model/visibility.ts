import type { PropertyModel, TypeModel } from './model.js';
import type { SchemaConverter } from './schemas.js';

/**
 * What a request may send and a response may return differ by `readOnly` and `writeOnly`.
 * A request body leaves out read-only properties (a caller cannot set `id`), a response
 * leaves out write-only ones (a `password` never comes back). This looks one level deep:
 * the object itself, named or inline.
 */
export function requestView(type: TypeModel, schemas: SchemaConverter): TypeModel {
  return without(type, schemas, (p) => p.readOnly);
}

export function responseView(type: TypeModel, schemas: SchemaConverter): TypeModel {
  return without(type, schemas, (p) => p.writeOnly);
}

function without(type: TypeModel, schemas: SchemaConverter, hidden: (property: PropertyModel) => boolean): TypeModel {
  if (type.kind === 'object') return { ...type, properties: type.properties.filter((p) => !hidden(p)) };
  if (type.kind !== 'ref') return type;
  const keys = (schemas.objectOf(type)?.properties ?? []).filter(hidden).map((p) => p.name);
  return keys.length === 0 ? type : { kind: 'omit', type, keys };
}
