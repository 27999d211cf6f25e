import { resolveShape, shapeProperties, unionTag as shapeUnionTag, type UnionTag } from '../runtime/validate.js';
import type { NamedSchema, PropertyModel, TypeModel } from './model.js';

export type { UnionTag } from '../runtime/validate.js';

export type SchemaLookup = (name: string) => NamedSchema | undefined;

/** A type with its `$ref`s followed; `undefined` for a ref to nothing or a loop of refs. */
export function resolveType(type: TypeModel, lookup: SchemaLookup): TypeModel | undefined {
  // The runtime's validator walks the same data; a lookup of model schemas yields model types.
  return resolveShape(type, lookup) as TypeModel | undefined;
}

/**
 * How a tagged union tells its members apart: the required property every member fixes to a
 * string of its own (`kind: 'print'` | `kind: 'ebook'`), and each member's value of it, in order.
 * `undefined` when no property is such a string in every member, or all share one value.
 */
export function unionTag(members: readonly TypeModel[], lookup: SchemaLookup): UnionTag | undefined {
  return shapeUnionTag(members, lookup);
}

/** The properties an object type has, through `$ref`s, `allOf` and `Omit`; the last of a name wins. */
export function objectProperties(type: TypeModel, lookup: SchemaLookup): PropertyModel[] {
  // The runtime's validator walks the same data; a lookup of model schemas yields model properties.
  return shapeProperties(type, lookup) as PropertyModel[];
}
