// The object part of a schema, as 7.13 prints it: the inherited discriminator property, then
// `properties`, `$defs`, and an index signature for `additionalProperties`/`patternProperties`.

import {
  below,
  entriesOf,
  isRecord,
  type RawSchema,
  type SchemaContext,
  SchemaShapeError,
  type SchemaTransform,
} from './schema-context.js';
import { declaredValues, discriminatorValue } from './schema-discriminators.js';
import { schemaDocs } from './schema-docs.js';
import { intersection, named, objectType, UNKNOWN, union } from './ts-build.js';
import type { TsMember, TsType } from './ts-type.js';

/** `$Read<T>`/`$Write<T>` under `--read-write-markers` (not both: such a property is neither). */
function markReadWrite(type: TsType, readOnly: boolean, writeOnly: boolean, ctx: SchemaContext): TsType {
  if (ctx.options.readWriteMarkers !== true || readOnly === writeOnly) return type;
  return named(readOnly ? '$Read' : '$Write', [type]);
}

const isReadonly = (readOnly: boolean, ctx: SchemaContext): boolean =>
  ctx.options.immutable === true || (ctx.options.readWriteMarkers !== true && readOnly);

/** A schema with allOf/anyOf under a discriminator it inherits gets that property first, set to its own value. */
function discriminatorMember(schema: RawSchema, ctx: SchemaContext): TsMember | undefined {
  if (!schema['allOf'] && !schema['anyOf']) return undefined;
  const discriminators = ctx.discriminators;
  if (schema['discriminator'] || discriminators === undefined || discriminators.refsHandled.has(ctx.pointer)) {
    return undefined;
  }
  const discriminator = discriminators.objects.get(ctx.pointer);
  if (discriminator === undefined) return undefined;
  const value = discriminatorValue(discriminator, ctx.pointer);
  // 7.13 sets it even where the schema declares other values (a contradiction: never); unless
  // `compat`, the schema's own declaration stands.
  const declared =
    ctx.options.compat === true ? undefined : declaredValues(schema, discriminator.propertyName, ctx.resolve);
  if (declared !== undefined && !declared.includes(value)) return undefined;
  return {
    name: discriminator.propertyName,
    optional: false,
    readonly: ctx.options.immutable === true,
    type: { kind: 'literal', value },
  };
}

/** Where 7.13 never makes a defaulted property required: inside parameters and request bodies. */
const isRequestSide = (pointer: string): boolean =>
  pointer.includes('parameters') || pointer.includes('requestBody') || pointer.includes('requestBodies');

function isDeprecatedProperty(value: RawSchema, ctx: SchemaContext): boolean {
  const ref = value['$ref'];
  const resolved = typeof ref === 'string' ? ctx.resolve(ref) : value;
  return isRecord(resolved) && Boolean(resolved['deprecated']);
}

function propertyMembers(schema: RawSchema, ctx: SchemaContext, transform: SchemaTransform): TsMember[] {
  const properties = schema['properties'];
  if (!isRecord(properties)) return [];
  const required = Array.isArray(schema['required']) ? new Set<unknown>(schema['required']) : undefined;
  const members: TsMember[] = [];
  for (const [name, value] of entriesOf(properties, ctx.options)) {
    if (typeof value !== 'boolean' && !isRecord(value)) {
      const got = Array.isArray(value) ? 'Array' : typeof value;
      throw new SchemaShapeError(
        ctx.pointer,
        `invalid property ${name}. Expected Schema Object or boolean, got ${got}`,
      );
    }
    const schemaValue: RawSchema = typeof value === 'boolean' ? {} : value;
    if (ctx.options.excludeDeprecated === true && isDeprecatedProperty(schemaValue, ctx)) continue;
    const ref = schemaValue['$ref'];
    const readOnly = Boolean(schemaValue['readOnly']);
    const hasDefault = schemaValue['default'] !== undefined;
    const isRequired =
      required?.has(name) === true ||
      (required === undefined && ctx.options.propertiesRequiredByDefault === true) ||
      (hasDefault && ctx.options.defaultNonNullable !== false && !isRequestSide(ctx.pointer));
    const type = typeof ref === 'string' ? ctx.refType(ref) : transform(value, below(ctx, name));
    const docs = schemaDocs(value);
    members.push({
      name,
      optional: !isRequired,
      readonly: isReadonly(readOnly, ctx),
      type: markReadWrite(type, readOnly, Boolean(schemaValue['writeOnly']), ctx),
      ...(docs.length ? { docs } : {}),
    });
  }
  return members;
}

function defsMember(defs: RawSchema, ctx: SchemaContext, transform: SchemaTransform): TsMember {
  const members = Object.entries(defs).map(([name, value]): TsMember => {
    const readOnly = isRecord(value) && Boolean(value['readOnly']);
    const writeOnly = isRecord(value) && Boolean(value['writeOnly']);
    const docs = schemaDocs(value);
    return {
      name,
      optional: false,
      readonly: isReadonly(readOnly, ctx),
      type: markReadWrite(transform(value, below(ctx, '$defs', name)), readOnly, writeOnly, ctx),
      ...(docs.length ? { docs } : {}),
    };
  });
  return { name: '$defs', optional: false, readonly: false, type: objectType(members) };
}

/** The types an index signature allows: additionalProperties, then each patternProperties schema. */
function indexTypes(schema: RawSchema, ctx: SchemaContext, transform: SchemaTransform): TsType[] {
  const additional = schema['additionalProperties'];
  const types: TsType[] = [];
  const keyCount = isRecord(additional) ? Object.keys(additional).length : 0;
  if (keyCount > 0) types.push(transform(additional, ctx, true));
  if (
    additional === true ||
    (isRecord(additional) && keyCount === 0) ||
    (!additional && ctx.options.additionalProperties === true)
  ) {
    types.push(UNKNOWN);
  }
  const patterns = schema['patternProperties'];
  if (isRecord(patterns)) {
    for (const [, value] of entriesOf(patterns, ctx.options)) types.push(transform(value, ctx));
  }
  return types;
}

const hasKeys = (value: unknown): boolean => isRecord(value) && Object.keys(value).length > 0;

/** The object part of `schema`, or undefined when it has none. */
export function objectCore(schema: RawSchema, ctx: SchemaContext, transform: SchemaTransform): TsType | undefined {
  const members: TsMember[] = [];
  const inherited = discriminatorMember(schema, ctx);
  if (inherited !== undefined) members.push(inherited);
  const hasObjectKeywords =
    hasKeys(schema['properties']) ||
    Boolean(schema['additionalProperties']) ||
    Boolean(schema['patternProperties']) ||
    Boolean(schema['$defs']);
  if (!hasObjectKeywords) return members.length ? objectType(members) : undefined;
  members.push(...propertyMembers(schema, ctx, transform));
  const defs = schema['$defs'];
  if (hasKeys(defs)) members.push(defsMember(defs as RawSchema, ctx, transform));
  const types = indexTypes(schema, ctx, transform);
  if (types.length === 0) return members.length ? objectType(members) : undefined;
  const index = objectType([], { key: 'key', type: union(types), readonly: ctx.options.immutable === true });
  return intersection([...(members.length ? [objectType(members)] : []), index]);
}
