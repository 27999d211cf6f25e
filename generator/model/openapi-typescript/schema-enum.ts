// `enum` on a non-object schema: a union of literals, or (`--enum`) a TS enum declared at the end
// of the file and named after the schema's place; `--enum-values` adds an array of the values.
import type { RawSchema, SchemaContext } from './schema-context.js';
import { declarationBaseName, enumMemberName } from './schema-enum-names.js';
import { enumValuesConst } from './schema-enum-values.js';
import { intersection, literalType, NULL, named, objectType, STRING, union } from './ts-build.js';
import type { TsDeclaration, TsType } from './ts-type.js';

type EnumDeclaration = Extract<TsDeclaration, { kind: 'enum' }>;
type EnumMetadata = { readonly name?: string | undefined; readonly description?: string | undefined };

/** Whether 7.13 prints this schema's `enum` as an enum (rather than treating it as a `oneOf`). */
export function isEnumSchema(schema: RawSchema): boolean {
  return Array.isArray(schema['enum']) && schema['type'] !== 'object' && !('properties' in schema);
}

/** 7.13's tsEnumMember name: the x-enum-varname or the value, made a valid member name. */
function memberName(value: string | number, metadata: EnumMetadata | undefined): string {
  return enumMemberName(metadata?.name ?? String(value));
}

function metadataOf(schema: RawSchema, values: readonly unknown[]): EnumMetadata[] {
  const list = (key: string): readonly unknown[] | undefined => {
    const value = schema[key];
    return Array.isArray(value) ? value : undefined;
  };
  const [varnames, enumNames] = [list('x-enum-varnames'), list('x-enumNames')];
  const [descriptions, enumDescriptions] = [list('x-enum-descriptions'), list('x-enumDescriptions')];
  return values.map((_, i) => {
    const name = varnames?.[i] ?? enumNames?.[i];
    const description = descriptions?.[i] ?? enumDescriptions?.[i];
    return {
      name: typeof name === 'string' ? name : undefined,
      description: typeof description === 'string' ? description : undefined,
    };
  });
}

const hasEnumMetadata = (schema: RawSchema): boolean =>
  ['x-enum-varnames', 'x-enumNames', 'x-enum-descriptions', 'x-enumDescriptions'].some((key) =>
    Array.isArray(schema[key]),
  );

function shouldDeclareEnum(schema: RawSchema, values: readonly unknown[], ctx: SchemaContext): boolean {
  if (ctx.options.enum !== true) return false;
  // 7.13 tests `typeof v` against null too, which never matches: an enum holding null stays a union.
  if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) return false;
  return ctx.options.conditionalEnums !== true || hasEnumMetadata(schema);
}

/** Per document (its declarations list): `--dedupe-enums` reuses an enum with the same members. */
const enumCaches = new WeakMap<TsDeclaration[], Map<string, EnumDeclaration>>();

function dedupeKey(values: readonly (string | number)[], metadata: readonly EnumMetadata[]): string {
  // As 7.13: the values sorted, each paired with the metadata of the same *sorted* position.
  return [...values]
    .sort()
    .map((v, i) => `${metadata[i]?.name ?? String(v)}:${metadata[i]?.description ?? ''}`)
    .join(',');
}

/** The enum for `schema`: a new one, or under `--dedupe-enums` one already declared with the same members. */
function declareEnum(
  schema: RawSchema,
  values: readonly (string | number)[],
  ctx: SchemaContext,
): { declaration: EnumDeclaration; reused: boolean } {
  const metadata = metadataOf(schema, schema['enum'] as unknown[]);
  const cache = ctx.options.dedupeEnums === true ? (enumCaches.get(ctx.declarations) ?? new Map()) : undefined;
  const key = cache === undefined ? '' : dedupeKey(values, metadata);
  const cached = cache?.get(key);
  if (cached !== undefined) return { declaration: cached, reused: true };
  const base = declarationBaseName(ctx.pointer);
  const declaration: EnumDeclaration = {
    kind: 'enum',
    name: `${base.charAt(0).toUpperCase()}${base.slice(1)}`,
    members: values.map((value, i) => {
      const description = metadata[i]?.description?.trim();
      const member = { name: memberName(value, metadata[i]), value };
      return description ? { ...member, description } : member;
    }),
  };
  if (cache !== undefined) {
    cache.set(key, declaration);
    enumCaches.set(ctx.declarations, cache);
  }
  return { declaration, reused: false };
}

/** `("a" | "b") | (string & {})`: a string enum that also allows other strings (`additionalProperties` on it). */
function openEnded(type: TsType, schema: RawSchema, open: boolean): TsType {
  return open && schema['type'] === 'string' ? union([type, intersection([STRING, objectType([])])]) : type;
}

const isNullable = (schema: RawSchema): boolean =>
  (Array.isArray(schema['type']) && schema['type'].includes('null')) || Boolean(schema['nullable']);

/**
 * The type of an enum schema, or undefined when 7.13 does not treat it as one (an enum on a
 * non-string with `additionalProperties`: it is then read as a oneOf).
 */
export function enumType(schema: RawSchema, ctx: SchemaContext, fromAdditionalProperties: boolean): TsType | undefined {
  const values = schema['enum'] as unknown[];
  const open = Boolean(schema['additionalProperties']);
  if (open && schema['type'] !== 'string') return undefined;
  if (shouldDeclareEnum(schema, values, ctx)) {
    const nonNull = values.filter((v): v is string | number => v !== null);
    const { declaration, reused } = declareEnum(schema, nonNull, ctx);
    if (!reused) ctx.declarations.push(declaration);
    const reference = named(declaration.name);
    return openEnded(nonNull.length < values.length ? union([reference, NULL]) : reference, schema, open);
  }
  const literals = values.map(literalType);
  if (isNullable(schema)) literals.push(NULL);
  const type = openEnded(union(literals), schema, open);
  if (ctx.options.enumValues === true && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
    ctx.declarations.push(enumValuesConst(values as (string | number)[], ctx, fromAdditionalProperties));
  }
  return type;
}
