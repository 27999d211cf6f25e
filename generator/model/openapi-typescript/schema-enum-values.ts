// `--enum-values`: beside an enum's union type, a `const` array of its values typed by a path into
// the types (`ReadonlyArray<FlattenedDeepRequired<components>["schemas"]["Pet"]["status"]>`),
// as 7.13 builds it: union members (`anyOf/0`) are skipped in the path, and every property after
// one is reached through `Extract<…, { name: unknown }>` so it narrows to the members having it.
import { parseRef } from '../../load/refs.js';
import type { SchemaContext } from './schema-context.js';
import { declarationBaseName } from './schema-enum-names.js';
import { named, objectType, STRING, UNKNOWN } from './ts-build.js';
import type { TsDeclaration, TsHelperName, TsType } from './ts-type.js';

function needHelper(ctx: SchemaContext, name: TsHelperName): void {
  if (!ctx.declarations.some((d) => d.kind === 'helper' && d.name === name)) {
    ctx.declarations.push({ kind: 'helper', name });
  }
}

const isUnionKey = (segment: string): boolean => segment === 'anyOf' || segment === 'oneOf';

/** The pointer without its `anyOf/N`/`oneOf/N` steps, and the property names found after the first. */
function cleanPointer(segments: readonly string[]): { cleaned: string[]; extract: Set<string> } {
  const cleaned: string[] = [];
  const extract = new Set<string>();
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const next = segments[i + 1];
    if (isUnionKey(segment) && next !== undefined && /^\d+$/.test(next)) {
      i++;
      for (const rest of segments.slice(i + 1)) if (!isUnionKey(rest) && !/^\d+$/.test(rest)) extract.add(rest);
      continue;
    }
    cleaned.push(segment);
  }
  return { cleaned, extract };
}

/** 7.13's oapiRef(…, { deep: true, extractProperties }): the first three segments, then the rest without `properties`. */
function deepRef(segments: readonly string[], extract: ReadonlySet<string>): TsType {
  const [root = '', ...lead] = segments.slice(0, 3);
  let type: TsType = { kind: 'indexed', root: `FlattenedDeepRequired<${root}>`, keys: lead };
  const index = (key: string): TsType =>
    type.kind === 'indexed' && type.base === undefined
      ? { ...type, keys: [...type.keys, key] }
      : { kind: 'indexed', root: '', keys: [key], base: type };
  for (const segment of segments.slice(3)) {
    if (segment === 'properties') continue;
    if (extract.has(segment)) {
      const narrowed = named('Extract', [
        type,
        objectType([{ name: segment, optional: false, readonly: false, type: UNKNOWN }]),
      ]);
      type = { kind: 'indexed', root: '', keys: [segment], base: narrowed };
    } else {
      type = index(segment);
    }
  }
  return type;
}

export function enumValuesConst(
  values: readonly (string | number)[],
  ctx: SchemaContext,
  fromAdditionalProperties: boolean,
): TsDeclaration {
  const parsed = parseRef(ctx.pointer);
  const segments = parsed.kind === 'local' ? parsed.pointer : [];
  const { cleaned, extract } = cleanPointer(segments);
  const ref = deepRef(cleaned, extract);
  const element: TsType = fromAdditionalProperties
    ? { kind: 'indexed', root: '', keys: [], base: ref, index: STRING }
    : ref;
  needHelper(ctx, 'FlattenedDeepRequired');
  needHelper(ctx, 'ReadonlyArray');
  const base = declarationBaseName(ctx.pointer, 'Values');
  return {
    kind: 'const',
    name: `${base.charAt(0).toLowerCase()}${base.slice(1)}`,
    type: named('ReadonlyArray', [element]),
    valueText: `[${values.map((v) => (typeof v === 'number' ? String(v) : JSON.stringify(v))).join(', ')}]`,
  };
}
