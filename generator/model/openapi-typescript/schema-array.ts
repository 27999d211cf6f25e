// `type: array`: `T[]`, tuples from `prefixItems` (or 3.0-era `items: [...]`), and under
// `--array-length` the tuples `minItems`/`maxItems` allow, as 7.13 writes them.
import type { RawSchema, SchemaContext, SchemaTransform } from './schema-context.js';
import { isRecord } from './schema-context.js';
import { UNKNOWN, union } from './ts-build.js';
import type { TsType } from './ts-type.js';

/**
 * Past this many elements in all the tuples together, 7.13 keeps `T[]`: roughly where TypeScript
 * starts to struggle with tuple inference.
 */
const MAX_TUPLE_ELEMENTS = 30;

const tuple = (items: readonly TsType[], rest?: TsType): TsType =>
  rest === undefined ? { kind: 'tuple', items } : { kind: 'tuple', items, rest };

const repeat = (type: TsType, count: number): TsType[] => Array.from({ length: Math.max(0, count) }, () => type);

/** The `--array-length` tuples, or undefined when the bounds do not apply (or are too many). */
function lengthTuples(schema: RawSchema, item: TsType, compat: boolean): TsType | undefined {
  const minItems = schema['minItems'];
  const maxItems = schema['maxItems'];
  const min = typeof minItems === 'number' && minItems >= 0 ? minItems : 0;
  const max = typeof maxItems === 'number' && maxItems >= 0 && min <= maxItems ? maxItems : undefined;
  const size = max === undefined ? min : (max * (max + 1) - min * (min - 1)) / 2;
  if ((min === 0 && max === undefined) || size >= MAX_TUPLE_ELEMENTS) return undefined;
  if (min === max) return union([tuple(repeat(item, min))]);
  if (typeof maxItems === 'number' && maxItems > 0) {
    // 7.13 makes tuples of 0 … max−min elements (its loop counts from min, not from 0): with
    // minItems 1, maxItems 2 that is `[] | [T]`, which rejects `[a, b]`. Unless compat, min … max.
    const members: TsType[] = [];
    const first = compat ? 0 : min;
    for (let i = first; i <= (max ?? 0) - min + first; i++) members.push(tuple(repeat(item, i)));
    return union(members);
  }
  return tuple(repeat(item, min), item);
}

export function arrayType(schema: RawSchema, ctx: SchemaContext, transform: SchemaTransform): TsType {
  const items = schema['items'];
  const prefixItems = schema['prefixItems'];
  let item: TsType = UNKNOWN;
  if (Array.isArray(prefixItems) || Array.isArray(items)) {
    const members = (Array.isArray(prefixItems) ? prefixItems : items) as unknown[];
    // 7.13 drops `items` beside `prefixItems`, closing a tuple the schema leaves open to more
    // items of that schema (`[a, 1, 2]` for prefixItems [string], items number). Unless compat,
    // they are its rest elements; `items: false` (or none) keeps the tuple closed.
    const rest = Array.isArray(prefixItems) && items !== undefined && items !== false && ctx.options.compat !== true;
    item = tuple(
      members.map((member) => transform(member, ctx)),
      rest ? transform(items, ctx) : undefined,
    );
  } else if (items) {
    const inner = transform(items, ctx);
    item = isRecord(items) && items['type'] === 'array' ? { kind: 'array', items: inner } : inner;
  }
  if (ctx.options.arrayLength === true) {
    const tuples = lengthTuples(schema, item, ctx.options.compat === true);
    if (tuples !== undefined) return tuples;
  }
  const readonly = ctx.options.immutable === true;
  if (item.kind === 'tuple' || item.kind === 'array') return readonly ? { ...item, readonly } : item;
  return readonly ? { kind: 'array', items: item, readonly } : { kind: 'array', items: item };
}
