import type { ParameterModel, TypeModel } from '../model/model.js';
import { resolveType } from '../model/type-queries.js';
import type { SchemaLookup } from './fake-data.js';

/** A parameter as read from the request, or why it cannot be read in its style. */
export type ReadParam = { readonly value: unknown } | { readonly problem: string };

const NOTHING: ReadParam = { value: undefined };

/**
 * A query parameter's value as the spec types it, read in its `style` (see ParameterSerialization):
 * `?tag=a&tag=b` (or `tag[]=`) for an exploded list, `?tag=a,b` (`%20`, `|`) for one that is
 * not, `?filter[kind]=x` for a `deepObject`, `?kind=x` for an exploded `form` object, JSON for
 * `content: application/json`; else the last value given. `undefined` when the request has none.
 * `claimed`: the names of the operation's other query parameters, which an exploded `form`
 * object with free-form keys does not take.
 */
export function readQueryParam(
  param: ParameterModel,
  url: URL,
  lookup: SchemaLookup,
  claimed: ReadonlySet<string> = new Set(),
): ReadParam {
  const { style, explode, json } = param.serialization;
  const search = url.searchParams;
  const raws = rawQueryValues(url.search, param.name);
  const last = raws[raws.length - 1];
  if (json) return last === undefined ? NOTHING : parseJSON(formDecode(last));
  const type = resolveType(param.type, lookup);
  const delimiter = DELIMITERS[style];
  if (type?.kind === 'array') {
    if (!explode && last !== undefined)
      return { value: splitRaw(last, delimiter).map((v) => coerce(v, type.items, lookup)) };
    // `a=1&a=2`, and what the API's query formats (x-sdkgen-client.query) send: `a[]=1`, `a[0]=1`.
    const indexed = [...search.keys()].filter((key) => INDEXED.test(key) && key.startsWith(`${param.name}[`));
    const values = [
      ...search.getAll(param.name),
      ...search.getAll(`${param.name}[]`),
      ...[...new Set(indexed)].flatMap((key) => search.getAll(key)),
    ];
    return { value: values.length === 0 ? undefined : values.map((v) => coerce(v, type.items, lookup)) };
  }
  if (type?.kind === 'object') {
    if (style === 'deepObject') return { value: deepObject(param.name, type, search, lookup) };
    if (!explode) return last === undefined ? NOTHING : pairs(splitRaw(last, delimiter), type, lookup);
    const keys = new Set(type.properties.map((p) => p.name));
    const fields = [...search.keys()].filter(
      (key) => keys.has(key) || (type.additional !== undefined && key !== param.name && !claimed.has(key)),
    );
    return fields.length === 0
      ? NOTHING
      : {
          value: objectOf(
            fields.map((key) => [key, search.getAll(key).at(-1) ?? '']),
            type,
            lookup,
          ),
        };
  }
  return { value: last === undefined ? undefined : coerce(formDecode(last), param.type, lookup) };
}

/**
 * A path parameter's value, read in its style from the segment as sent (still percent-encoded,
 * so that an encoded `,` or `.` stays inside its value): `simple` `a,b`, `label` `.a,b` (`.a.b`
 * exploded), `matrix` `;id=a,b` (`;id=a;id=b`, `;k=v` exploded).
 */
export function readPathParam(param: ParameterModel, segment: string, lookup: SchemaLookup): ReadParam {
  const { style, explode, json } = param.serialization;
  if (json) return parseJSON(safeDecode(segment));
  let text = segment;
  let separator = ',';
  if (style === 'label') {
    if (!text.startsWith('.'))
      return { problem: `must be in label style (\`.${param.name}\`): a \`.\` before the value` };
    text = text.slice(1);
    if (explode) separator = '.';
  }
  const type = resolveType(param.type, lookup);
  if (style === 'matrix') {
    const key = `;${encodeURIComponent(param.name)}`;
    if (explode && type?.kind === 'object') {
      if (!text.startsWith(';')) return { problem: 'must be in matrix style (`;key=value;…`)' };
      return pairsOf(text.slice(1).split(';'), type, lookup);
    }
    if (explode && type?.kind === 'array') {
      const parts = text.split(';').slice(1);
      if (text[0] !== ';' || parts.some((part) => !part.startsWith(`${key.slice(1)}=`)))
        return { problem: `must be in matrix style (\`${key}=value;…\`)` };
      return { value: parts.map((part) => coerce(safeDecode(part.slice(key.length)), type.items, lookup)) };
    }
    if (text === key) text = '';
    else if (text.startsWith(`${key}=`)) text = text.slice(key.length + 1);
    else return { problem: `must be in matrix style (\`${key}=value\`)` };
  }
  if (type?.kind === 'array')
    return { value: text.split(separator).map((v) => coerce(safeDecode(v), type.items, lookup)) };
  if (type?.kind === 'object')
    return explode
      ? pairsOf(text.split(separator), type, lookup)
      : pairs(text.split(separator), type, lookup, safeDecode);
  return { value: coerce(safeDecode(text), param.type, lookup) };
}

/**
 * A cookie parameter's value from the `Cookie` header, `form` style: the header's pairs are
 * read as a query's are (`color=blue,black`, or `color=blue&color=black` exploded, as OpenAPI's table writes it).
 */
export function readCookieParam(param: ParameterModel, cookie: string, lookup: SchemaLookup): ReadParam {
  const pairs = cookie.split(/;\s*/).filter((pair) => pair !== '');
  return readQueryParam(param, new URL(`http://cookie/?${pairs.join('&')}`), lookup);
}

/** A header parameter's value, `simple` style: `a, b` for a list, `k,v` (`k=v` exploded) for an object. */
export function readHeaderParam(param: ParameterModel, text: string, lookup: SchemaLookup): ReadParam {
  if (param.serialization.json) return parseJSON(text);
  const type = resolveType(param.type, lookup);
  const parts = (): string[] => text.split(',').map((part) => part.trim());
  if (type?.kind === 'array') return { value: parts().map((v) => coerce(v, type.items, lookup)) };
  if (type?.kind === 'object') {
    const fields = parts();
    return param.serialization.explode
      ? pairsOf(fields, type, lookup, (v) => v)
      : pairs(fields, type, lookup, (v) => v);
  }
  return { value: coerce(text, param.type, lookup) };
}

type ObjectType = Extract<TypeModel, { kind: 'object' }>;

/** The encoded separator of a list that is not exploded, by style: as sent, or as a browser or `qs` writes it. */
const DELIMITERS: Readonly<Record<string, RegExp>> = {
  form: /,/,
  spaceDelimited: /%20|\+| /,
  pipeDelimited: /%7C|\|/i,
};

function splitRaw(raw: string, delimiter: RegExp | undefined): string[] {
  return raw.split(new RegExp((delimiter ?? /,/).source, 'gi')).map(formDecode);
}

/** `k,v,k2,v2` as an object, each part decoded by `decode`. */
function pairs(parts: readonly string[], type: ObjectType, lookup: SchemaLookup, decode = (v: string) => v): ReadParam {
  if (parts.length % 2 !== 0) return { problem: 'must list each key with its value (`key,value,…`)' };
  const entries: [string, string][] = [];
  for (let i = 0; i < parts.length; i += 2) entries.push([decode(parts[i] ?? ''), decode(parts[i + 1] ?? '')]);
  return { value: objectOf(entries, type, lookup) };
}

/** `k=v` parts as an object. */
function pairsOf(parts: readonly string[], type: ObjectType, lookup: SchemaLookup, decode = safeDecode): ReadParam {
  const entries: [string, string][] = [];
  for (const part of parts) {
    const at = part.indexOf('=');
    if (at === -1) return { problem: 'must list each key with its value (`key=value,…`)' };
    entries.push([decode(part.slice(0, at)), decode(part.slice(at + 1))]);
  }
  return { value: objectOf(entries, type, lookup) };
}

function objectOf(entries: readonly (readonly [string, string])[], type: ObjectType, lookup: SchemaLookup): object {
  const object: Record<string, unknown> = {};
  for (const [field, value] of entries) {
    const property = type.properties.find((p) => p.name === field);
    const fieldType = property?.type ?? type.additional;
    object[field] = fieldType === undefined ? value : coerce(value, fieldType, lookup);
  }
  return object;
}

function deepObject(name: string, type: ObjectType, search: URLSearchParams, lookup: SchemaLookup): unknown {
  const prefix = `${name}[`;
  const entries = [...search.entries()].filter(([key]) => key.startsWith(prefix) && key.endsWith(']'));
  // `filter.kind=x`: the dots an API's `nestedFormat: dots` asks for.
  const dotted = [...search.entries()].filter(([key]) => key.startsWith(`${name}.`));
  if (entries.length === 0 && dotted.length === 0) return search.has(name) ? search.get(name) : undefined;
  return objectOf(
    [
      ...entries.map(([key, value]): [string, string] => [key.slice(prefix.length, -1), value]),
      ...dotted.map(([key, value]): [string, string] => [key.slice(name.length + 1), value]),
    ],
    type,
    lookup,
  );
}

/** `name[0]`: a list item as `arrayFormat: indices` sends it. */
const INDEXED = /\[\d+\]$/;

function parseJSON(text: string): ReadParam {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: `is not valid JSON: ${(error as Error).message}` };
  }
}

/** The values of a query parameter as sent, still percent-encoded: a list's delimiters are told from the same characters encoded. */
function rawQueryValues(search: string, name: string): string[] {
  const values: string[] = [];
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = formDecode(at === -1 ? part : part.slice(0, at));
    if (key === name) values.push(at === -1 ? '' : part.slice(at + 1));
  }
  return values;
}

/** `application/x-www-form-urlencoded` decoding, as URLSearchParams does: `+` is a space. */
function formDecode(text: string): string {
  return safeDecode(text.replace(/\+/g, ' '));
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
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
