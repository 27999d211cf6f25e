import type { QueryFormat, QueryStyle } from './types.js';

/**
 * Serializes query parameters the way OpenAPI's defaults (`style: form`, `explode: true`) say:
 * `a=1&list=x&list=y`; objects use `deepObject` (`filter[key]=v`), as most APIs expect.
 * `format` (the API's `x-sdkgen-client.query`) writes lists and objects another way:
 * `list=x,y`, `list[]=x`, `list[0]=x`; `filter.key=v`.
 * `styles` (core/styles' `queryStyles`) writes the parameters whose spec declares another style.
 * `undefined` and `null` values are left out.
 */
export function stringifyQuery(
  query: Readonly<Record<string, unknown>>,
  styles?: QueryStyle,
  format: QueryFormat = DEFAULT_FORMAT,
): string {
  let out = '';
  // for…in and string building: this runs for every page of a walk.
  if (styles === undefined) {
    for (const name in query) {
      if (Object.hasOwn(query, name)) out = appendParam(out, name, query[name], format);
    }
    return out;
  }
  for (const name in query) {
    if (Object.hasOwn(query, name)) out = styles(out, name, query[name]) ?? appendParam(out, name, query[name], format);
  }
  return out;
}

const DEFAULT_FORMAT: QueryFormat = { arrays: 'repeat', objects: 'brackets' };

function appendParam(out: string, name: string, value: unknown, format: QueryFormat): string {
  if (value === undefined || value === null) return out;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return pair(out, name, String(value));
  if (Array.isArray(value)) return appendList(out, name, value, format);
  if (value instanceof Date) return pair(out, name, value.toISOString());
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      out = appendParam(out, format.objects === 'dots' ? `${name}.${key}` : `${name}[${key}]`, inner, format);
    return out;
  }
  return pair(out, name, String(value));
}

function appendList(out: string, name: string, list: readonly unknown[], format: QueryFormat): string {
  switch (format.arrays) {
    case 'repeat':
      for (const item of list) out = appendParam(out, name, item, format);
      return out;
    case 'brackets':
      for (const item of list) out = appendParam(out, `${name}[]`, item, format);
      return out;
    case 'indices':
      list.forEach((item, i) => {
        out = appendParam(out, `${name}[${i}]`, item, format);
      });
      return out;
    case 'comma': {
      // Each item encoded, joined by a plain comma, as OpenAPI's `form` not exploded writes it.
      const items = list.filter((item) => item !== undefined && item !== null);
      if (items.length === 0) return out;
      if (items.some((item) => typeof item === 'object' && !(item instanceof Date)))
        return appendList(out, name, items, { ...format, arrays: 'indices' });
      const text = items
        .map((item) => encodeURIComponent(item instanceof Date ? item.toISOString() : String(item)))
        .join(',');
      const encoded = `${encodeURIComponent(name)}=${text}`;
      return out === '' ? encoded : `${out}&${encoded}`;
    }
    default:
      return assertNever(format.arrays);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown query array format: ${String(value)}`);
}

function pair(out: string, name: string, value: string): string {
  const encoded = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  return out === '' ? encoded : `${out}&${encoded}`;
}
