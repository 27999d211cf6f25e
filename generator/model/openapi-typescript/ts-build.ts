// Constructors of TsType that combine types as openapi-typescript 7.13 does: its unions and
// intersections drop repeated primitives (and only those), and a one-member list is the member.
import type { TsIndex, TsKeyword, TsMember, TsType } from './ts-type.js';

export const keyword = (name: TsKeyword): TsType => ({ kind: 'keyword', name });
export const STRING = keyword('string');
export const NUMBER = keyword('number');
export const BOOLEAN = keyword('boolean');
export const NULL = keyword('null');
export const UNKNOWN = keyword('unknown');
export const NEVER = keyword('never');

export const named = (name: string, args?: readonly TsType[]): TsType =>
  args === undefined ? { kind: 'named', name } : { kind: 'named', name, args };

export const record = (key: TsType, value: TsType): TsType => named('Record', [key, value]);

export const objectType = (members: readonly TsMember[], index?: TsIndex): TsType =>
  index === undefined ? { kind: 'object', members } : { kind: 'object', members, index };

export const isUnknown = (type: TsType): boolean => type.kind === 'keyword' && type.name === 'unknown';

/** 7.13's "primitive": string, number, boolean, null, undefined, never (a literal other than `null` is not one). */
export function isPrimitive(type: TsType): boolean {
  if (type.kind === 'keyword') return type.name !== 'unknown' && type.name !== 'any';
  return type.kind === 'literal' && type.value === null;
}

/**
 * The key under which 7.13 drops a repeated member: only primitive keywords and `null` (a literal,
 * even `true`, is kept however often it comes).
 */
function dedupeKey(type: TsType): string | undefined {
  if (type.kind === 'literal') return type.value === null ? 'null' : undefined;
  return isPrimitive(type) && type.kind === 'keyword' ? type.name : undefined;
}

function dedupe(types: readonly TsType[]): TsType[] {
  const seen = new Set<string>();
  const kept: TsType[] = [];
  for (const type of types) {
    const key = dedupeKey(type);
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    kept.push(type);
  }
  return kept;
}

export function union(types: readonly TsType[]): TsType {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0] as TsType;
  return { kind: 'union', members: dedupe(types) };
}

export function intersection(types: readonly TsType[]): TsType {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0] as TsType;
  return { kind: 'intersection', members: dedupe(types) };
}

/** `T | null`, without the dedupe (7.13's tsNullable). */
export const nullable = (type: TsType): TsType => ({ kind: 'union', members: [type, NULL] });

/** The type of a JSON value as a `const`: literals, tuples of literals, object literals. */
export function literalType(value: unknown): TsType {
  if (value === null) return NULL;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'literal', value };
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? { kind: 'array', items: NEVER } : { kind: 'tuple', items: value.map(literalType) };
  }
  if (typeof value === 'object') {
    const members: TsMember[] = Object.entries(value).map(([name, v]) => ({
      name,
      optional: false,
      readonly: false,
      type: literalType(v),
    }));
    return members.length ? objectType(members) : record(STRING, NEVER);
  }
  return UNKNOWN;
}

/** `Omit<T, "a" | "b">`. */
export const omit = (type: TsType, keys: readonly string[]): TsType =>
  named('Omit', [type, { kind: 'union', members: keys.map((value) => ({ kind: 'literal', value })) }]);
