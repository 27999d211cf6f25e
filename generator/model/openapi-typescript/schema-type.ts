// Schema Object → TsType, as openapi-typescript 7.13's transformSchemaObject: `$ref`, `const`,
// `enum`, then the schema's own type intersected with its `allOf`, joined with its `anyOf`/`oneOf`.
import { arrayType } from './schema-array.js';
import {
  below,
  isRecord,
  type RawSchema,
  type SchemaContext,
  SchemaShapeError,
  type SchemaTransform,
} from './schema-context.js';
import { applyPatches, type DiscriminatorObject } from './schema-discriminators.js';
import { enumType, isEnumSchema } from './schema-enum.js';
import { objectCore } from './schema-object.js';
import {
  BOOLEAN,
  intersection,
  isPrimitive,
  isUnknown,
  literalType,
  NEVER,
  NULL,
  NUMBER,
  named,
  nullable,
  omit,
  record,
  STRING,
  UNKNOWN,
  union,
} from './ts-build.js';
import type { TsType } from './ts-type.js';

export type { SchemaContext } from './schema-context.js';

/** The TypeScript type of a raw Schema Object (or `{ $ref }`, or a boolean schema) at `ctx.pointer`. */
export function schemaType(schema: unknown, ctx: SchemaContext): TsType {
  return transform(schema, ctx, false);
}

const transform: SchemaTransform = (schema, ctx, fromAdditionalProperties = false) => {
  if (!schema) return NEVER;
  if (schema === true) return UNKNOWN;
  if (!isRecord(schema)) {
    const got = Array.isArray(schema) ? 'Array' : typeof schema;
    throw new SchemaShapeError(ctx.pointer, `Expected SchemaObject, received ${got}`);
  }
  if ('$ref' in schema) return ctx.refType(String(schema['$ref']));
  const patched = patchedAt(schema, ctx);
  if (patched['const'] !== null && patched['const'] !== undefined) return literalType(patched['const']);
  if (isEnumSchema(patched)) {
    const type = enumType(patched, ctx, fromAdditionalProperties);
    if (type !== undefined) return type;
  }
  return composedType(patched, ctx);
};

/**
 * The schema with the discriminator's edits (scanDiscriminators), when it is the very schema at
 * its pointer: an inline allOf member shares its parent's pointer but is not patched.
 */
function patchedAt(schema: RawSchema, ctx: SchemaContext): RawSchema {
  if (ctx.discriminators?.patches.has(ctx.pointer) !== true || ctx.resolve(ctx.pointer) !== schema) return schema;
  return applyPatches(schema, ctx.pointer, ctx.discriminators, patchOptions(ctx));
}

function resolvedSchema(ref: string, ctx: SchemaContext): RawSchema | undefined {
  const resolved = ctx.resolve(ref);
  return isRecord(resolved) ? applyPatches(resolved, ref, ctx.discriminators, patchOptions(ctx)) : undefined;
}

const patchOptions = (ctx: SchemaContext) => ({ compat: ctx.options.compat === true, resolve: ctx.resolve });

const PRIMITIVES: Readonly<Record<string, TsType>> = {
  null: NULL,
  string: STRING,
  number: NUMBER,
  integer: NUMBER,
  boolean: BOOLEAN,
};

/** `type: [a, b]`: each type's schema in turn (those a `oneOf` member also has are left to the oneOf). */
function polymorphicType(schema: RawSchema, types: readonly unknown[], ctx: SchemaContext): TsType {
  const oneOf = schema['oneOf'];
  const members: TsType[] = [];
  for (const type of types) {
    if (Array.isArray(oneOf)) {
      const inOneOf = oneOf.some((member) => isRecord(member) && member['type'] === type);
      if (typeof type === 'string' && PRIMITIVES[type] !== undefined && inOneOf) continue;
      members.push(type === 'null' || type === null ? NULL : transform({ ...schema, type, oneOf: undefined }, ctx));
    } else {
      members.push(type === 'null' || type === null ? NULL : transform({ ...schema, type }, ctx));
    }
  }
  return union(members);
}

/** The schema without its allOf/anyOf/oneOf: a primitive, an array, several types, or its object part. */
function coreType(schema: RawSchema, ctx: SchemaContext): TsType | undefined {
  const type = schema['type'];
  if (typeof type === 'string' && type !== '') {
    const primitive = PRIMITIVES[type];
    if (primitive !== undefined) return primitive;
    if (type === 'array') return arrayType(schema, ctx, transform);
  } else if (Array.isArray(type)) {
    return polymorphicType(schema, type, ctx);
  }
  return objectCore(schema, ctx, transform);
}

function discriminatorOf(value: unknown): DiscriminatorObject | undefined {
  return isRecord(value) && typeof value['propertyName'] === 'string'
    ? { propertyName: value['propertyName'] }
    : undefined;
}

/**
 * allOf members: a `$ref` made to require the parent's `required` keys it has (`WithRequired`),
 * an inline schema given them; a member carrying a discriminator loses that property (`Omit`),
 * since the child sets it.
 */
function allOfTypes(members: readonly unknown[], required: readonly unknown[], ctx: SchemaContext): TsType[] {
  return members.map((member) => {
    let type: TsType;
    let discriminator: DiscriminatorObject | undefined;
    if (isRecord(member) && typeof member['$ref'] === 'string') {
      const ref = member['$ref'];
      type = transform(member, ctx);
      const target = resolvedSchema(ref, ctx);
      if (target !== undefined && 'properties' in target && ctx.discriminators?.refsHandled.has(ref) !== true) {
        const properties = isRecord(target['properties']) ? target['properties'] : {};
        const keys = required.filter((key): key is string => typeof key === 'string' && Boolean(properties[key]));
        if (keys.length > 0) type = withRequired(type, keys, ctx);
      }
      discriminator = ctx.discriminators?.objects.get(ref) ?? discriminatorOf(member['discriminator']);
    } else if (isRecord(member)) {
      const own = Array.isArray(member['required']) ? member['required'] : [];
      type = transform({ ...member, required: [...required, ...own] }, ctx);
      discriminator = discriminatorOf(member['discriminator']);
    } else {
      type = transform(member, ctx);
    }
    return discriminator === undefined ? type : omit(type, [discriminator.propertyName]);
  });
}

function withRequired(type: TsType, keys: readonly string[], ctx: SchemaContext): TsType {
  if (!ctx.declarations.some((d) => d.kind === 'helper' && d.name === 'WithRequired')) {
    ctx.declarations.push({ kind: 'helper', name: 'WithRequired' });
  }
  return named('WithRequired', [type, union(keys.map((value) => ({ kind: 'literal', value })))]);
}

function unionTypes(members: readonly unknown[], key: 'anyOf' | 'oneOf', ctx: SchemaContext): TsType[] {
  return members.map((member, i) => transform(member, below(ctx, key, String(i))));
}

const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** The core type & allOf, | anyOf, & oneOf (| when every oneOf member is a primitive); `unknown` when there is none. */
function composedType(schema: RawSchema, ctx: SchemaContext): TsType {
  let type: TsType | undefined;
  const core = coreType(schema, ctx);
  const allOf = allOfTypes(listOf(schema['allOf']), listOf(schema['required']), ctx);
  if (core !== undefined || allOf.length > 0) {
    type = intersection([...(core ? [core] : []), ...(allOf.length ? [intersection(allOf)] : [])]);
  }
  const anyOf = unionTypes(listOf(schema['anyOf']), 'anyOf', ctx);
  if (anyOf.length > 0) type = union([...(type ? [type] : []), ...anyOf]);
  // An object schema's `enum` lists the objects it may be: a oneOf.
  const oneOfList = schema['oneOf'] || (schema['type'] === 'object' && schema['enum']) || [];
  const oneOf = unionTypes(listOf(oneOfList), 'oneOf', ctx);
  if (oneOf.length > 0) {
    type = oneOf.every(isPrimitive)
      ? union([...(type ? [type] : []), ...oneOf])
      : intersection([...(type ? [type] : []), union(oneOf)]);
  }
  if (type === undefined) {
    type = 'type' in schema ? record(STRING, ctx.options.emptyObjectsUnknown === true ? UNKNOWN : NEVER) : UNKNOWN;
  }
  return !isUnknown(type) && schema['nullable'] ? nullable(type) : type;
}
