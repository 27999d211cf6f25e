import type { TypeModel } from './model.js';

export const UNKNOWN: TypeModel = { kind: 'primitive', name: 'unknown' };
/** The empty union: no value fits. */
export const NEVER: TypeModel = { kind: 'union', members: [] };
export const STRING: TypeModel = { kind: 'primitive', name: 'string' };
export const BLOB: TypeModel = { kind: 'primitive', name: 'Blob' };

/** A union, flattened and without duplicates; `unknown` absorbs everything. */
export function unionOf(members: readonly TypeModel[]): TypeModel {
  // One member (most schemas' one part): itself, as below, without flattening and de-duplicating.
  const only = members.length === 1 ? members[0] : undefined;
  if (only !== undefined && only.kind !== 'union') return isUnknown(only) ? UNKNOWN : only;
  const flat = dedupe(members.flatMap((m) => (m.kind === 'union' ? m.members : [m])));
  if (flat.some(isUnknown)) return UNKNOWN;
  return flat.length === 1 ? (flat[0] as TypeModel) : { kind: 'union', members: flat };
}

/** An intersection, flattened and without duplicates; `unknown` members add nothing. */
export function intersectionOf(members: readonly TypeModel[]): TypeModel {
  const only = members.length === 1 ? members[0] : undefined;
  if (only !== undefined && only.kind !== 'intersection')
    return isUnknown(only) ? UNKNOWN : isNever(only) ? NEVER : only;
  const flat = dedupe(members.flatMap((m) => (m.kind === 'intersection' ? m.members : [m]))).filter(
    (m) => !isUnknown(m),
  );
  if (flat.some(isNever)) return NEVER;
  if (flat.length === 0) return UNKNOWN;
  return flat.length === 1 ? (flat[0] as TypeModel) : { kind: 'intersection', members: flat };
}

export function isUnknown(type: TypeModel): boolean {
  return type.kind === 'primitive' && type.name === 'unknown';
}

export function isNever(type: TypeModel): boolean {
  return type.kind === 'union' && type.members.length === 0;
}

function dedupe(types: readonly TypeModel[]): TypeModel[] {
  if (types.length < 2) return [...types];
  // Two of different kinds are never equal (`identity` keys each kind apart): a nullable object,
  // `object | null`, need not be serialized whole to know it.
  if (types.length === 2 && (types[0] as TypeModel).kind !== (types[1] as TypeModel).kind) return [...types];
  const seen = new Set<string>();
  return types.filter((t) => {
    const key = identity(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A key equal for equal types. Names and literals are cheap to key; only structured types are
 * serialized whole (doing that for every member of every union was a third of modeling openai.yaml).
 */
function identity(type: TypeModel): string {
  switch (type.kind) {
    case 'primitive':
      // An integer, or a bounded string, is another type than the plain one for the validator.
      return type.integer === undefined && type.constraints === undefined ? `p:${type.name}` : JSON.stringify(type);
    case 'ref':
      return `r:${type.name}`;
    case 'literal':
      return `l:${JSON.stringify(type.value)}`;
    case 'array':
    case 'object':
    case 'union':
    case 'intersection':
    case 'omit':
      return JSON.stringify(type);
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}
