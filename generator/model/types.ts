import type { TypeModel } from './model.js';

export const UNKNOWN: TypeModel = { kind: 'primitive', name: 'unknown' };
/** The empty union: no value fits. */
export const NEVER: TypeModel = { kind: 'union', members: [] };
export const STRING: TypeModel = { kind: 'primitive', name: 'string' };
export const BLOB: TypeModel = { kind: 'primitive', name: 'Blob' };

/** A union, flattened and without duplicates; `unknown` absorbs everything. */
export function unionOf(members: readonly TypeModel[]): TypeModel {
  const flat = dedupe(members.flatMap((m) => (m.kind === 'union' ? m.members : [m])));
  if (flat.some(isUnknown)) return UNKNOWN;
  return flat.length === 1 ? (flat[0] as TypeModel) : { kind: 'union', members: flat };
}

/** An intersection, flattened and without duplicates; `unknown` members add nothing. */
export function intersectionOf(members: readonly TypeModel[]): TypeModel {
  const flat = dedupe(members.flatMap((m) => (m.kind === 'intersection' ? m.members : [m]))).filter((m) => !isUnknown(m));
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
  const seen = new Set<string>();
  return types.filter((t) => {
    const key = JSON.stringify(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
