import type { NamedSchema, PropertyModel, TypeModel } from './model.js';

export type SchemaLookup = (name: string) => NamedSchema | undefined;

/** A type with its `$ref`s followed; `undefined` for a ref to nothing or a loop of refs. */
export function resolveType(type: TypeModel, lookup: SchemaLookup): TypeModel | undefined {
  let current: TypeModel | undefined = type;
  for (let i = 0; current?.kind === 'ref' && i < 32; i++) current = lookup(current.name)?.type;
  return current?.kind === 'ref' ? undefined : current;
}

/**
 * How a tagged union tells its members apart: the required property every member fixes to a
 * string of its own (`kind: 'print'` | `kind: 'ebook'`), and each member's value of it, in order.
 * `undefined` when no property is such a string in every member, or all share one value.
 * Made once per union: the mock's validator asks it for every value it checks.
 */
export function unionTag(members: readonly TypeModel[], lookup: SchemaLookup): UnionTag | undefined {
  if (tags.has(members)) return tags.get(members) ?? undefined;
  const fixed = members.map((member) => {
    const found = new Map<string, string>();
    for (const property of objectProperties(member, lookup)) {
      const value = resolveType(property.type, lookup);
      if (property.required && value?.kind === 'literal' && typeof value.value === 'string')
        found.set(property.name, value.value);
    }
    return found;
  });
  let tag: UnionTag | null = null;
  for (const property of members.length < 2 ? [] : (fixed[0]?.keys() ?? [])) {
    const values = fixed.map((map) => map.get(property));
    if (values.every((value): value is string => value !== undefined) && new Set(values).size > 1) {
      tag = { property, values };
      break;
    }
  }
  tags.set(members, tag);
  return tag ?? undefined;
}

export interface UnionTag {
  readonly property: string;
  /** Each member's value of the property, in the members' order. */
  readonly values: readonly string[];
}

const tags = new WeakMap<readonly TypeModel[], UnionTag | null>();

/** The properties an object type has, through `$ref`s, `allOf` and `Omit`; the last of a name wins. */
export function objectProperties(type: TypeModel, lookup: SchemaLookup, depth = 0): PropertyModel[] {
  if (depth > 16) return [];
  switch (type.kind) {
    case 'object':
      return [...type.properties];
    case 'ref': {
      const schema = lookup(type.name);
      return schema === undefined ? [] : objectProperties(schema.type, lookup, depth + 1);
    }
    case 'intersection': {
      const byName = new Map<string, PropertyModel>();
      for (const member of type.members)
        for (const p of objectProperties(member, lookup, depth + 1)) byName.set(p.name, p);
      return [...byName.values()];
    }
    case 'omit':
      return objectProperties(type.type, lookup, depth + 1).filter((p) => !type.keys.includes(p.name));
    case 'primitive':
    case 'literal':
    case 'array':
    case 'union':
      return [];
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}
