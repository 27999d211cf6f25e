import type { ParameterModel, TypeModel } from '../model/model.js';
import { resolveType } from '../model/type-queries.js';
import type { SchemaLookup } from './fake-data.js';

/**
 * A query parameter's value as the spec types it, read the way OpenAPI's defaults say
 * (`form`, exploded): `?tag=a&tag=b` for a list, `?filter[kind]=x` for an object
 * (`deepObject`), else the last value given. `undefined` when the request has none.
 */
export function readQueryParam(param: ParameterModel, search: URLSearchParams, lookup: SchemaLookup): unknown {
  const type = resolveType(param.type, lookup);
  if (type?.kind === 'array') {
    const values = [...search.getAll(param.name), ...search.getAll(`${param.name}[]`)];
    return values.length === 0 ? undefined : values.map((v) => coerce(v, type.items, lookup));
  }
  if (type?.kind === 'object') {
    const prefix = `${param.name}[`;
    const entries = [...search.entries()].filter(([key]) => key.startsWith(prefix) && key.endsWith(']'));
    if (entries.length === 0) return search.has(param.name) ? search.get(param.name) : undefined;
    const object: Record<string, unknown> = {};
    for (const [key, value] of entries) {
      const field = key.slice(prefix.length, -1);
      const property = type.properties.find((p) => p.name === field);
      object[field] = property === undefined ? value : coerce(value, property.type, lookup);
    }
    return object;
  }
  const values = search.getAll(param.name);
  const last = values[values.length - 1];
  return last === undefined ? undefined : coerce(last, param.type, lookup);
}

/**
 * Text from a URL or header as the type wants it: `"20"` is 20 for a number, `"true"` true
 * for a boolean. Text that fits no scalar kind stays text, so the validator can say why.
 */
export function coerce(text: string, type: TypeModel, lookup: SchemaLookup): unknown {
  const kinds = scalarKinds(type, lookup, 0);
  const number = text.trim() === '' ? Number.NaN : Number(text);
  if (kinds.has('string')) return text;
  if (kinds.has('number') && Number.isFinite(number)) return number;
  if (kinds.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  if (kinds.has('null') && text === 'null') return null;
  return text;
}

type ScalarKind = 'string' | 'number' | 'boolean' | 'null';

function scalarKinds(type: TypeModel, lookup: SchemaLookup, depth: number): Set<ScalarKind> {
  const kinds = new Set<ScalarKind>();
  if (depth > 16) return kinds;
  switch (type.kind) {
    case 'primitive':
      if (type.name === 'unknown') kinds.add('string');
      else if (type.name !== 'Blob') kinds.add(type.name);
      break;
    case 'literal':
      kinds.add(type.value === null ? 'null' : (typeof type.value as ScalarKind));
      break;
    case 'ref': {
      const schema = lookup(type.name);
      if (schema !== undefined) for (const kind of scalarKinds(schema.type, lookup, depth + 1)) kinds.add(kind);
      break;
    }
    case 'union':
    case 'intersection':
      for (const member of type.members) for (const kind of scalarKinds(member, lookup, depth + 1)) kinds.add(kind);
      break;
    case 'array':
    case 'object':
    case 'omit':
      break;
    default:
      assertNever(type);
  }
  return kinds;
}

function assertNever(value: never): never {
  throw new Error(`Unexpected type: ${JSON.stringify(value)}`);
}
