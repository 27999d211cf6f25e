import type { QueryStyle } from './types.js';

/**
 * Serializes query parameters the way OpenAPI's defaults (`style: form`, `explode: true`) say:
 * `a=1&list=x&list=y`; objects use `deepObject` (`filter[key]=v`), as most APIs expect.
 * `styles` (core/styles' `queryStyles`) writes the parameters whose spec declares another style.
 * `undefined` and `null` values are left out.
 */
export function stringifyQuery(query: Readonly<Record<string, unknown>>, styles?: QueryStyle): string {
  let out = '';
  // for…in and string building: this runs for every page of a walk.
  if (styles === undefined) {
    for (const name in query) {
      if (Object.hasOwn(query, name)) out = appendParam(out, name, query[name]);
    }
    return out;
  }
  for (const name in query) {
    if (Object.hasOwn(query, name)) out = styles(out, name, query[name]) ?? appendParam(out, name, query[name]);
  }
  return out;
}

function appendParam(out: string, name: string, value: unknown): string {
  if (value === undefined || value === null) return out;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return pair(out, name, String(value));
  if (Array.isArray(value)) {
    for (const item of value) out = appendParam(out, name, item);
    return out;
  }
  if (value instanceof Date) return pair(out, name, value.toISOString());
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) out = appendParam(out, `${name}[${key}]`, inner);
    return out;
  }
  return pair(out, name, String(value));
}

function pair(out: string, name: string, value: string): string {
  const encoded = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  return out === '' ? encoded : `${out}&${encoded}`;
}
